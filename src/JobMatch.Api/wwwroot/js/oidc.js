// OpenID Connect sign-in against Auth:Authority: authorization code with PKCE (S256), no client secret, no library.
// The authority must list this page's origin + "/" as a redirect URI of the client and allow CORS on its token endpoint.
const KEY = 'jobmatch.oidc';

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));
const redirectUri = () => `${location.origin}/`;

async function discover(authority) {
  const response = await fetch(`${authority}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery: HTTP ${response.status}`);
  return response.json();
}

/** Sends the browser to the authority's sign-in page. */
export async function startOidc({ authority, clientId, scope }) {
  const meta = await discover(authority);
  const verifier = random(32);
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = random(16);
  sessionStorage.setItem(KEY, JSON.stringify({ verifier, state, clientId, tokenEndpoint: meta.token_endpoint }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri(), scope, state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${meta.authorization_endpoint}?${query}`);
}

/** On the way back (?code=&state=): exchanges the code for an access token, or returns null when this is no callback. */
export async function finishOidc() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  if (!params.has('code') || !pending) return null;
  sessionStorage.removeItem(KEY);
  history.replaceState(null, '', '/');
  if (params.get('state') !== pending.state) throw new Error('OIDC: state mismatch');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: pending.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`OIDC token: HTTP ${response.status}`);
  return (await response.json()).access_token;
}

// The console's OIDC sign-in (authorization code + PKCE) against a stand-in authority. The console's files are served
// as the service serves them; the authority and the two API routes the sign-in needs are played by this test, because
// the service only trusts an authority over HTTPS. It checks what the browser does: the redirect, the S256 challenge,
// the code exchange with the verifier, and the access token then sent to the API.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, newPage } from './browser.mjs';
import { repo } from './service.mjs';

const wwwroot = join(repo, 'src/JobMatch.Api/wwwroot');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const seen = { authorize: null, token: null, bearer: [] };
let server, origin, browser;

const b64url = (buffer) => buffer.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const json = (res, status, body) => { res.writeHead(status, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(body)); };

async function handle(req, res) {
  const url = new URL(req.url, origin);
  if (url.pathname === '/api/console/settings') return json(res, 200, { demoSignIn: false, oidc: { authority: `${origin}/idp`, clientId: 'jobmatch-console', scope: 'openid profile' } });
  if (url.pathname === '/idp/.well-known/openid-configuration') return json(res, 200, { authorization_endpoint: `${origin}/idp/authorize`, token_endpoint: `${origin}/idp/token` });
  if (url.pathname === '/idp/authorize') {
    seen.authorize = Object.fromEntries(url.searchParams);
    res.writeHead(302, { Location: `${seen.authorize.redirect_uri}?code=the-code&state=${encodeURIComponent(seen.authorize.state)}` });
    return res.end();
  }
  if (url.pathname === '/idp/token') {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.token = Object.fromEntries(new URLSearchParams(body));
    const challenge = b64url(createHash('sha256').update(seen.token.code_verifier ?? '').digest());
    return challenge === seen.authorize.code_challenge && seen.token.code === 'the-code'
      ? json(res, 200, { access_token: 'access-from-idp', token_type: 'Bearer' }) : json(res, 400, { error: 'invalid_grant' });
  }
  if (url.pathname.startsWith('/api/')) {
    seen.bearer.push(req.headers.authorization);
    if (req.headers.authorization !== 'Bearer access-from-idp') return json(res, 401, { title: 'Unauthorized' });
    if (url.pathname === '/api/me') return json(res, 200, { subject: 'oidc-user', role: 'mentor', companyIds: [] });
    if (url.pathname === '/api/mentors/me') return json(res, 200, { name: '测试导师', capacity: 5 });
    if (url.pathname === '/api/mentors/me/caseload') return json(res, 200, []);
    return json(res, 404, { title: 'Not found' });
  }
  const path = normalize(join(wwwroot, url.pathname === '/' ? 'index.html' : url.pathname));
  if (!path.startsWith(wwwroot)) return json(res, 404, {});
  try {
    const file = await readFile(path);
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(file);
  } catch {
    json(res, 404, {});
  }
}

before(async () => {
  server = createServer((req, res) => handle(req, res).catch(() => json(res, 500, {})));
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://localhost:${server.address().port}`; // localhost: a secure context, as crypto.subtle needs
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('with an authority configured, the console signs in by authorization code with PKCE and uses the access token', async () => {
  const page = await newPage(browser, origin);
  await page.goto('/');
  await page.getByRole('button', { name: '使用单位账号登录' }).click();
  await page.waitForURL(/#\/mentor\/caseload/);
  await page.waitForSelector('[data-page="mentor-caseload"][data-ready]');

  assert.equal(seen.authorize.response_type, 'code');
  assert.equal(seen.authorize.client_id, 'jobmatch-console');
  assert.equal(seen.authorize.code_challenge_method, 'S256');
  assert.equal(seen.authorize.redirect_uri, `${origin}/`);
  assert.equal(seen.token.grant_type, 'authorization_code');
  assert.ok(seen.token.code_verifier.length >= 43, 'a verifier of at least 43 characters');
  assert.ok(seen.bearer.every((header) => header === 'Bearer access-from-idp'), 'the API only ever sees the access token');
  assert.doesNotMatch(page.url(), /code=/, 'the code is taken out of the address bar');
  assert.match(await page.locator('main').textContent(), /测试导师/);
  await page.context().close();
});

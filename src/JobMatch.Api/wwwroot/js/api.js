// The one place that talks to the API: attaches the token and the language, turns ProblemDetails into messages, and
// renews an account's short-lived token from its refresh cookie.
import { lang } from './i18n.js';

const KEY = 'jobmatch.token';
const ACCOUNT = 'jobmatch.account'; // this tab's token came from an account sign-in: it can be renewed
const REMEMBERED = 'jobmatch.signedIn'; // this browser has a refresh cookie: a new tab may renew without signing in

export const session = {
  get token() { return sessionStorage.getItem(KEY); },
  /** A token from elsewhere (demo, OIDC, pasted), or null to forget it. */
  set token(value) {
    sessionStorage.removeItem(ACCOUNT);
    if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY);
  },
  get fromAccount() { return sessionStorage.getItem(ACCOUNT) === '1'; },
  /** An access token from an account sign-in (sign-in, set-password, second factor, refresh, password change). */
  signedIn(token) {
    this.token = token;
    sessionStorage.setItem(ACCOUNT, '1');
    localStorage.setItem(REMEMBERED, '1');
  },
  get remembered() { return localStorage.getItem(REMEMBERED) === '1'; },
};

/** An answer that is not 2xx: its status, one readable sentence, and the ProblemDetails body (its extensions, if any). */
export class ApiError extends Error {
  constructor(status, message, problem = null) { super(message); this.status = status; this.problem = problem; }
}

/** A ProblemDetails body as one readable sentence: the detail, then any field errors. */
function describe(status, problem) {
  if (!problem || typeof problem !== 'object') return `HTTP ${status}`;
  const fields = Object.values(problem.errors ?? {}).flat();
  return [problem.detail ?? problem.title ?? `HTTP ${status}`, ...fields].join(' ');
}

let renewing = null; // this tab's refresh in flight: parallel 401s wait for the same one

/**
 * A new access token from the refresh cookie, or null when the sign-in has ended. One refresh at a time across the
 * browser's tabs (they share the cookie, and a cookie presented twice ends the sign-in): under the lock, a token that
 * differs from the refused one means another request of this tab renewed it already.
 */
export function renew(refused) {
  renewing ??= (async () => {
    const once = async () => {
      if (session.token && session.token !== refused) return session.token;
      const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { Accept: 'application/json' } });
      if (!response.ok) { localStorage.removeItem(REMEMBERED); return null; } // the server ended it and dropped the cookie
      const { accessToken } = await response.json();
      session.signedIn(accessToken);
      return accessToken;
    };
    try {
      return await (navigator.locks ? navigator.locks.request('jobmatch.refresh', once) : once());
    } catch {
      return null;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/** Ends an account's sign-in on the server (its refresh cookie) and forgets the token here. */
export async function signOut() {
  const ended = session.fromAccount || session.remembered;
  session.token = null;
  localStorage.removeItem(REMEMBERED);
  if (ended) await fetch('/api/auth/sign-out', { method: 'POST' }).catch(() => {});
}

/**
 * fetch with the bearer token. `body` is sent as JSON, `form` as multipart; every POST carries a fresh
 * Idempotency-Key so a retried click never creates twice. Resolves to the parsed JSON (null for 204).
 * An account's token refused (it lives 15 minutes) is renewed once and the request sent again.
 */
export async function api(path, { method = 'GET', body, form, signal } = {}) {
  const headers = { 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN', Accept: 'application/json' };
  if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
  let payload;
  if (form) payload = form;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  const send = (token) => {
    if (token) headers.Authorization = `Bearer ${token}`; else delete headers.Authorization;
    return fetch(path, { method, headers, body: payload, signal });
  };
  // The token refused (a challenge), not a wrong password or code answered by a route as 401.
  const refused = (response) => response.status === 401 && /^Bearer/i.test(response.headers.get('WWW-Authenticate') ?? '');
  const token = session.token;
  let response = await send(token);
  if (token && session.fromAccount && refused(response)) {
    const renewed = await renew(token);
    if (renewed) response = await send(renewed);
    else window.dispatchEvent(new Event('jobmatch:signed-out'));
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (refused(response)) session.token = null;
    throw new ApiError(response.status, describe(response.status, data), data);
  }
  return data;
}

/**
 * A list as one spreadsheet: every page of `path` asked as CSV (Accept: text/csv, 100 rows a request, following
 * X-Next-Cursor), joined under the first page's header and saved as `fileName`. progress(rows, total) after each page.
 */
export async function downloadCsv(path, fileName, progress = () => {}) {
  const parts = [];
  let cursor = null, rows = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url = `${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    let response = await fetch(url, { headers: { Accept: 'text/csv', Authorization: `Bearer ${session.token}` } });
    if (response.status === 401 && session.fromAccount) {
      const renewed = await renew(session.token);
      if (renewed) response = await fetch(url, { headers: { Accept: 'text/csv', Authorization: `Bearer ${renewed}` } });
    }
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError(response.status, describe(response.status, text ? JSON.parse(text) : null));
    }
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const body = parts.length ? text.slice(text.indexOf('\n') + 1) : text; // the header once (column names hold no line break)
    parts.push(body);
    rows += Math.max(0, body.split('\n').filter(Boolean).length - (parts.length === 1 ? 1 : 0));
    progress(rows, Number(response.headers.get('X-Total-Count') ?? rows));
    cursor = response.headers.get('X-Next-Cursor');
  } while (cursor);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' }));
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export const get = (path) => api(path);
export const post = (path, body) => api(path, { method: 'POST', body });

// The one place that talks to the API: attaches the token and the language, turns ProblemDetails into messages.
import { lang } from './i18n.js';

const KEY = 'jobmatch.token';

export const session = {
  get token() { return sessionStorage.getItem(KEY); },
  set token(value) { value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY); },
};

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

/** A ProblemDetails body as one readable sentence: the detail, then any field errors. */
function describe(status, problem) {
  if (!problem || typeof problem !== 'object') return `HTTP ${status}`;
  const fields = Object.values(problem.errors ?? {}).flat();
  return [problem.detail ?? problem.title ?? `HTTP ${status}`, ...fields].join(' ');
}

/**
 * fetch with the bearer token. `body` is sent as JSON, `form` as multipart; every POST carries a fresh
 * Idempotency-Key so a retried click never creates twice. Resolves to the parsed JSON (null for 204).
 */
export async function api(path, { method = 'GET', body, form, signal } = {}) {
  const headers = { 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN', Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
  let payload;
  if (form) payload = form;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  const response = await fetch(path, { method, headers, body: payload, signal });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401) session.token = null;
    throw new ApiError(response.status, describe(response.status, data));
  }
  return data;
}

export const get = (path) => api(path);
export const post = (path, body) => api(path, { method: 'POST', body });

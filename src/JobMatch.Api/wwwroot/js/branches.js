// The service branches, as the API serves them (GET /api/service-branches): for the branch picker and to name the codes
// answers carry. Pages load after sign-in, so the list is read once, with the session's token.
import { get } from './api.js';
import { lang } from './i18n.js';

// Without the list (the request failed), names fall back to the codes and the picker offers none.
export const serviceBranches = await get('/api/service-branches').catch(() => []);

export const branchName = (code) => {
  const found = serviceBranches.find((b) => b.code === code);
  return found ? (lang() === 'en' ? found.labelEn : found.label) : (code ?? '');
};

export const branchOptions = (blank) => [['', blank], ...serviceBranches.map((b) => [b.code, branchName(b.code)])];

// The education levels, as the API serves them (GET /api/education-levels, lowest first): for the education picker and
// to name the codes answers carry. Pages load after sign-in, so the list is read once, with the session's token.
import { get } from './api.js';
import { lang } from './i18n.js';

// Without the list (the request failed), names fall back to the codes and the picker offers none.
export const educationLevels = await get('/api/education-levels').catch(() => []);

export const educationName = (code) => {
  const found = educationLevels.find((l) => l.code === code);
  return found ? (lang() === 'en' ? found.labelEn : found.label) : (code ?? '');
};

export const educationOptions = (blank) => [['', blank], ...educationLevels.map((l) => [l.code, educationName(l.code)])];

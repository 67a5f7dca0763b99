// Huainan's districts, as the API serves them (GET /api/districts, from data/districts.csv): for the district pickers
// and to name codes in lists. Pages load after sign-in, so the list is read once, with the session's token.
import { get } from './api.js';
import { lang } from './i18n.js';

// Without the list (the request failed), names fall back to the codes and the pickers offer none.
export const districts = await get('/api/districts').catch(() => []);

export const districtName = (code) => {
  const found = districts.find((d) => d.code === code);
  return found ? (lang() === 'en' ? found.nameEn ?? found.nameZh : found.nameZh) : (code ?? '');
};

export const districtOptions = (blank) => [['', blank], ...districts.map((d) => [d.code, districtName(d.code)])];

// Chinese by default, English on request; each language is one small dictionary module.
import zh from './i18n/zh.js';
import en from './i18n/en.js';

const dictionaries = { zh, en };
const KEY = 'jobmatch.lang';

export const lang = () => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh');

export function setLang(value) {
  localStorage.setItem(KEY, value);
  document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN';
}

/** The text for a key in the current language, with {name} placeholders filled; the key itself when missing. */
export function t(key, vars = {}) {
  const text = dictionaries[lang()][key] ?? dictionaries.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** A value from a closed list (state, branch, district...) by its code: `t('state.interview')`. */
export const label = (group, code) => (code == null ? '' : t(`${group}.${code}`) === `${group}.${code}` ? code : t(`${group}.${code}`));

/** A count in words: the key's `.one` form for exactly one where the language has one ("1 place left"), else the key. */
export const count = (key, n) => t(n === 1 && dictionaries[lang()][`${key}.one`] ? `${key}.one` : key, { n });

/** How strongly a ranked item is recommended, from its place in the list (never a raw score): top 3 high, to 10th medium. */
export const recommendation = (rank) => t('matches.recommendation', { level: t(`recommendation.${rank <= 3 ? 'high' : rank <= 10 ? 'medium' : 'low'}`) });

/** A bilingual pair from the API ({zh, en}) in the current language. */
export const pick = (pair) => (lang() === 'en' ? pair.en : pair.zh);

export const date = (iso) => (iso ? new Date(iso).toLocaleDateString(lang() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '');

export const dateTime = (iso) => (iso ? new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN',
  { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }) : '');

// Chinese by default, English on request. The shell's words (the nav, the sign-in, the common ones) are one dictionary
// per language, the other language's loaded only when someone switches to it; each area of the console keeps its own
// words, both languages side by side, in i18n/<area>.js, added by words() when the first module that shows them is
// loaded: the first page loads the Chinese shell's words only.
import zh from './i18n/zh.js';

const dictionaries = { zh: { ...zh }, en: {} };
let english = null; // the English shell's words, once loaded
const KEY = 'jobmatch.lang';

/**
 * An area's words ({ zh: {...}, en: {...} }) into the dictionaries: an area's file calls it, and each module that uses
 * the area's words imports that file (`import '../i18n/fairs.js';`), so a page loads only the words it shows.
 */
export function words(area) {
  Object.assign(dictionaries.zh, area.zh);
  Object.assign(dictionaries.en, area.en);
  return area;
}

export const lang = () => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh');

/** The current language's shell words, loaded before a page draws (the language may have been chosen in another tab). */
export async function loadLang() {
  if (lang() === 'en') {
    english ??= import('./i18n/en.js').then(({ default: en }) => { dictionaries.en = { ...en, ...dictionaries.en }; });
    await english;
  }
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
}

/** Switches the language, loading the English shell's words the first time (the areas' come with their modules). */
export async function setLang(value) {
  localStorage.setItem(KEY, value);
  await loadLang();
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

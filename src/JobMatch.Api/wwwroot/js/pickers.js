// Choosing a company, a mentor record or an account by searching for it (nobody types an id), and naming a token
// subject by its account where it is one.
import { get } from './api.js';
import { act, field, h } from './dom.js';
import { label, t } from './i18n.js';
import './i18n/mentoring.js';

/** A query string from the parameters that have a value. */
export const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null)).toString();

/** Every page of a list (for short lists such as mentors): follows nextCursor to the end. */
export async function everything(path) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(`${path}${path.includes('?') ? '&' : '?'}${query({ limit: 100, cursor })}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * A search box, a find button and a list of what it found; the first search runs on load(). Says how many it shows
 * when there are more than one page holds, so nothing is cut off silently. value() is the chosen id ('' for none).
 */
function searchPicker({ name, searchLabel, chooseLabel, find, text }) {
  const search = h('input', { type: 'search', name: `${name}-q`, autocomplete: 'off' });
  const list = h('select', { name });
  const note = h('small', { class: 'muted', 'aria-live': 'polite' });
  const load = async () => {
    const page = await find(search.value.trim());
    list.replaceChildren(...page.items.map((item) => h('option', { value: item.id }, text(item))));
    note.textContent = !page.items.length ? t('pick.none')
      : page.nextCursor ? t('pick.narrow', { shown: page.items.length, total: page.total }) : '';
    list.dispatchEvent(new Event('change'));
  };
  const button = h('button', { type: 'button', class: 'secondary', onclick: () => act(button, load, note) }, t('pick.find'));
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); button.click(); } // not the surrounding form's submit
  });
  const element = h('div', { class: 'row picker' }, field(searchLabel, search), button, field(chooseLabel, list), note);
  return { element, list, load, value: () => list.value, chosen: () => list.selectedOptions[0]?.textContent ?? '' };
}

export const companyPicker = () => searchPicker({
  name: 'company', searchLabel: t('pick.companySearch'), chooseLabel: t('pick.company'), text: (c) => c.name,
  find: (q) => get(`/api/companies?${query({ limit: 20, q })}`),
});

/** Accounts of one role, by user name; an account that cannot sign in yet says its state. */
export const accountPicker = (role) => searchPicker({
  name: 'account', searchLabel: t('pick.accountSearch'), chooseLabel: t('pick.account'),
  text: (a) => (a.state === 'active' ? a.userName : t('pick.accountState', { name: a.userName, state: label('accountState', a.state) })),
  find: (q) => get(`/api/accounts?${query({ role, limit: 20, q })}`),
});

/** The mentor records (from everything('/api/mentors')) in one list, those without an account first. */
export function mentorPicker(mentors) {
  const sorted = [...mentors].sort((a, b) => Number(a.subject != null) - Number(b.subject != null));
  const list = h('select', { name: 'mentor' }, ...sorted.map((m) => h('option', { value: m.id },
    m.subject ? t('pick.mentorLinked', { name: m.name }) : m.name)));
  return { element: field(t('pick.mentor'), list), list, load: async () => {}, value: () => list.value };
}

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const names = new Map();

/**
 * User names for token subjects, looked up where a subject is an account id; any other subject (an OIDC issuer's,
 * the token command's) is its own name. Pass lookup=false where built-in accounts are off.
 */
export async function subjectNames(subjects, lookup = true) {
  await Promise.all([...new Set(subjects)].filter((s) => lookup && ACCOUNT_ID.test(s) && !names.has(s)).map(async (s) => {
    try { names.set(s, (await get(`/api/accounts/${s}`)).userName); } catch { /* not an account: shown as the subject */ }
  }));
  return (subject) => (lookup ? names.get(subject) : null) ?? subject;
}

/** Choosing a mentor where the choice fills a caseload: each with their caseload against capacity, and paused ones said. */
export function mentorLoadSelect(name, mentors, selected) {
  return h('select', { name }, ...mentors.map((m) => h('option', { value: m.id, selected: m.id === selected },
    t(m.paused ? 'mentoring.pick.paused' : 'mentoring.pick.load', { name: m.name, load: m.load, capacity: m.capacity }))));
}

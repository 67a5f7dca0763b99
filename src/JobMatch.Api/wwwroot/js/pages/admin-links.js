// Admin: who acts for which company (recruiters) and which mentor record (mentors); link and unlink. With built-in
// accounts the person is picked from the accounts and shown by user name; without them (OIDC) by the token subject.
import { api, get, post } from '../api.js';
import { act, announce, errorBox, field, h, select, table } from '../dom.js';
import { date, t } from '../i18n.js';
import { accountPicker, everything, subjectNames } from '../pickers.js';

export default async function links(view) {
  view.append(h('h1', {}, t('page.links')));
  const [settings, mentors] = await Promise.all([get('/api/console/settings'), everything('/api/mentors')]);
  const byAccount = settings.accounts === true;
  if (byAccount) view.append(h('p', { class: 'muted' }, t('links.byAccount')));
  view.append(await recruiters(byAccount), await mentorLinks(mentors, byAccount));
}

/** Who is to be linked: an account picked by search, or (accounts off) a subject typed as the issuer knows it. */
function chooser(role, byAccount, subjectLabel) {
  if (byAccount) {
    const picker = accountPicker(role);
    const value = () => { if (!picker.value()) throw new Error(t('links.pickAccount')); return picker.value(); };
    return { element: picker.element, load: picker.load, value, clear: () => {} };
  }
  const subject = h('input', { name: 'subject', required: true, autocomplete: 'off', ...subjectLabel });
  return { element: subjectLabel ? subject : field(t('links.subject'), subject), load: async () => {}, value: () => subject.value.trim(), clear: () => { subject.value = ''; } };
}

async function recruiters(byAccount) {
  const section = h('section', { class: 'card' }, h('h2', {}, t('links.recruiters')));
  const search = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
  const company = select('company', []);
  const links = companyRecruiters(byAccount);
  const find = async () => {
    const found = await get(`/api/companies?limit=100&q=${encodeURIComponent(search.value.trim())}`);
    company.replaceChildren(...found.items.map((c) => h('option', { value: c.id }, c.name)));
    if (found.items.length) await links.show(company.value); else links.clear();
  };
  company.addEventListener('change', () => links.show(company.value));
  search.addEventListener('change', find);
  section.append(h('div', { class: 'row' }, field(t('links.find'), search), field(t('links.company'), company)), links.element);
  await Promise.all([find(), links.load()]);
  return section;
}

/**
 * The recruiters linked to one company, each with an unlink button, and a form that links another (an account picked
 * by search, or a subject typed). show(companyId) draws them for a company; load() runs the first account search.
 * The companies page uses it too.
 */
export function companyRecruiters(byAccount) {
  let companyId = null;
  const list = h('div');
  const who = chooser('recruiter', byAccount);
  const error = errorBox();
  const show = async (id = companyId) => {
    companyId = id;
    const rows = await get(`/api/companies/${companyId}/recruiters`);
    const name = await subjectNames(rows.map((l) => l.subject), byAccount);
    list.replaceChildren(rows.length ? table([
      { head: t(byAccount ? 'links.account' : 'links.subject'), cell: (l) => h('span', { title: l.subject, 'data-subject': l.subject }, name(l.subject)) },
      { head: t('links.since'), cell: (l) => date(l.linkedAt) },
      { head: '', cell: (l) => unlinkButton(`/api/companies/${l.companyId}/recruiters/${encodeURIComponent(l.subject)}`, error, show) },
    ], rows) : h('p', {}, t('links.noRecruiters')));
  };
  const link = h('button', { type: 'submit' }, t('links.link'));
  const form = h('form', {
    class: 'row',
    onsubmit: (event) => {
      event.preventDefault();
      act(link, async () => { await post(`/api/companies/${companyId}/recruiters`, { subject: who.value() }); who.clear(); await show(); }, error);
    },
  }, who.element, link);
  return { element: h('div', {}, list, form, error), show, load: who.load, clear: () => list.replaceChildren() };
}

async function mentorLinks(mentors, byAccount) {
  const error = errorBox();
  const reload = () => { location.hash = `#/admin/links?${Date.now()}`; };
  const linkForm = (m) => {
    const who = chooser('mentor', byAccount, { 'aria-label': t('links.subjectFor', { name: m.name }) });
    const button = h('button', { type: 'submit', class: 'secondary' }, t('links.link'));
    const form = h('form', {
      class: 'row', 'data-mentor': m.id,
      onsubmit: (event) => {
        event.preventDefault();
        act(button, async () => {
          await api(`/api/mentors/${m.id}/subject`, { method: 'PUT', body: { subject: who.value() } });
          announce(t('links.linked'));
          reload();
        }, error);
      },
    }, who.element, button);
    if (!byAccount) return form;
    // An account search per mentor only when asked for: a list of mentors does not run a search per row.
    const open = h('button', {
      type: 'button', class: 'secondary', 'aria-label': t('links.accountFor', { name: m.name }),
      onclick: () => act(open, async () => { await who.load(); open.replaceWith(form); form.querySelector('input')?.focus(); }, error),
    }, t('links.chooseAccount'));
    return open;
  };
  const name = await subjectNames(mentors.map((m) => m.subject).filter(Boolean), byAccount);
  return h('section', { class: 'card' }, h('h2', {}, t('links.mentors')), error, table([
    { head: t('links.mentor'), cell: (m) => m.name },
    { head: t('links.load'), cell: (m) => `${m.load}/${m.capacity}` },
    { head: t(byAccount ? 'links.account' : 'links.subject'), cell: (m) => (m.subject ? h('span', { title: m.subject, 'data-subject': m.subject }, name(m.subject)) : '—') },
    { head: '', cell: (m) => (m.subject ? unlinkButton(`/api/mentors/${m.id}/subject`, error, reload) : linkForm(m)) },
  ], mentors));
}

function unlinkButton(path, error, after) {
  const button = h('button', {
    type: 'button', class: 'secondary',
    onclick: () => act(button, async () => { await api(path, { method: 'DELETE' }); announce(t('links.unlinked')); await after(); }, error),
  }, t('links.unlink'));
  return button;
}

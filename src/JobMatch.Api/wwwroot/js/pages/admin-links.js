// Admin: which token subjects act for which company (recruiters) and which mentor record (mentors); link and unlink.
import { api, get, post } from '../api.js';
import { act, announce, errorBox, field, h, select, table } from '../dom.js';
import { date, t } from '../i18n.js';

export default async function links(view) {
  view.append(h('h1', {}, t('page.links')));
  const mentors = await get('/api/mentors?limit=100');
  view.append(await recruiters(), mentorLinks(mentors.items));
}

async function recruiters() {
  const section = h('section', { class: 'card' }, h('h2', {}, t('links.recruiters')));
  const search = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
  const company = select('company', []);
  const find = async () => {
    const found = await get(`/api/companies?limit=100&q=${encodeURIComponent(search.value.trim())}`);
    company.replaceChildren(...found.items.map((c) => h('option', { value: c.id }, c.name)));
    if (found.items.length) await show(); else list.replaceChildren();
  };
  const list = h('div');
  const subject = h('input', { name: 'subject', required: true, autocomplete: 'off' });
  const error = errorBox();
  const show = async () => {
    const rows = await get(`/api/companies/${company.value}/recruiters`);
    list.replaceChildren(rows.length ? table([
      { head: t('links.subject'), cell: (l) => l.subject },
      { head: t('links.since'), cell: (l) => date(l.linkedAt) },
      { head: '', cell: (l) => unlinkButton(`/api/companies/${l.companyId}/recruiters/${encodeURIComponent(l.subject)}`, error, show) },
    ], rows) : h('p', {}, t('links.noRecruiters')));
  };
  const link = h('button', { type: 'submit' }, t('links.link'));
  company.addEventListener('change', show);
  search.addEventListener('change', find);
  section.append(h('div', { class: 'row' }, field(t('links.find'), search), field(t('links.company'), company)), list, h('form', {
    class: 'row',
    onsubmit: (event) => {
      event.preventDefault();
      act(link, async () => { await post(`/api/companies/${company.value}/recruiters`, { subject: subject.value.trim() }); subject.value = ''; await show(); }, error);
    },
  }, field(t('links.subject'), subject), link), error);
  await find();
  return section;
}

function mentorLinks(mentors) {
  const error = errorBox();
  const linkForm = (m) => {
    const subject = h('input', { name: 'subject', 'aria-label': t('links.subjectFor', { name: m.name }), autocomplete: 'off' });
    const button = h('button', { type: 'submit', class: 'secondary' }, t('links.link'));
    return h('form', {
      class: 'row',
      onsubmit: (event) => {
        event.preventDefault();
        act(button, async () => {
          await api(`/api/mentors/${m.id}/subject`, { method: 'PUT', body: { subject: subject.value.trim() } });
          announce(t('links.linked'));
          location.hash = `#/admin/links?${Date.now()}`;
        }, error);
      },
    }, subject, button);
  };
  const reload = () => { location.hash = `#/admin/links?${Date.now()}`; };
  return h('section', { class: 'card' }, h('h2', {}, t('links.mentors')), error, table([
    { head: t('links.mentor'), cell: (m) => m.name },
    { head: t('links.load'), cell: (m) => `${m.load}/${m.capacity}` },
    { head: t('links.subject'), cell: (m) => m.subject ?? '—' },
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

// Admin: the companies (search, paged, as a spreadsheet), registering one, and a company's page (#/admin/companies/<id>):
// its details to correct, the recruiters who act for it (the links page's list) and its positions.
import { api, get, post } from '../api.js';
import { act, announce, check, errorBox, field, h } from '../dom.js';
import { districtName } from '../districts.js';
import { date, label, t } from '../i18n.js';
import { filterForm, pagedTable } from '../lists.js';
import { companyRecruiters } from './admin-links.js';
import '../i18n/records.js';

export default async function companies(view, { id }) {
  if (id) return company(view, id);
  view.append(h('h1', {}, t('page.companies')));
  const list = pagedTable({
    path: '/api/companies', csv: 'companies.csv', empty: t('records.companies.none'),
    rowAttrs: (c) => ({ 'data-company': c.id }),
    columns: [
      { head: t('records.company.name'), cell: (c) => h('a', { href: `#/admin/companies/${c.id}` }, c.name) },
      { head: t('records.company.industry'), cell: (c) => c.industry ?? '' },
      { head: t('records.company.district'), cell: (c) => c.district ?? '' },
      { head: t('records.company.contact'), cell: (c) => [c.contactName, c.contactPhone].filter(Boolean).join(' ') },
      { head: t('records.company.since'), cell: (c) => date(c.createdAt) },
    ],
  });
  const search = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
  const filters = filterForm([field(t('records.companies.search'), search)], (values) => list.reload(values));
  view.append(createForm(async (created) => {
    search.value = '';
    await list.reload({});
    view.querySelector(`[data-company="${created.id}"] a`)?.focus();
  }), h('section', { class: 'card' }, h('h2', {}, t('records.companies.list')), filters.element, list.element));
  await list.reload({});
}

/** The fields a company has, filled from `c` when editing; the phone stays empty (it is only ever read masked). */
function companyFields(c = {}) {
  const input = (name, value, attrs = {}) => h('input', { name, value: value ?? '', autocomplete: 'off', ...attrs });
  const founded = h('input', { name: 'veteranFounded', checked: !!c.veteranFounded });
  return {
    nodes: [
      field(t('records.company.name'), input('name', c.name, { required: true, maxlength: 200 })),
      field(t('records.company.industry'), input('industry', c.industry, { maxlength: 100 })),
      field(t('records.company.district'), input('district', c.district, { maxlength: 200 }), t('records.company.districtHint')),
      field(t('records.company.contactName'), input('contactName', c.contactName, { maxlength: 100 })),
      field(t('records.company.contactPhone'), input('contactPhone', '', { type: 'tel', maxlength: 30 }),
        c.contactPhone ? t('records.company.phoneKept', { phone: c.contactPhone }) : null),
      check(t('records.company.veteranFounded'), founded),
    ],
    /** The request body from the form: empty texts as null (the phone left empty keeps the stored one). */
    body: (form) => {
      const value = (name) => form.elements[name].value.trim() || null;
      return { name: value('name') ?? '', industry: value('industry'), district: value('district'), contactName: value('contactName'),
        contactPhone: value('contactPhone'), veteranFounded: founded.checked };
    },
  };
}

function createForm(onCreated) {
  const fields = companyFields();
  const credit = h('input', { name: 'creditCode', maxlength: 18, autocomplete: 'off' });
  const error = errorBox();
  const save = h('button', { type: 'submit' }, t('records.companies.create'));
  const form = h('form', {
    class: 'card', 'data-create-company': '',
    onsubmit: (event) => {
      event.preventDefault();
      act(save, async () => {
        const created = await post('/api/companies', { ...fields.body(form), creditCode: credit.value.trim() || null });
        form.reset();
        announce(t('records.companies.created', { name: created.name }));
        await onCreated(created);
      }, error);
    },
  }, h('h2', {}, t('records.companies.new')), fields.nodes[0],
  field(t('records.company.creditCode'), credit, t('records.company.creditHint')), ...fields.nodes.slice(1), save, error);
  return form;
}

async function company(view, id) {
  const [c, settings] = await Promise.all([get(`/api/companies/${id}`), get('/api/console/settings')]);
  const title = h('h1', { 'data-company-name': '', tabindex: '-1' }, c.name);
  view.append(h('p', {}, h('a', { href: '#/admin/companies' }, t('common.back'))), title,
    h('p', { class: 'muted' }, c.creditCode ? t('records.company.creditShown', { code: c.creditCode }) : t('records.company.noCredit'), ' · ',
      h('a', { href: `#/admin/applications?companyId=${id}` }, t('records.company.applications')), ' · ',
      h('a', { href: `#/admin/audit?objectType=company&objectId=${id}` }, t('records.company.history'))));
  const links = companyRecruiters(settings.accounts === true);
  const positions = pagedTable({
    path: '/api/openings', params: { companyId: id, openOnly: false }, csv: 'positions.csv', empty: t('records.company.noPositions'),
    columns: [
      { head: t('records.position.title'), cell: (p) => p.title },
      { head: t('records.position.kind'), cell: (p) => label('kind', p.kind) },
      { head: t('records.position.where'), cell: (p) => [districtName(p.districtCode), p.location].filter(Boolean).join(' ') },
      { head: t('records.position.headcount'), cell: (p) => (p.headcount == null ? t('records.position.unknown') : String(p.headcount)) },
      { head: t('records.position.status'), cell: (p) => h('span', { class: 'badge' }, label('positionStatus', p.status)) },
    ],
  });
  view.append(editForm(c, (saved) => { title.textContent = saved.name; }),
    h('section', { class: 'card', 'data-recruiters': '' }, h('h2', {}, t('records.company.recruiters')), links.element),
    h('section', { class: 'card', 'data-positions': '' }, h('h2', {}, t('records.company.positions')), positions.element));
  await Promise.all([links.show(id), links.load(), positions.reload()]);
}

function editForm(c, onSaved) {
  let fields = companyFields(c);
  const error = errorBox();
  const save = h('button', { type: 'submit' }, t('common.save'));
  const box = h('div', {}, ...fields.nodes);
  const form = h('form', {
    class: 'card', 'data-edit-company': c.id,
    onsubmit: (event) => {
      event.preventDefault();
      act(save, async () => {
        const saved = await api(`/api/companies/${c.id}`, { method: 'PUT', body: fields.body(form) });
        fields = companyFields(saved);
        box.replaceChildren(...fields.nodes);
        onSaved(saved);
        announce(t('records.company.saved', { name: saved.name }));
        document.querySelector('[data-company-name]')?.focus?.();
      }, error);
    },
  }, h('h2', {}, t('records.company.edit')), box, save, error);
  return form;
}

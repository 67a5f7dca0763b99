// Veteran: every open position by keyword, district, kind, lowest pay and industry (GET /api/openings), beside the ranked
// matches; paged with "more". The search stays in the address (`#/veteran/search?q=…`), so a position's page
// (`#/veteran/search/<id>?q=…`) leads back to the same results.
import { districtName, districtOptions } from '../districts.js';
import { field, h, select } from '../dom.js';
import { count, label, t } from '../i18n.js';
import { filterForm, pagedTable } from '../lists.js';
import { query } from '../pickers.js';
import { positionDetail, salaryOf } from '../position.js';
import '../i18n/seeking.js';

const keys = ['q', 'district', 'kind', 'salaryMin', 'industry'];

export default async function search(view, { id, params }) {
  const current = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? '']));
  let back = query(current);
  if (id) return positionDetail(view, id, { href: `#/veteran/search${back ? `?${back}` : ''}`, text: t('seeking.backToSearch') });
  view.append(h('h1', {}, t('page.search')), h('p', { class: 'muted' }, t('seeking.searchIntro')));
  const list = pagedTable({
    path: '/api/openings',
    limit: 20,
    csv: 'openings.csv',
    empty: t('seeking.noResults'),
    rowAttrs: (o) => ({ 'data-opening': o.id, 'data-title': o.title }),
    columns: [
      { head: t('seeking.col.title'), cell: (o) => h('a', { href: `#/veteran/search/${o.id}${back ? `?${back}` : ''}` }, o.title) },
      { head: t('seeking.col.company'), cell: (o) => o.companyName },
      { head: t('seeking.col.kind'), cell: (o) => label('kind', o.kind) },
      { head: t('seeking.col.district'), cell: (o) => districtName(o.districtCode) },
      { head: t('seeking.col.salary'), cell: (o) => salaryOf(o) },
      { head: t('seeking.col.places'), cell: (o) => (o.remaining == null ? t('seeking.detail.headcountUnknown') : count('matches.remaining', o.remaining)) },
    ],
  });
  const text = (name, props = {}) => h('input', { name, value: current[name], ...props });
  const form = filterForm([
    field(t('seeking.q'), text('q', { type: 'search', maxlength: 100 }), t('seeking.qHint')),
    field(t('matches.district'), select('district', districtOptions(t('common.any')), current.district)),
    field(t('matches.kind'), select('kind', [['', t('common.any')], ['job', label('kind', 'job')], ['training', label('kind', 'training')]], current.kind)),
    field(t('seeking.salaryMin'), text('salaryMin', { type: 'number', min: 0, step: 100, inputmode: 'numeric' })),
    field(t('seeking.industry'), text('industry', { maxlength: 50 }), t('seeking.industryHint')),
  ], async (values) => {
    // The address keeps the search (a position's page links back to it) without drawing the page again.
    back = query(values);
    history.replaceState(null, '', `#/veteran/search${back ? `?${back}` : ''}`);
    await list.reload(values);
    const said = view.querySelector('[data-list-count]');
    said.tabIndex = -1;
    said.focus();
  });
  view.append(form.element, h('div', { class: 'one-line' }, list.element));
  await list.reload(current);
}

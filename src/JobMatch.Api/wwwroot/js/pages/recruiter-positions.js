// Recruiter: my companies' positions (open and closed, paged), posting a new one, and turning away the rest after a fair;
// one position's page: edit, close, its applications (move several) and candidates (invite several).
import { districtName } from '../districts.js';
import { act, errorBox, field, h, select } from '../dom.js';
import { label, t } from '../i18n.js';
import { pagedTable } from '../lists.js';
import { everything } from '../pickers.js';
import { positionForm } from '../position-form.js';
import { moveMany, positionPage, resultLines } from '../position-view.js';
import '../i18n/recruiting.js';

export default async function positions(view, { id, me }) {
  if (id) return positionPage(view, id, { back: '#/recruiter/positions' });
  view.append(h('h1', {}, t('page.positions')));
  if (!me.companyIds.length) { view.append(h('p', {}, t('positions.noCompany'))); return; }
  const [companies, fairs] = await Promise.all([everything('/api/companies'), everything('/api/job-fairs').catch(() => [])]);
  const lists = new Map(companies.map((c) => [c.id, positionList('#/recruiter/positions', { companyId: c.id, openOnly: false })]));

  const formBox = h('div');
  const error = errorBox();
  const post = h('button', { type: 'button', 'data-post-position': '' }, t('recruiting.post'));
  post.addEventListener('click', () => act(post, async () => {
    formBox.replaceChildren(await positionForm({ companies, onSaved: async (saved) => {
      formBox.replaceChildren();
      await lists.get(saved.companyId)?.reload();
      view.querySelector(`[data-position-row="${saved.id}"] a`)?.focus();
    } }));
    formBox.querySelector('input[name="title"]')?.focus();
  }, error));
  view.append(h('div', { class: 'row' }, post), error, formBox);
  for (const company of companies) view.append(h('h2', {}, company.name), lists.get(company.id).element);
  view.append(restAfterFair(fairs));
  await Promise.all([...lists.values()].map((list) => list.reload()));
}

/** A paged list of positions (open and closed) whose titles open `${base}/{id}`. */
export function positionList(base, params) {
  return pagedTable({
    path: '/api/openings', params, csv: 'positions.csv', empty: t('positions.none'),
    rowAttrs: (p) => ({ 'data-position-row': p.id, 'data-status': p.status }),
    columns: [
      { head: t('positions.title'), cell: (p) => h('a', { href: `${base}/${p.id}` }, p.title) },
      { head: t('recruiting.company'), cell: (p) => p.companyName },
      { head: t('positions.kind'), cell: (p) => label('kind', p.kind) },
      { head: t('positions.headcount'), cell: (p) => h('span', { 'data-headcount': p.headcount ?? '' }, `${p.filled}/${p.headcount ?? '?'}`) },
      { head: t('positions.status'), cell: (p) => h('span', { class: `badge ${p.status === 'open' ? 'ok' : ''}` }, label('positionStatus', p.status)) },
      { head: t('positions.district'), cell: (p) => districtName(p.districtCode) || p.location || '' },
    ],
  });
}

/**
 * After a fair: every application to my companies' positions at that fair that no one called to interview is turned away,
 * after one confirm that says how many; one line per application.
 */
function restAfterFair(fairs) {
  const fair = select('fair', fairs.map((f) => [f.id, f.name]));
  const error = errorBox();
  const results = resultLines('data-rest-results');
  const reject = h('button', { type: 'button', class: 'secondary', 'data-reject-rest': '', disabled: !fairs.length }, t('recruiting.rest.reject'));
  reject.addEventListener('click', () => act(reject, async () => {
    const name = fair.selectedOptions[0]?.textContent ?? '';
    const rest = await everything(`/api/applications/early?fairId=${fair.value}`);
    if (!rest.length) { results.show([]); error.textContent = t('recruiting.rest.none', { fair: name }); return; }
    if (!confirm(t('recruiting.rest.confirm', { n: rest.length, fair: name }))) return;
    const names = new Map(rest.map((a) => [a.id, `${a.veteranName}（${a.positionTitle}）`]));
    // The states the list showed: one that has moved on since is left as it is, and its line says so.
    results.show(await moveMany(rest.map((a) => a.id), 'rejected', names, { onlyFrom: [...new Set(rest.map((a) => a.state))] }));
  }, error));
  return h('section', { class: 'card', 'aria-label': t('recruiting.rest.title') },
    h('h2', {}, t('recruiting.rest.title')), h('p', { class: 'muted' }, t('recruiting.rest.explain')),
    fairs.length ? h('div', { class: 'row' }, field(t('recruiting.rest.fair'), fair), reject) : h('p', {}, t('recruiting.rest.noFairs')),
    error, results.element);
}


// Staff: every company's positions (search by words, company, fair, program, open only), posting one for any company;
// one position's page: edit, close, its applications and candidates, as its company sees them.
import { act, check, errorBox, field, h, select } from '../dom.js';
import { t } from '../i18n.js';
import { filterForm } from '../lists.js';
import { companyPicker, everything } from '../pickers.js';
import { positionForm } from '../position-form.js';
import { positionPage } from '../position-view.js';
import { positionList } from './recruiter-positions.js';
import '../i18n/recruiting.js';

export default async function positions(view, { id }) {
  if (id) return positionPage(view, id, { back: '#/admin/positions', staff: true });
  view.append(h('h1', {}, t('page.admin-positions')));
  const [fairs, programs] = await Promise.all([everything('/api/job-fairs').catch(() => []), everything('/api/programs').catch(() => [])]);
  const list = positionList('#/admin/positions', { openOnly: true });
  const error = errorBox();
  const company = companyPicker(); // empty until searched: any company
  const openOnly = h('input', { name: 'open-only', checked: true });
  const filters = filterForm([
    field(t('recruiting.search'), h('input', { type: 'search', name: 'q' })),
    field(t('recruiting.form.fair'), select('fairId', [['', t('recruiting.any')], ...fairs.map((f) => [f.id, f.name])])),
    field(t('recruiting.program'), select('programId', [['', t('recruiting.any')], ...programs.map((p) => [p.id, p.name])])),
    check(t('recruiting.openOnly'), openOnly),
  ], () => apply());
  const apply = () => {
    const { q, fairId, programId } = filters.values();
    return list.reload({ q, fairId, programId, companyId: company.value(), openOnly: openOnly.checked });
  };
  // Searching for a company lists the matches and filters by the first; "any company" stays a choice.
  company.list.addEventListener('change', () => {
    if (!company.list.querySelector('option[value=""]')) company.list.prepend(h('option', { value: '' }, t('recruiting.anyCompany')));
    act(company.list, apply, error);
  });

  const formBox = h('div');
  const post = h('button', { type: 'button', 'data-post-position': '' }, t('recruiting.post'));
  post.addEventListener('click', () => act(post, async () => {
    formBox.replaceChildren(await positionForm({ staff: true, onSaved: async (saved) => {
      formBox.replaceChildren();
      location.hash = `#/admin/positions/${saved.id}`;
    } }));
    formBox.querySelector('input[name="title"]')?.focus();
  }, error));
  view.append(h('div', { class: 'row' }, post), formBox, h('h2', {}, t('recruiting.find')), company.element, filters.element, error, list.element);
  await list.reload();
}

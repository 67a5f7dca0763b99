// Admin: applications across fairs and programs, narrowed by fair, program and stage (paged, as a spreadsheet); one
// application (#/admin/applications/<id>) with its stages, moved on as a recruiter would.
import { applicationDetail } from '../application.js';
import { field, h, select } from '../dom.js';
import { date, label, t } from '../i18n.js';
import { filterForm, pagedTable } from '../lists.js';
import { everything } from '../pickers.js';
import '../i18n/records.js';

// Every stage an application can be at, jobs then training (the API's ApplicationStates), for the stage filter.
const STATES = ['submitted', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn', 'cancelled',
  'applied', 'enrolled', 'graduated', 'employed', 'retained_6m', 'retained_12m', 'dropped'];

export default async function applications(view, { id, params }) {
  if (id) return one(view, id);
  view.append(h('h1', {}, t('page.admin-applications')));
  const [fairs, programs] = await Promise.all([everything('/api/job-fairs'), everything('/api/programs')]);
  const chosen = { fairId: params.get('fairId') ?? '', programId: params.get('programId') ?? '', state: params.get('state') ?? '',
    companyId: params.get('companyId') ?? '' };
  const any = ['', t('common.any')];
  const list = pagedTable({
    path: '/api/applications', params: chosen, csv: 'applications.csv', empty: t('records.applications.none'),
    rowAttrs: (a) => ({ 'data-application': a.id, 'data-position': a.positionId }),
    columns: [
      { head: t('records.applications.applicant'), cell: (a) => h('a', { href: `#/admin/applications/${a.id}` }, a.veteranName) },
      { head: t('records.applications.position'), cell: (a) => a.positionTitle },
      { head: t('records.applications.company'), cell: (a) => a.companyName },
      { head: t('records.applications.state'), cell: (a) => h('span', { class: 'badge', 'data-state': a.state }, label('state', a.state)) },
      { head: t('records.applications.applied'), cell: (a) => date(a.createdAt) },
      { head: t('records.applications.updated'), cell: (a) => date(a.updatedAt) },
    ],
  });
  const filters = filterForm([
    field(t('records.applications.fair'), select('fairId', [any, ...fairs.map((f) => [f.id, `${f.name}（${date(f.heldOn)}）`])], chosen.fairId)),
    field(t('records.applications.program'), select('programId', [any, ...programs.map((p) => [p.id, p.name])], chosen.programId)),
    field(t('records.applications.state'), select('state', [any, ...STATES.map((s) => [s, label('state', s)])], chosen.state)),
  ], (values) => list.reload({ ...values, companyId: chosen.companyId }));
  view.append(h('p', { class: 'muted' }, t('records.applications.hint')));
  if (chosen.companyId) view.append(h('p', {}, t('records.applications.oneCompany'), ' ', h('a', { href: '#/admin/applications' }, t('records.applications.everyCompany'))));
  view.append(filters.element, list.element);
  await list.reload();
}

async function one(view, id) {
  const back = h('p', {}, h('a', { href: '#/admin/applications' }, t('common.back')));
  view.append(back, h('h1', {}, t('application.title')));
  const draw = async () => {
    const detail = await applicationDetail(id, { onMoved: async () => { await draw(); view.querySelector('[data-application]').focus(); } });
    detail.tabIndex = -1; // the moved application takes the focus: its new stage is read out
    view.querySelector('[data-application]')?.remove();
    view.append(detail);
  };
  await draw();
}

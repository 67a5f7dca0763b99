// Admin: the audit log, newest first, narrowed by who, what, which kind of record and when (paged, as a spreadsheet).
// Who is shown by user name where the subject is an account; what in plain words where the console knows the action.
import { get } from '../api.js';
import { field, h, select } from '../dom.js';
import { dateTime, label, t } from '../i18n.js';
import { filterForm, pagedTable } from '../lists.js';
import { subjectNames } from '../pickers.js';
import '../i18n/mentoring.js';
import '../i18n/records.js';

// The actions the console names in words (records.action.*); any other is shown as it is written in the log.
export const ACTIONS = [
  'company.created', 'company.updated', 'company.recruiter_linked', 'company.recruiter_unlinked',
  'job_fair.created', 'program.created', 'opening.created', 'opening.updated', 'opening.closed',
  'application.created', 'application.moved', 'application.phone_shared', 'application.phone_revealed', 'invitation.created', 'invitation.accepted',
  'import.completed', 'import.reverted', 'roster.imported', 'placements.imported',
  'veteran.created', 'veteran.updated', 'veteran.deleted', 'veteran.unmasked', 'veteran.exported', 'veteran.claim_code_issued', 'veteran.claimed',
  'veteran.consent_granted', 'veteran.consent_withdrawn', 'veteran.consent_withdrawn_in_person', 'veteran.skill_removed',
  'mentor.created', 'mentor.updated', 'mentor.subject_linked', 'mentor.subject_unlinked', 'enterprise.created', 'enterprise.updated',
  'mentoring.assigned', 'mentoring.assignment_ended', 'mentoring.caseload_reassigned', 'mentoring.plan_accepted', 'mentoring.session_logged',
  'model.training_requested', 'model.promoted', 'export.csv',
  'account.created', 'account.invited', 'account.reset_by_staff', 'account.disabled', 'account.enabled', 'account.role_changed',
  'account.registered', 'account.registration_duplicate', 'account.phone_confirmed', 'account.signed_in', 'account.sign_in_failed', 'account.locked_out',
  'account.signed_out', 'account.signed_out_everywhere', 'account.password_set', 'account.password_changed', 'account.password_change_failed',
  'account.password_reset_requested', 'account.email_confirmation_sent', 'account.email_confirmed', 'account.second_factor_enrolled',
  'account.second_factor_removed', 'account.second_factor_failed', 'account.refresh_refused', 'account.refresh_reused', 'account.exported', 'account.erased',
];
const TYPES = ['company', 'position', 'application', 'invitation', 'import_batch', 'placement_import', 'job_fair', 'program', 'veteran',
  'mentor', 'enterprise', 'assignment_plan', 'ranking_model', 'account', 'list', 'database'];
// Where the console shows a record of the type (others are named, not linked).
const PAGES = { company: 'companies', application: 'applications', import_batch: 'imports' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function audit(view, { params }) {
  view.append(h('h1', {}, t('page.audit')));
  const byAccount = (await get('/api/console/settings')).accounts === true;
  const fixed = { objectType: params.get('objectType') ?? '', objectId: params.get('objectId') ?? '' };
  const list = pagedTable({
    path: '/api/audit', params: fixed, csv: 'audit.csv', empty: t('records.audit.none'),
    rowAttrs: (e) => ({ 'data-entry': e.id, 'data-action': e.action }),
    columns: [
      { head: t('records.audit.when'), cell: (e) => dateTime(e.at) },
      { head: t('records.audit.who'), cell: (e) => h('span', { 'data-actor': e.actor, title: e.actor }, e.actor) },
      { head: t('records.audit.role'), cell: (e) => label('role', e.actorRole) },
      { head: t('records.audit.action'), cell: (e) => h('span', { title: e.action }, label('records.action', e.action)) },
      { head: t('records.audit.object'), cell: object },
      { head: t('records.audit.details'), cell: (e) => details(e.details) },
    ],
    // Who acted, by user name: looked up once per page for the subjects that are accounts.
    afterPage: async (items, rows) => {
      const name = await subjectNames(items.map((e) => e.actor), byAccount);
      for (const row of rows) { const who = row.querySelector('[data-actor]'); who.textContent = name(who.dataset.actor); }
    },
  });
  const any = ['', t('common.any')];
  const actions = [...ACTIONS].sort((a, b) => label('records.action', a).localeCompare(label('records.action', b)));
  const controls = [
    field(t('records.audit.who'), h('input', { type: 'search', name: 'actor', autocomplete: 'off' }), t('records.audit.whoHint')),
    field(t('records.audit.action'), select('action', [any, ...actions.map((a) => [a, label('records.action', a)])], params.get('action') ?? '')),
    field(t('records.audit.type'), select('objectType', [any, ...TYPES.map((o) => [o, label('records.type', o)])], fixed.objectType)),
    field(t('records.audit.from'), h('input', { type: 'date', name: 'from' })),
    field(t('records.audit.to'), h('input', { type: 'date', name: 'to' })),
  ];
  const filters = filterForm(controls, async (values) => list.reload({
    actor: await actorOf(values.actor, byAccount), action: values.action, objectType: values.objectType, objectId: fixed.objectId,
    // Days in Shanghai: from the start of the first to the end of the last (the API's "to" is exclusive).
    from: values.from ? `${values.from}T00:00:00+08:00` : '', to: values.to ? nextDay(values.to) : '',
  }));
  if (fixed.objectId) view.append(h('p', { 'data-one-record': '' }, t('records.audit.oneRecord'), ' ', h('a', { href: '#/admin/audit' }, t('records.audit.everything'))));
  view.append(filters.element, list.element);
  await list.reload({ ...fixed, action: params.get('action') ?? '' });
}

/** The subject to filter by: the account with that user name where accounts are on, else what was typed. */
async function actorOf(text, byAccount) {
  if (!text || !byAccount) return text;
  const found = await get(`/api/accounts?q=${encodeURIComponent(text)}&limit=20`).catch(() => ({ items: [] }));
  return found.items.find((a) => a.userName.toLowerCase() === text.toLowerCase())?.id ?? text;
}

const nextDay = (day) => {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T00:00:00+08:00`;
};

/** The kind of record in words, linked to its page where the console has one. */
function object(entry) {
  const kind = label('records.type', entry.objectType);
  const page = PAGES[entry.objectType];
  return page && entry.objectId ? h('a', { href: `#/admin/${page}/${entry.objectId}` }, kind) : kind;
}

/** The entry's details as "what: value" pairs, without ids (a clerk follows the record's link instead). */
function details(json) {
  let data;
  try { data = JSON.parse(json || '{}'); } catch { return json; }
  return Object.entries(data ?? {})
    .filter(([, v]) => v != null && !(typeof v === 'string' && UUID.test(v)))
    .map(([k, v]) => `${label('records.detail', k)}: ${Array.isArray(v) ? v.map((x) => label('records.detail', x)).join(', ')
      : typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join('; ');
}

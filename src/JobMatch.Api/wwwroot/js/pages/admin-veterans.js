// Admin: the veterans. A search (name or ID number, district, branch) paged through the API with identifiers masked, and
// a veteran's page: the profile masked, unmasking for a stated reason (the server audits it; nothing is unmasked here),
// a claim code for a roster profile shown once, a consent withdrawn in person, and the openings ranked for them.
import { get, post } from '../api.js';
import { branchName, branchOptions } from '../branches.js';
import { salary } from '../position.js';
import { districtName, districtOptions } from '../districts.js';
import { act, announce, errorBox, field, h, select, table } from '../dom.js';
import { date, dateTime, label, pick, t } from '../i18n.js';
import { filterForm, pagedTable } from '../lists.js';
import '../i18n/lists.js';
import '../i18n/veterans.js';

const STATUSES = ['seeking', 'employed', 'training', 'not_seeking'];

export default async function veterans(view, { id }) {
  if (id) { await detail(view, id); return; }
  view.append(h('h1', {}, t('page.veterans')), h('p', { class: 'muted' }, t('veterans.searchHint')));
  const list = pagedTable({
    path: '/api/veterans',
    csv: 'veterans.csv',
    limit: 20,
    empty: t('veterans.none'),
    rowAttrs: (v) => ({ 'data-veteran': v.id }),
    columns: [
      { head: t('veterans.name'), cell: (v) => h('a', { href: `#/admin/veterans/${v.id}` }, v.name) },
      { head: t('veterans.idNumber'), cell: (v) => v.idNumber ?? '—' },
      { head: t('veterans.phone'), cell: (v) => h('span', { 'data-phone': '' }, v.phone ?? '—') },
      { head: t('veterans.district'), cell: (v) => districtName(v.homeDistrict) },
      { head: t('veterans.branch'), cell: (v) => branchName(v.branch) },
      { head: t('veterans.education'), cell: (v) => v.educationLevelLabel ?? '' },
      { head: t('veterans.status'), cell: (v) => label('status', v.status) },
      { head: t('veterans.source'), cell: (v) => t(v.synthetic ? 'veterans.demo' : 'veterans.real') },
    ],
  });
  const filters = filterForm([
    field(t('veterans.q'), h('input', { type: 'search', name: 'q', autocomplete: 'off' })),
    field(t('veterans.idNumberSearch'), h('input', { type: 'search', name: 'idNumber', autocomplete: 'off', maxlength: 18, inputmode: 'text' }),
      t('veterans.idNumberHint')),
    field(t('veterans.phoneSearch'), h('input', { type: 'search', name: 'phone', autocomplete: 'off', maxlength: 20, inputmode: 'tel' }),
      t('veterans.phoneHint')),
    field(t('veterans.district'), select('district', districtOptions(t('common.any')), '')),
    field(t('veterans.branch'), select('branch', branchOptions(t('common.any')), '')),
    field(t('veterans.status'), select('status', [['', t('common.any')], ...STATUSES.map((s) => [s, label('status', s)])], '')),
    field(t('veterans.source'), select('synthetic', [['', t('common.any')], ['false', t('veterans.real')], ['true', t('veterans.demo')]], '')),
  ], (values) => list.reload(values));
  view.append(filters.element, list.element);
  await list.reload();
}

/** One veteran: the profile and the ranked openings load together. */
async function detail(view, id) {
  const [veteran, matches] = await Promise.all([get(`/api/veterans/${id}`), get(`/api/veterans/${id}/matches?limit=20`)]);
  const consents = h('div');
  const showConsents = (current) => consents.replaceChildren(consentList(current));
  showConsents(veteran.consents);
  view.append(h('p', {}, h('a', { href: '#/admin/veterans' }, t('veterans.back'))),
    h('h1', {}, veteran.name),
    profile(veteran),
    unmaskForm(veteran),
    rosterProfile(veteran) ? claimCode(veteran) : null,
    h('section', { class: 'card' }, h('h2', {}, t('veterans.consents')), consents, withdrawal(veteran, showConsents)),
    matchList(id, matches));
}

/** The profile as the API gives it to staff: ID number and phone masked (data-masked until unmasked). */
function profile(v) {
  const rows = [
    ['idNumber', h('span', { 'data-id-number': '' }, v.idNumber ?? '—')],
    ['phone', h('span', { 'data-phone': '' }, v.phone ?? '—')],
    ['gender', v.gender ? t(`veterans.gender.${v.gender}`) : '—'],
    ['birthDate', v.birthDate ?? '—'],
    ['district', districtName(v.homeDistrict) || '—'],
    ['branch', [branchName(v.service.branch), v.service.years != null ? t('veterans.years', { n: v.service.years }) : '',
      v.service.dischargeYear ? t('veterans.discharged', { year: v.service.dischargeYear }) : ''].filter(Boolean).join(' · ') || '—'],
    ['specialties', (v.service.specialties ?? []).join('、') || '—'],
    ['education', [v.education.levelLabel, v.education.major].filter(Boolean).join(' · ') || '—'],
    ['skills', v.skills.map((s) => s.label).join('、') || '—'],
    ['status', label('status', v.status)],
    ['source', t(v.synthetic ? 'veterans.demo' : rosterProfile(v) ? 'veterans.roster' : 'veterans.real')],
    ['created', date(v.createdAt)],
  ];
  return h('section', { class: 'card', 'data-profile': v.id, 'data-masked': 'true', tabindex: '-1', 'aria-label': t('veterans.profile') },
    h('dl', { class: 'facts' }, ...rows.flatMap(([key, value]) => [h('dt', {}, t(`veterans.${key}`)), h('dd', {}, value)])));
}

/** A roster made this profile: the bureau's basis for its sensitive data is on record (method statutory_duty). */
const rosterProfile = (v) => v.consents.some((c) => c.method === 'statutory_duty');

/** Unmasking: a reason first; the clear values come from the server, which writes the reason to the audit log. */
function unmaskForm(v) {
  const reason = h('input', { name: 'reason', required: true, minlength: 4, maxlength: 200, autocomplete: 'off' });
  const error = errorBox();
  const audited = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, t('veterans.unmask'));
  return h('form', {
    class: 'card', 'data-unmask': '',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        const clear = await post(`/api/veterans/${v.id}/unmask`, { reason: reason.value.trim() });
        const card = document.querySelector(`[data-profile="${v.id}"]`);
        card.querySelector('[data-id-number]').textContent = clear.idNumber ?? '—';
        card.querySelector('[data-phone]').textContent = clear.phone ?? '—';
        card.setAttribute('data-masked', 'false');
        // The audit entry the server wrote, read back: who, when and the reason.
        const entry = (await get(`/api/audit?objectType=veteran&objectId=${v.id}&action=veteran.unmasked&limit=1`)).items[0];
        const stated = entry ? JSON.parse(entry.details || '{}').reason ?? reason.value.trim() : reason.value.trim();
        audited.replaceChildren(h('p', { 'data-audited': '' }, '✓ ', t('veterans.audited', {
          when: entry ? dateTime(entry.at) : '', reason: stated })));
        reason.value = '';
        announce(t('veterans.unmasked'));
        card.focus();
      }, error);
    },
  }, h('h2', {}, t('veterans.unmaskTitle')), h('p', { class: 'muted' }, t('veterans.unmaskHint')),
  field(t('veterans.reason'), reason, t('veterans.reasonHint')), submit, error, audited);
}

/** A roster profile's claim code: issued on request (it replaces the last one), shown once, with how to hand it over. */
function claimCode(v) {
  const error = errorBox();
  const shown = h('div');
  const issue = h('button', { type: 'button', class: 'secondary' }, t('veterans.issueCode'));
  issue.addEventListener('click', () => act(issue, async () => {
    if (!confirm(t('veterans.confirmCode', { name: v.name }))) return;
    const code = await post(`/api/veterans/${v.id}/claim-code`);
    const heading = h('h3', { tabindex: '-1' }, t('veterans.codeTitle'));
    shown.replaceChildren(h('div', { class: 'invitation', 'data-claim-code': '' }, heading,
      h('p', { class: 'error' }, t('veterans.codeOnce')),
      h('p', {}, h('code', { 'data-code': '' }, code.code)),
      h('p', {}, t('veterans.codeExpires', { when: dateTime(code.expiresAt) })),
      h('p', {}, t('veterans.codeHandOver'))));
    heading.focus();
  }, error));
  return h('section', { class: 'card' }, h('h2', {}, t('veterans.claimTitle')), h('p', { class: 'muted' }, t('veterans.claimHint')),
    issue, error, shown);
}

function consentList(current) {
  if (!current.length) return h('p', {}, t('veterans.noConsents'));
  return table([
    { head: t('veterans.consentKind'), cell: (c) => label('consent', c.kind) },
    { head: t('veterans.consentAnswer'), cell: (c) => h('span', { class: `badge ${c.granted ? 'ok' : 'bad'}`, 'data-consent': c.kind, 'data-granted': String(c.granted) },
      t(c.granted ? 'veterans.granted' : 'veterans.withdrawn')) },
    { head: t('veterans.consentHow'), cell: (c) => t(`veterans.method.${c.method}`) },
    { head: t('veterans.consentWhen'), cell: (c) => dateTime(c.at) },
  ], current);
}

/** A withdrawal the veteran asked for in person, with a note for the record (no name or numbers: it goes to the audit log). */
function withdrawal(v, showConsents) {
  const kinds = ['share_with_recruiters', 'automated_matching', 'sensitive_data'];
  const kind = select('kind', kinds.map((k) => [k, label('consent', k)]), kinds[0]);
  const note = h('input', { name: 'note', maxlength: 200, autocomplete: 'off' });
  const error = errorBox();
  const submit = h('button', { type: 'submit', class: 'danger' }, t('veterans.withdraw'));
  return h('form', {
    'data-withdraw': '',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        const warning = kind.value === 'sensitive_data' ? t('veterans.confirmErase') : '';
        if (!confirm(`${t('veterans.confirmWithdraw', { kind: label('consent', kind.value), name: v.name })} ${warning}`)) return;
        const overview = await post(`/api/veterans/${v.id}/consents/${kind.value}/withdrawals`, { note: note.value.trim() || null });
        showConsents(overview.current);
        note.value = '';
        announce(t('veterans.withdrawnDone'));
      }, error);
    },
  }, h('h3', {}, t('veterans.withdrawTitle')), h('p', { class: 'muted' }, t('veterans.withdrawHint')),
  h('div', { class: 'grid' }, field(t('veterans.consentKind'), kind), field(t('veterans.note'), note, t('veterans.noteHint'))), submit, error);
}

/** The openings ranked for this veteran as staff see them: rank, reasons, the rules passed; more by offset. */
function matchList(id, first) {
  const list = h('ol', { class: 'cards' });
  const error = errorBox();
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('list.more'));
  let next = null;
  const show = (page) => {
    list.append(...page.items.map((m) => h('li', { class: 'card', 'data-match': m.openingId },
      h('h3', {}, page.ranked ? `${m.rank}. ` : '', m.title, ' ', h('span', { class: 'muted' }, m.companyName)),
      h('p', {}, label('kind', m.kind), ' · ', districtName(m.districtCode), ' · ', salary(m.salaryMin, m.salaryMax)),
      m.reasons.length ? h('ul', { class: 'reasons' }, ...m.reasons.map((r) => h('li', {}, pick(r)))) : null)));
    next = page.nextOffset ?? null;
    more.hidden = next == null;
  };
  more.addEventListener('click', () => act(more, async () => show(await get(`/api/veterans/${id}/matches?limit=20&offset=${next}`)), error));
  show(first);
  const excluded = first.excluded ?? [];
  return h('section', { 'data-matches': '' }, h('h2', {}, t('veterans.matches')),
    h('p', { class: 'muted' }, t(first.ranked ? 'veterans.matchesHint' : 'veterans.unranked')),
    first.items.length ? list : h('p', {}, t('veterans.noMatches')), more, error,
    excluded.length ? h('details', {}, h('summary', {}, t('veterans.excluded', { n: excluded.length })),
      h('ul', {}, ...excluded.map((x) => h('li', {}, `${x.title} · ${x.companyName}: ${x.failed.map(pick).join('；')}`)))) : null);
}

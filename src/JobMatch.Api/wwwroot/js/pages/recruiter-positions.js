// Recruiter: my company's positions; for one position, the ranked candidates (invite) and its applications (move).
import { applicationDetail } from '../application.js';
import { get, post } from '../api.js';
import { districtName } from '../districts.js';
import { educationName } from '../education.js';
import { act, announce, errorBox, field, h, table } from '../dom.js';
import { count, date, label, pick, recommendation, t } from '../i18n.js';

export default async function positions(view, { id, me }) {
  if (id) return position(view, id);
  view.append(h('h1', {}, t('page.positions')));
  if (!me.companyIds.length) { view.append(h('p', {}, t('positions.noCompany'))); return; }
  for (const companyId of me.companyIds) {
    const page = await get(`/api/openings?companyId=${companyId}&openOnly=false&limit=100`);
    view.append(h('h2', {}, page.items[0]?.companyName ?? companyId), table([
      { head: t('positions.title'), cell: (p) => h('a', { href: `#/recruiter/positions/${p.id}` }, p.title) },
      { head: t('positions.kind'), cell: (p) => label('kind', p.kind) },
      { head: t('positions.headcount'), cell: (p) => `${p.filled}/${p.headcount ?? '?'}` },
      { head: t('positions.status'), cell: (p) => label('positionStatus', p.status) },
      { head: t('positions.district'), cell: (p) => districtName(p.districtCode) || p.location || '' },
    ], page.items));
    if (!page.items.length) view.append(h('p', {}, t('positions.none')));
  }
}

async function position(view, id) {
  const opening = await get(`/api/openings/${id}`);
  view.append(h('p', {}, h('a', { href: '#/recruiter/positions' }, t('common.back'))),
    h('h1', {}, opening.title, ' ', h('span', { class: 'muted' }, opening.companyName)),
    h('p', {}, label('kind', opening.kind), ' · ', t('positions.filled', { filled: opening.filled, headcount: opening.headcount ?? '?' })));
  const detail = h('div');
  view.append(h('h2', {}, t('positions.applications')), await applications(id, detail), detail,
    h('h2', {}, t('positions.candidates')), await candidates(id));
}

async function applications(positionId, detail) {
  const page = await get(`/api/openings/${positionId}/applications?limit=100`);
  if (!page.items.length) return h('p', {}, t('positions.noApplications'));
  const open = async (applicationId) => {
    // After a move the detail is drawn again: its new stage and the states it may move to next.
    detail.replaceChildren(await applicationDetail(applicationId, {
      onMoved: (state) => {
        const badge = document.querySelector(`[data-row-state="${applicationId}"]`);
        if (badge) badge.textContent = label('state', state);
        return open(applicationId);
      },
    }));
    detail.querySelector('button')?.focus();
  };
  return table([
    { head: t('applications.applicant'), cell: (a) => h('button', { type: 'button', class: 'link', onclick: () => open(a.id) }, a.veteranName) },
    { head: t('applications.phone'), cell: (a) => h('span', { 'data-row-phone': a.id }, a.applicantPhone ?? '') },
    { head: t('applications.state'), cell: (a) => h('span', { class: 'badge', 'data-row-state': a.id }, label('state', a.state)) },
    { head: t('applications.updated'), cell: (a) => date(a.updatedAt) },
  ], page.items, count('positions.applicationsTotal', page.total));
}

/** Ranked candidates, a page at a time ("more" asks for the next offset). */
async function candidates(positionId) {
  const list = h('ol', { class: 'cards' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('positions.more'));
  const box = h('div', {}, list, more);
  let offset = 0;
  const load = async () => {
    const page = await get(`/api/openings/${positionId}/candidates?limit=20&offset=${offset}`);
    list.append(...page.items.map((c) => candidate(positionId, c)));
    offset = page.nextOffset ?? offset;
    more.hidden = page.nextOffset == null;
    if (!list.children.length) box.replaceChildren(h('p', {}, t('positions.noCandidates')));
  };
  more.addEventListener('click', () => act(more, load));
  await load();
  return box;
}

function candidate(positionId, c) {
  const error = errorBox();
  const message = h('input', { name: 'message', maxlength: 500, value: t('positions.inviteMessage') });
  const invite = h('button', {
    type: 'button',
    onclick: () => act(invite, async () => {
      await post(`/api/openings/${positionId}/invitations`, { veteranId: c.candidateId, message: message.value.trim() || null });
      announce(t('positions.invited'));
      invite.closest('.row').replaceWith(h('span', { class: 'badge ok' }, label('invitation', 'pending')));
    }, error),
  }, t('positions.invite'));
  return h('li', { class: 'card', 'data-candidate': c.candidateId },
    h('div', { class: 'row' }, h('strong', { class: 'grow' }, `${c.rank}. ${c.displayName}`),
      h('span', { class: 'muted' }, districtName(c.homeDistrict), ' · ', educationName(c.educationLevel), ' · ', recommendation(c.rank))),
    h('ul', { class: 'reasons' }, ...c.reasons.map((r) => h('li', {}, pick(r)))),
    c.invitation ? h('span', { class: 'badge' }, label('invitation', c.invitation))
      : h('div', { class: 'row' }, h('div', { class: 'grow' }, field(t('positions.message'), message)), invite),
    error);
}

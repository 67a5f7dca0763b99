// One position as its company (or staff) sees it: what it offers, edit and close, its applications with a move of
// several ticked ones at once, and its ranked candidates with an invitation of several. Bulk actions answer one line
// per item: which were done, and why each other was not (the API's words).
import { applicationDetail } from './application.js';
import { api, get, post } from './api.js';
import { districtName } from './districts.js';
import { act, announce, check, errorBox, field, h, select } from './dom.js';
import { educationName } from './education.js';
import { date, label, pick, recommendation, t } from './i18n.js';
import { pagedTable } from './lists.js';
import { positionForm } from './position-form.js';
import './i18n/recruiting.js';

/** Draws the position `id` into `view`; `back` is the hash of the list it came from. */
export async function positionPage(view, id, { back, staff = false }) {
  const opening = await get(`/api/openings/${id}`);
  const redraw = async () => { view.replaceChildren(); await positionPage(view, id, { back, staff }); };
  const error = errorBox();
  const editBox = h('div');
  const edit = h('button', { type: 'button', class: 'secondary', 'data-edit': id }, t('recruiting.edit'));
  edit.addEventListener('click', () => act(edit, async () => {
    editBox.replaceChildren(await positionForm({ opening, staff, onSaved: async () => {
      await redraw();
      view.querySelector('[data-position-status]')?.focus();
    } }));
    editBox.querySelector('input')?.focus();
  }, error));
  const close = h('button', { type: 'button', class: 'secondary', 'data-close': id }, t('recruiting.close'));
  close.addEventListener('click', () => act(close, async () => {
    if (!confirm(t('recruiting.closeConfirm', { title: opening.title }))) return;
    await api(`/api/openings/${id}`, { method: 'DELETE' });
    announce(t('recruiting.closed', { title: opening.title }));
    await redraw();
    view.querySelector('[data-position-status]')?.focus();
  }, error));
  const salary = opening.salaryMin || opening.salaryMax
    ? t('recruiting.salaryRange', { min: opening.salaryMin ?? '?', max: opening.salaryMax ?? '?' }) : opening.salaryText ?? '';
  view.append(h('p', {}, h('a', { href: back }, t('common.back'))),
    h('h1', {}, opening.title, ' ', h('span', { class: 'muted' }, opening.companyName)),
    h('p', {}, h('span', { class: `badge ${opening.status === 'open' ? 'ok' : ''}`, tabindex: -1, 'data-position-status': opening.status },
      label('positionStatus', opening.status)), ' ', label('kind', opening.kind), ' · ',
    h('span', { 'data-headcount': opening.headcount ?? '' }, t('positions.filled', { filled: opening.filled, headcount: opening.headcount ?? '?' }))),
    h('dl', { class: 'facts' },
      fact(t('recruiting.form.district'), [districtName(opening.districtCode), opening.location].filter(Boolean).join(' ')),
      fact(t('recruiting.salary'), salary),
      fact(t('recruiting.form.education'), opening.education ? educationName(opening.education) : ''),
      fact(t('recruiting.form.duties'), opening.duties), fact(t('recruiting.form.requirements'), opening.requirements),
      fact(t('recruiting.form.skills'), opening.skills.join('、')), fact(t('recruiting.form.closesOn'), opening.closesOn)),
    opening.status === 'closed' ? null : h('div', { class: 'row' }, edit, close), error, editBox);
  const detail = h('div');
  view.append(h('h2', {}, t('positions.applications')), await applications(id, detail), detail,
    h('h2', {}, t('positions.candidates')), await candidates(id));
}

const fact = (term, value) => (value ? [h('dt', {}, term), h('dd', {}, value)] : null);

/** A list of result lines, one per item: name, done or not, and why not. */
export function resultLines(attr) {
  const box = h('ul', { class: 'results', 'aria-live': 'polite', [attr]: '' });
  return {
    element: box,
    show: (lines) => box.replaceChildren(...lines.map((l) => h('li', { 'data-result': l.id, 'data-done': String(l.done), class: l.done ? 'ok' : 'error' },
      l.done ? t('recruiting.resultDone', { name: l.name, what: l.what }) : t('recruiting.resultFailed', { name: l.name, why: l.why })))),
  };
}

/** Moves applications in chunks of the API's bulk limit; one line per item (the names from `names`). */
export async function moveMany(ids, state, names, { onlyFrom } = {}) {
  const lines = [];
  for (let i = 0; i < ids.length; i += 100) {
    const { results } = await post('/api/applications/moves', { ids: ids.slice(i, i + 100), state, onlyFrom: onlyFrom ?? null });
    lines.push(...results.map((r) => ({ id: r.id, name: names.get(r.id) ?? '', done: r.moved,
      what: t('recruiting.movedTo', { state: label('state', r.state) }), why: r.problem })));
  }
  return lines;
}

async function applications(positionId, detail) {
  const ticked = new Map(); // id → the states it may move to next (from its detail)
  const names = new Map();
  const target = select('state', [], '');
  const error = errorBox();
  const results = resultLines('data-bulk-results');
  const move = h('button', { type: 'button', disabled: true, 'data-bulk-move': '' }, t('recruiting.moveTicked', { n: 0 }));
  const refresh = () => {
    // The states a ticked one may move to, as the API answers each; a move another cannot make is its own line.
    const states = [...new Set([...ticked.values()].flat())];
    const was = target.value;
    target.replaceChildren(...states.map((s) => h('option', { value: s, selected: s === was }, label('state', s))));
    move.textContent = t('recruiting.moveTicked', { n: ticked.size });
    move.disabled = !ticked.size || !states.length;
  };
  const open = async (applicationId) => {
    detail.replaceChildren(await applicationDetail(applicationId, {
      onMoved: async () => { await list.reload(); return open(applicationId); },
    }));
    detail.querySelector('button')?.focus();
  };
  const tick = (a) => {
    names.set(a.id, a.veteranName);
    const box = h('input', { name: 'tick', 'data-tick': a.id, checked: ticked.has(a.id) });
    box.addEventListener('change', () => act(box, async () => {
      if (box.checked) ticked.set(a.id, (await get(`/api/applications/${a.id}`)).nextStates); else ticked.delete(a.id);
      refresh();
    }, error));
    return check(t('recruiting.tick', { name: a.veteranName }), box);
  };
  const list = pagedTable({
    path: `/api/openings/${positionId}/applications`, csv: 'applications.csv', empty: t('positions.noApplications'),
    rowAttrs: (a) => ({ 'data-application-row': a.id }),
    columns: [
      { head: t('recruiting.tickHead'), cell: tick },
      { head: t('applications.applicant'), cell: (a) => h('button', { type: 'button', class: 'link', onclick: () => open(a.id) }, a.veteranName) },
      { head: t('applications.phone'), cell: (a) => h('span', { 'data-row-phone': a.id }, a.applicantPhone ?? '') },
      { head: t('applications.state'), cell: (a) => h('span', { class: 'badge', 'data-row-state': a.id }, label('state', a.state)) },
      { head: t('applications.updated'), cell: (a) => date(a.updatedAt) },
    ],
  });
  move.addEventListener('click', () => act(move, async () => {
    const ids = [...ticked.keys()];
    const lines = await moveMany(ids, target.value, names);
    ticked.clear();
    await list.reload(); // the new stages first, then the lines that say what happened
    refresh();
    results.show(lines);
    results.element.querySelector('li')?.setAttribute('tabindex', '-1');
    results.element.querySelector('li')?.focus();
  }, error));
  await list.reload();
  refresh();
  return h('div', {}, list.element,
    h('div', { class: 'row bulk' }, field(t('recruiting.moveTo'), target), move), error, results.element);
}

/** Ranked candidates, a page at a time ("more" asks for the next offset); tick several and invite them at once. */
async function candidates(positionId) {
  const listEl = h('ol', { class: 'cards' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('positions.more'));
  const ticked = new Map(); // candidate id → name
  const message = h('input', { name: 'bulk-message', maxlength: 500, value: t('positions.inviteMessage') });
  const error = errorBox();
  const results = resultLines('data-invite-results');
  const invite = h('button', { type: 'button', disabled: true, 'data-bulk-invite': '' }, t('recruiting.inviteTicked', { n: 0 }));
  const refresh = () => { invite.textContent = t('recruiting.inviteTicked', { n: ticked.size }); invite.disabled = !ticked.size; };
  const bulk = h('div', { class: 'card' }, field(t('recruiting.bulkMessage'), message), h('div', { class: 'row' }, invite), error, results.element);
  const box = h('div', {}, listEl, more, bulk);
  let offset = 0;
  const load = async () => {
    const page = await get(`/api/openings/${positionId}/candidates?limit=20&offset=${offset}`);
    listEl.append(...page.items.map((c) => candidate(positionId, c, ticked, refresh)));
    offset = page.nextOffset ?? offset;
    more.hidden = page.nextOffset == null;
    if (!listEl.children.length) box.replaceChildren(h('p', {}, t('positions.noCandidates')));
  };
  more.addEventListener('click', () => act(more, load));
  invite.addEventListener('click', () => act(invite, async () => {
    const lines = await Promise.all([...ticked].map(async ([veteranId, name]) => {
      try {
        await post(`/api/openings/${positionId}/invitations`, { veteranId, message: message.value.trim() || null });
        listEl.querySelector(`[data-candidate="${veteranId}"] .invite`)?.replaceWith(h('span', { class: 'badge ok' }, label('invitation', 'pending')));
        return { id: veteranId, name, done: true, what: t('positions.invited') };
      } catch (failure) {
        return { id: veteranId, name, done: false, why: failure.message };
      }
    }));
    results.show(lines);
    ticked.clear();
    refresh();
  }, error));
  await load();
  return box;
}

function candidate(positionId, c, ticked, refresh) {
  const error = errorBox();
  const message = h('input', { name: 'message', maxlength: 500, value: t('positions.inviteMessage') });
  const invited = () => h('span', { class: 'badge ok' }, label('invitation', 'pending'));
  const invite = h('button', {
    type: 'button',
    onclick: () => act(invite, async () => {
      await post(`/api/openings/${positionId}/invitations`, { veteranId: c.candidateId, message: message.value.trim() || null });
      announce(t('positions.invited'));
      ticked.delete(c.candidateId);
      refresh();
      invite.closest('.invite').replaceWith(invited());
    }, error),
  }, t('positions.invite'));
  const box = h('input', { name: 'invite-tick', 'data-invite-tick': c.candidateId });
  box.addEventListener('change', () => { if (box.checked) ticked.set(c.candidateId, c.displayName); else ticked.delete(c.candidateId); refresh(); });
  return h('li', { class: 'card', 'data-candidate': c.candidateId },
    h('div', { class: 'row' }, h('strong', { class: 'grow' }, `${c.rank}. ${c.displayName}`),
      h('span', { class: 'muted' }, districtName(c.homeDistrict), ' · ', educationName(c.educationLevel), ' · ', recommendation(c.rank))),
    h('ul', { class: 'reasons' }, ...c.reasons.map((r) => h('li', {}, pick(r)))),
    c.invitation ? h('span', { class: 'badge' }, label('invitation', c.invitation))
      : h('div', { class: 'invite' }, h('div', { class: 'row' }, h('div', { class: 'grow' }, field(t('positions.message'), message)), invite),
        check(t('recruiting.inviteTick', { name: c.displayName }), box)),
    error);
}

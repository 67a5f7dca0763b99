// One application: its stages so far, and buttons for the states it may move to next (the API decides who may).
import { api, get } from './api.js';
import { act, announce, errorBox, field, h } from './dom.js';
import { date, label, t } from './i18n.js';

// A move past an optional stage (the API's ApplicationStates.Optional) names the stage it skips.
const skipped = { 'submitted>interview': 'screening' };

export async function applicationDetail(id, { onMoved } = {}) {
  const detail = await get(`/api/applications/${id}`);
  const a = detail.application;
  const error = errorBox();
  const note = h('input', { name: 'note', maxlength: 500 });
  const moves = detail.nextStates.map((state) => {
    const button = h('button', {
      type: 'button', class: ['rejected', 'withdrawn', 'cancelled', 'dropped'].includes(state) ? 'secondary' : null, 'data-state': state,
      onclick: () => act(button, async () => {
        await api(`/api/applications/${id}`, { method: 'PATCH', body: { state, note: note.value.trim() || null } });
        announce(t('application.moved', { state: label('state', state) }));
        onMoved?.(state);
      }, error),
    }, skipped[`${a.state}>${state}`] ? t('application.skipTo', { state: label('state', state), skipped: label('state', skipped[`${a.state}>${state}`]) })
      : t('application.moveTo', { state: label('state', state) }));
    return button;
  });
  return h('section', { class: 'card', 'data-application': id, 'aria-label': t('application.title') },
    h('h2', {}, a.positionTitle, ' ', h('span', { class: 'muted' }, a.companyName)),
    h('p', {}, t('application.now'), ' ', h('strong', { 'data-current-state': a.state }, label('state', a.state))),
    h('ol', { class: 'steps', 'aria-label': t('application.history') }, ...detail.history.map((e, i) => h('li', {
      class: i === detail.history.length - 1 ? 'now' : null,
    }, label('state', e.toState), ' ', h('small', {}, e.occurredOn ?? date(e.at)), e.note ? ` — ${e.note}` : ''))),
    moves.length ? h('div', {}, field(t('application.note'), note), h('div', { class: 'row' }, ...moves)) : null,
    error);
}

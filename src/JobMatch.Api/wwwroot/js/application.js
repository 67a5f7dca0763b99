// One application: its stages so far, and buttons for the states it may move to next (the API decides who may).
import { api, get, post } from './api.js';
import { act, announce, check, errorBox, field, h } from './dom.js';
import { date, label, t } from './i18n.js';

/** The version of the phone consent asked on the apply button (the API answers 400 naming the current one otherwise). */
export const PHONE_CONSENT_VERSION = '2026-12';

/**
 * The question on an apply (or accept) button: share my phone with this company? Unticked by default; body() is the
 * request body for the apply or accept call (none when not ticked: the phone stays masked). `phone` is the profile's, as
 * GET /api/veterans/me gives it: already masked (138****5678).
 */
export function phoneConsent(companyName, phone) {
  const box = h('input', { name: 'share-phone' });
  return {
    node: phone ? check(t('apply.sharePhone', { company: companyName, phone }), box) : null,
    body: () => (phone && box.checked ? { sharePhone: true, textVersion: PHONE_CONSENT_VERSION } : undefined),
  };
}

/**
 * Applying to one opening, as the match card and the position's page offer it: the button, and the phone question
 * (null without a phone on the profile). Once applied, the button becomes a link to the application the answer names.
 */
export function applyControls(openingId, companyName, phone, error) {
  const consent = phoneConsent(companyName, phone);
  const button = h('button', {
    type: 'button',
    onclick: () => act(button, async () => {
      // The answer is {application, nextStates, history}: the link goes to the application it names.
      const { application } = await post(`/api/openings/${openingId}/applications`, consent.body());
      announce(t('matches.applied'));
      consent.node?.remove();
      button.replaceWith(h('a', { href: `#/veteran/applications/${application.id}` }, t('matches.appliedLink', { state: label('state', application.state) })));
    }, error),
  }, t('matches.apply'));
  return { button, consent: consent.node };
}

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
    a.phoneShared ? h('p', { 'data-phone-shared': '' }, t('application.phoneShared', { company: a.companyName, phone: a.applicantPhone ?? '' })) : null,
    h('ol', { class: 'steps', 'aria-label': t('application.history') }, ...detail.history.map((e, i) => h('li', {
      class: i === detail.history.length - 1 ? 'now' : null,
    }, label('state', e.toState), ' ', h('small', {}, e.occurredOn ?? date(e.at)), e.note ? ` — ${e.note}` : ''))),
    moves.length ? h('div', {}, field(t('application.note'), note), h('div', { class: 'row' }, ...moves)) : null,
    error);
}

// Veteran: invitations from recruiters; accepting applies and shares my profile with that company only.
import { get, post } from '../api.js';
import { act, announce, errorBox, h } from '../dom.js';
import { date, label, t } from '../i18n.js';
import { hasProfile, profileFirst } from '../profile-first.js';
import { phoneConsent } from '../application.js';

export default async function invitations(view) {
  view.append(h('h1', {}, t('page.invitations')), h('p', { class: 'muted' }, t('invitations.hint')));
  const [page, me] = await Promise.all([get('/api/veterans/me/invitations'), get('/api/veterans/me').catch(() => null)]);
  const items = page.items ?? page;
  if (!items.length) {
    view.append(await hasProfile() ? h('p', {}, t('invitations.none')) : profileFirst(t('invitations.profileFirst')));
    return;
  }
  view.append(h('ul', { class: 'cards' }, ...items.map((invitation) => {
    const error = errorBox();
    const consent = phoneConsent(invitation.companyName, me?.phone);
    const answer = (verb) => {
      const button = h('button', {
        type: 'button', class: verb === 'decline' ? 'secondary' : null,
        onclick: () => act(button, async () => {
          await post(`/api/veterans/me/invitations/${invitation.id}/${verb}`, verb === 'accept' ? consent.body() : undefined);
          announce(t(verb === 'accept' ? 'invitations.accepted' : 'invitations.declined'));
          location.hash = `#/veteran/${verb === 'accept' ? 'applications' : 'invitations'}?${Date.now()}`;
        }, error),
      }, t(`invitations.${verb}`));
      return button;
    };
    return h('li', { class: 'card', 'data-invitation': invitation.id },
      h('h2', {}, invitation.title, ' ', h('span', { class: 'muted' }, invitation.companyName)),
      invitation.message ? h('blockquote', {}, invitation.message) : null,
      h('p', {}, h('span', { class: 'badge' }, label('invitation', invitation.status)), ' ',
        t('invitations.expires', { date: date(invitation.expiresAt) })),
      invitation.status === 'pending' ? consent.node : null,
      invitation.status === 'pending' ? h('div', { class: 'row' }, answer('accept'), answer('decline')) : null,
      error);
  })));
}

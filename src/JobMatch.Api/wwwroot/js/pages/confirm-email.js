// The link mailed to confirm an e-mail address (#/confirm-email?code=...): sends the code back and says the outcome.
import { post } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export default async function confirmEmail(view, { params, me }) {
  view.append(h('h1', {}, t('confirmEmail.title')));
  const next = me ? h('a', { href: `#/${me.role}/account` }, t('confirmEmail.toAccount')) : h('a', { href: '#/signin' }, t('setPassword.toSignIn'));
  try {
    await post('/api/auth/email-confirmation', { code: (params.get('code') ?? '').trim() });
    view.append(h('section', { class: 'card', 'data-outcome': 'confirmed' }, h('p', { class: 'success' }, t('confirmEmail.done')), h('p', {}, next)));
  } catch (error) {
    view.append(h('section', { class: 'card', 'data-outcome': 'refused' }, h('p', { class: 'error', role: 'alert' }, error.message),
      h('p', {}, t('confirmEmail.again')), h('p', {}, next)));
  }
}

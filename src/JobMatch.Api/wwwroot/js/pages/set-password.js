// The link handed out by staff or mailed (#/set-password?code=...): whose account it is, a password, then the
// second factor when the role needs one, then into the console.
import { ApiError, post } from '../api.js';
import { act, errorBox, field, h } from '../dom.js';
import { dateTime, label, t } from '../i18n.js';
import { newPassword } from '../passwords.js';
import { finishSignIn } from '../second-factor.js';

export default async function setPassword(view, { params, onSignedIn }) {
  const code = (params.get('code') ?? '').trim();
  view.append(h('h1', {}, t('setPassword.title')));
  if (!code) { view.append(typeCode()); return; }
  let link;
  try {
    link = await post('/api/auth/set-password/check', { code });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  if (!link) {
    view.append(h('section', { class: 'card', 'data-link': 'spent' }, h('p', { class: 'error', role: 'alert' }, t('setPassword.spent')),
      h('p', {}, t('setPassword.spentHint')), h('p', {}, h('a', { href: '#/signin' }, t('setPassword.toSignIn')))));
    return;
  }
  const box = h('section', { class: 'card' });
  const error = errorBox();
  const password = newPassword();
  const submit = h('button', { type: 'submit' }, t('setPassword.submit'));
  box.append(h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => finishSignIn(await post('/api/auth/set-password', { code, password: password.value() }), box, onSignedIn), error);
    },
  }, h('p', { 'data-account': link.userName },
    t(link.purpose === 'password_reset' ? 'setPassword.forReset' : 'setPassword.forInvitation', { name: link.userName, role: label('role', link.role) })),
  h('p', { class: 'muted' }, t('setPassword.expires', { date: dateTime(link.expiresAt) })),
  h('input', { type: 'text', name: 'username', value: link.userName, autocomplete: 'username', hidden: true, 'aria-hidden': 'true', 'aria-label': t('signin.account') }),
  ...password.fields, error, submit));
  view.append(box);
}

/** Without a link: the code as staff read it out or the command line printed it. */
function typeCode() {
  const code = h('input', { name: 'code', autocomplete: 'off', spellcheck: false, required: true, placeholder: 'XXXX-XXXX-XXXX-XXXX' });
  return h('form', {
    class: 'card',
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = `#/set-password?code=${encodeURIComponent(code.value.trim().toUpperCase())}`;
    },
  }, field(t('setPassword.code'), code, t('setPassword.codeHint')), h('button', { type: 'submit' }, t('setPassword.next')));
}

// A veteran registers with a mobile number and a password; staff confirm the number before the first sign-in.
import { post } from '../api.js';
import { act, announce, errorBox, field, h } from '../dom.js';
import { t } from '../i18n.js';
import { newPassword } from '../passwords.js';

export default async function register(view) {
  view.append(h('h1', {}, t('register.title')), h('p', { class: 'muted' }, t('register.hint')));
  const error = errorBox();
  const phone = h('input', { name: 'phone', type: 'tel', inputmode: 'numeric', autocomplete: 'tel', maxlength: 11, required: true });
  const userName = h('input', { name: 'userName', autocomplete: 'username', maxlength: 50 });
  const password = newPassword();
  const submit = h('button', { type: 'submit' }, t('register.submit'));
  const box = h('section', { class: 'card' });
  box.append(h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        if (!/^1\d{10}$/.test(phone.value.trim())) { phone.focus(); throw new Error(t('register.phoneWrong')); }
        const body = { phone: phone.value.trim(), password: password.value(), userName: userName.value.trim() || null };
        await post('/api/auth/register', body);
        box.replaceChildren(h('div', { 'data-registered': '' }, h('h2', {}, t('register.doneTitle')), h('p', {}, t('register.done')),
          h('p', {}, h('a', { href: '#/signin' }, t('setPassword.toSignIn')))));
        announce(t('register.doneTitle'));
      }, error);
    },
  }, field(t('register.phone'), phone, t('register.phoneHint')), field(t('register.userName'), userName, t('register.userNameHint')),
  ...password.fields, error, submit));
  view.append(box, h('p', {}, t('register.haveAccount'), ' ', h('a', { href: '#/signin' }, t('setPassword.toSignIn'))));
}

// Sign-in: with an account (and its second factor) when built-in accounts are on; the organisation's OIDC when
// configured; the demo users on a local demo; or a pasted token.
import { api, post } from '../api.js';
import { act, announce, errorBox, field, h } from '../dom.js';
import { label, t } from '../i18n.js';
import { startOidc } from '../oidc.js';
import { finishSignIn } from '../second-factor.js';

export default async function signIn(main, { onSignedIn }) {
  const settings = await api('/api/console/settings');
  const error = errorBox();
  main.append(h('h1', {}, t('signin.title')), error);

  if (settings.accounts) main.append(accountSignIn(onSignedIn));

  if (settings.oidc) {
    const button = h('button', { type: 'button', onclick: () => act(button, () => startOidc(settings.oidc), error) }, t('signin.oidc'));
    main.append(h('section', { class: 'card' }, h('h2', {}, t('signin.oidcTitle')), button));
  }

  if (settings.demoSignIn) {
    const users = await api('/api/demo/users');
    const roles = ['veteran', 'recruiter', 'mentor', 'admin'];
    const choose = (user) => async (event) => {
      await act(event.currentTarget, async () => onSignedIn((await post('/api/demo/sign-in', { role: user.role, subject: user.subject })).token), error);
    };
    const button = (user) => h('button', { type: 'button', class: 'secondary', 'data-subject': user.subject, onclick: choose(user) },
      user.subject, ' ', h('span', { class: 'muted' }, user.label ?? (user.role === 'veteran' ? t('signin.newVeteran') : '')));
    const group = (role) => h('div', { class: 'card' }, h('h3', {}, label('role', role)),
      h('ul', {}, ...users.filter((u) => u.role === role).map((user) => h('li', {}, button(user)))));
    main.append(h('section', {}, h('h2', {}, t('signin.demoTitle')), h('p', { class: 'muted' }, t('signin.demoHint')),
      h('div', { class: 'users' }, ...roles.map(group))));
  }

  if (!settings.oidc && !settings.demoSignIn && !settings.accounts) {
    // No demo users here (served beyond this computer, or no demo data): say how to get in instead.
    main.append(h('p', { class: 'card' }, t('signin.noDemo')));
  }

  const token = h('textarea', { name: 'token', rows: 3, autocomplete: 'off', spellcheck: false });
  const submit = h('button', { type: 'submit' }, t('signin.useToken'));
  const tokenForm = h('form', {
    class: 'card',
    onsubmit: (event) => { event.preventDefault(); act(submit, () => onSignedIn(token.value.trim()), error); },
  }, h('h2', {}, t('signin.tokenTitle')), field(t('signin.token'), token, t('signin.tokenHint')), submit);
  // With accounts, the token is for staff with the command line only: folded away below.
  main.append(settings.accounts ? h('details', { class: 'other' }, h('summary', {}, t('signin.tokenFolded')), tokenForm) : tokenForm);
}

/** Account (phone or user name) and password; then the second factor when the answer asks for it. */
function accountSignIn(onSignedIn) {
  const error = errorBox();
  const account = h('input', { name: 'account', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, t('signin.submit'));
  const box = h('section', { class: 'card', 'data-account-sign-in': '' });
  const form = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => finishSignIn(await post('/api/auth/sign-in', { account: account.value.trim(), password: password.value }),
        box, onSignedIn), error);
    },
  }, h('h2', {}, t('signin.accountTitle')),
  field(t('signin.account'), account), field(t('signin.password'), password), error,
  h('div', { class: 'row' }, submit, h('a', { href: '#/register' }, t('signin.register'))));
  box.append(form, forgotten(account));
  return box;
}

/** "Forgotten password": a link by e-mail when the account has a confirmed address; otherwise the service centre. */
function forgotten(account) {
  const error = errorBox();
  const done = h('p', { class: 'success', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'secondary' }, t('reset.submit'));
  const form = h('form', {
    hidden: true,
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        if (!account.value.trim()) { account.focus(); throw new Error(t('reset.needAccount')); }
        await post('/api/auth/password-reset', { account: account.value.trim() });
        done.textContent = t('reset.sent');
        announce(t('reset.sent'));
      }, error);
    },
  }, h('p', { class: 'muted' }, t('reset.hint')), error, submit, done);
  const open = h('button', {
    type: 'button', class: 'link', 'aria-expanded': 'false',
    onclick: () => { form.hidden = !form.hidden; open.setAttribute('aria-expanded', String(!form.hidden)); if (!form.hidden) account.focus(); },
  }, t('reset.open'));
  return h('div', {}, open, form);
}

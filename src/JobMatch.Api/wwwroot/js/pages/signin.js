// Sign-in: the organisation's OIDC when configured; the demo users on a local demo; or a pasted token.
import { api, post } from '../api.js';
import { act, errorBox, field, h } from '../dom.js';
import { label, t } from '../i18n.js';
import { startOidc } from '../oidc.js';

export default async function signIn(main, { onSignedIn }) {
  const settings = await api('/api/console/settings');
  const error = errorBox();
  main.append(h('h1', {}, t('signin.title')), error);

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

  if (!settings.oidc && !settings.demoSignIn) {
    // No demo users here (served beyond this computer, or no demo data): say how to get in instead.
    main.append(h('p', { class: 'card' }, t('signin.noDemo')));
  }

  const token = h('textarea', { name: 'token', rows: 3, autocomplete: 'off', spellcheck: false });
  const submit = h('button', { type: 'submit' }, t('signin.useToken'));
  main.append(h('form', {
    class: 'card',
    onsubmit: (event) => { event.preventDefault(); act(submit, () => onSignedIn(token.value.trim()), error); },
  }, h('h2', {}, t('signin.tokenTitle')), field(t('signin.token'), token, t('signin.tokenHint')), submit));
}

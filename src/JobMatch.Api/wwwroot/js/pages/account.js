// My account, for every role signed in with an account: who it is, the password, an e-mail address, the second factor.
import { api, get, post, session } from '../api.js';
import { act, announce, errorBox, field, h } from '../dom.js';
import { date, label, t } from '../i18n.js';
import { newPassword } from '../passwords.js';
import { codeInput, enrolment, finishSignIn } from '../second-factor.js';
import { noticeSettings } from '../notice-settings.js';

export default async function account(view, { onSignedIn }) {
  const draw = async () => {
    const mine = await get('/api/account');
    view.replaceChildren(h('h1', {}, t('page.account')), summary(mine), changePassword(onSignedIn), email(mine), secondFactor(mine, draw),
      await noticeSettings());
  };
  await draw();
}

function summary(mine) {
  const row = (name, text, value) => [h('dt', {}, text), h('dd', { 'data-account-field': name }, value || t('common.none'))];
  return h('dl', { class: 'card facts' },
    ...row('userName', t('account.userName'), mine.userName),
    ...row('role', t('account.role'), label('role', mine.role)),
    ...row('phone', t('account.phone'), mine.phone),
    ...row('email', t('account.email'), mine.email
      ? [mine.email, ' ', h('span', { class: `badge ${mine.emailConfirmed ? 'ok' : 'warn'}` }, t(mine.emailConfirmed ? 'account.confirmed' : 'account.unconfirmed'))]
      : null),
    ...(mine.companies?.length ? row('companies', t('account.companies'), mine.companies.map((c) => c.name).join('、')) : []),
    ...row('twoFactor', t('account.twoFactor'), t(mine.twoFactorEnabled ? 'account.on' : 'account.off')),
    ...(mine.createdAt ? row('createdAt', t('account.createdAt'), date(mine.createdAt)) : []));
}

function changePassword(onSignedIn) {
  const error = errorBox();
  const current = h('input', { name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true });
  const next = newPassword();
  const submit = h('button', { type: 'submit' }, t('account.changePassword'));
  const card = h('section', { class: 'card' });
  const form = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        const answer = await post('/api/account/password', { currentPassword: current.value, newPassword: next.value() });
        // The old token's stamp is spent: carry on with the new one, or after the second factor when the answer asks for it.
        if (answer.secondFactor) { await finishSignIn(answer, card, onSignedIn); return; }
        session.signedIn(answer.accessToken);
        form.reset();
        announce(t('account.passwordChanged'));
      }, error);
    },
  }, h('h2', {}, t('account.passwordTitle')), h('p', { class: 'muted' }, t('account.passwordHint')),
  field(t('account.currentPassword'), current), ...next.fields, error, submit);
  card.append(form);
  return card;
}

function email(mine) {
  const error = errorBox();
  const done = h('p', { class: 'success', role: 'status' });
  const address = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: 200 });
  const submit = h('button', { type: 'submit' }, t('account.emailSubmit'));
  return h('form', {
    class: 'card',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        await api('/api/account/email', { method: 'PUT', body: { email: address.value.trim() } });
        done.textContent = t('account.emailSent', { email: address.value.trim() });
      }, error);
    },
  }, h('h2', {}, t(mine.email ? 'account.emailChange' : 'account.emailTitle')), h('p', { class: 'muted' }, t('account.emailHint')),
  field(t('account.email'), address), error, submit, done);
}

function secondFactor(mine, redraw) {
  const error = errorBox();
  const box = h('section', { class: 'card', 'data-second-factor-state': mine.twoFactorEnabled ? 'on' : 'off' },
    h('h2', {}, t('factor.title')), h('p', { class: 'muted' }, t(mine.twoFactorEnabled ? 'account.factorOn' : 'account.factorOff')));
  if (mine.twoFactorEnabled) {
    const off = h('button', { type: 'button', class: 'danger', onclick: () => act(off, async () => {
      await api('/api/account/second-factor', { method: 'DELETE' });
      announce(t('account.factorRemoved'));
      await redraw();
    }, error) }, t('account.factorDisable'));
    box.append(error, off);
    return box;
  }
  const on = h('button', { type: 'button', onclick: () => act(on, async () => {
    const code = codeInput();
    const confirm = h('button', { type: 'submit' }, t('account.factorConfirm'));
    const form = h('form', {
      onsubmit: (event) => {
        event.preventDefault();
        act(confirm, async () => {
          await post('/api/account/second-factor/confirm', { code: code.value.trim() });
          announce(t('account.factorAdded'));
          await redraw();
        }, error);
      },
    }, enrolment(await post('/api/account/second-factor')), field(t('factor.code'), code, t('factor.codeHint')), error, confirm);
    on.replaceWith(form);
    code.focus();
  }, error) }, t('account.factorEnable'));
  box.append(error, on);
  return box;
}

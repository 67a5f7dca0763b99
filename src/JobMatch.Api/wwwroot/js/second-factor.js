// The second factor (TOTP): the QR code and key to enrol an authenticator app, and the step that asks for its code.
import { post } from './api.js';
import { act, errorBox, field, h } from './dom.js';
import { t } from './i18n.js';

/** Our own server's QR code as an image (data: URL), never as markup in the page. */
export function qrImage(svg) {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return h('img', { class: 'qr', src: `data:image/svg+xml;base64,${btoa(binary)}`, alt: t('factor.qrAlt'), width: 200, height: 200 });
}

/** The QR code and, for typing into the app instead, the key in groups of four. */
/** On the phone itself, the otpauth:// link opens the app instead. */
export const enrolment = ({ key, uri, qrSvg }) => h('div', { class: 'enrol' },
  h('p', {}, t('factor.scan')), qrImage(qrSvg),
  h('p', {}, t('factor.orKey'), ' ', h('code', { 'data-key': '' }, key.replace(/\s+/g, '').match(/.{1,4}/g).join(' '))),
  uri?.startsWith('otpauth://') ? h('p', {}, h('a', { href: uri }, t('factor.openApp'))) : null);

/** A six-digit code input, as authenticator apps show it. */
export const codeInput = () => h('input', {
  name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6, required: true,
});

/**
 * What a sign-in answered (sign-in, set-password): a token goes into the console; a `secondFactor` asks for the code
 * first, in `box`, and enrols the authenticator before when the account has none yet (`enrol`).
 */
export async function finishSignIn(answer, box, onSignedIn) {
  if (!answer.secondFactor) { await onSignedIn(answer.accessToken, { account: true }); return; }
  const { challenge, enrol } = answer.secondFactor;
  const error = errorBox();
  const code = codeInput();
  const submit = h('button', { type: 'submit' }, t('factor.submit'));
  const form = h('form', {
    'data-second-factor': enrol ? 'enrol' : 'code',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => onSignedIn((await post('/api/auth/second-factor', { challenge, code: code.value.trim() })).accessToken,
        { account: true }), error);
    },
  }, h('h2', {}, t(enrol ? 'factor.enrolTitle' : 'factor.title')), h('p', { class: 'muted' }, t(enrol ? 'factor.enrolHint' : 'factor.hint')));
  if (enrol) form.append(enrolment(await post('/api/auth/second-factor/enrolment', { challenge })));
  form.append(field(t('factor.code'), code, t('factor.codeHint')), error, submit);
  box.replaceChildren(form);
  code.focus();
}

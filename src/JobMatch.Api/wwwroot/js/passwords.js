// A new password typed twice, with the policy said beside it; the server's check has the last word.
import { field, h } from './dom.js';
import { t } from './i18n.js';

export function newPassword() {
  const first = h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const again = h('input', { name: 'newPasswordAgain', type: 'password', autocomplete: 'new-password', required: true });
  return {
    fields: [field(t('password.new'), first, t('password.policy')), field(t('password.again'), again)],
    /** The password, or an error saying what to fix before anything is sent. */
    value() {
      if (first.value.length < 10) { first.focus(); throw new Error(t('password.short')); }
      if (first.value !== again.value) { again.focus(); throw new Error(t('password.mismatch')); }
      return first.value;
    },
  };
}

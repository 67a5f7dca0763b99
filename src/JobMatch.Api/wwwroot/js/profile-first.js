// Before a veteran has a profile: the one notice every veteran page shows, with the link that opens the form.
import { ApiError, get } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/** What to do next, in words (the API's 409 detail or the page's own), and the link to the profile form. */
export const profileFirst = (message) => h('div', { class: 'card', role: 'status', 'data-profile-first': '' },
  h('p', {}, message), h('p', {}, h('a', { class: 'button', href: '#/veteran/profile' }, t('profile.createTitle'))));

/** Whether the signed-in veteran has created a profile (asked only when a page has nothing to show). */
export async function hasProfile() {
  try {
    await get('/api/veterans/me');
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

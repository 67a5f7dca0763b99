// Saving a position for later: the button on a match card and on a position's page, and which of a page's positions
// are saved already. The API keeps the list (PUT/DELETE /api/veterans/me/saved/{id}) and logs each save for the ranker.
import { api, get } from './api.js';
import { act, announce, h } from './dom.js';
import { t } from './i18n.js';
import { query } from './pickers.js';
import './i18n/seeking.js';

/** The ids among `ids` (at most a page: 50) that I saved; an empty set when the list cannot be read. */
export async function savedAmong(ids) {
  if (!ids.length) return new Set();
  const params = new URLSearchParams(ids.map((id) => ['positionId', id]));
  const page = await get(`/api/veterans/me/saved?${query({ limit: ids.length })}&${params}`).catch(() => ({ items: [] }));
  return new Set(page.items.map((s) => s.positionId));
}

/** A toggle: "Save" or "Saved" (pressed); pressing it saves or removes the position. onChange(saved) after each. */
export function saveButton(positionId, saved, error, onChange) {
  let now = saved;
  const button = h('button', { type: 'button', class: 'secondary', 'data-save': positionId });
  const show = () => {
    button.setAttribute('aria-pressed', String(now));
    button.textContent = now ? t('seeking.saved') : t('seeking.save');
  };
  button.addEventListener('click', () => act(button, async () => {
    await api(`/api/veterans/me/saved/${positionId}`, { method: now ? 'DELETE' : 'PUT' });
    now = !now;
    show();
    announce(now ? t('seeking.savedNow') : t('seeking.unsavedNow'));
    onChange?.(now);
  }, error));
  show();
  return button;
}

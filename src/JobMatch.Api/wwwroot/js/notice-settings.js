// Notification settings, a section of My account for every role: each kind of event on or off per channel.
import { api, get } from './api.js';
import { act, announce, check, errorBox, h } from './dom.js';
import { t } from './i18n.js';
import './i18n/notices.js';

export async function noticeSettings() {
  const section = h('section', { class: 'card', 'data-notice-settings': '' });
  const draw = (preferences) => {
    const error = errorBox();
    const boxes = preferences.map((p) => ({ p, input: h('input', { name: `${p.kind}:${p.channel}`, checked: p.on, 'data-kind': p.kind, 'data-channel': p.channel }) }));
    const kinds = [...new Set(preferences.map((p) => p.kind))];
    const save = h('button', { type: 'submit' }, t('notices.settingsSave'));
    const form = h('form', {
      onsubmit: (event) => {
        event.preventDefault();
        act(save, async () => {
          const answer = await api('/api/notifications/preferences', {
            method: 'PUT', body: { preferences: boxes.map(({ p, input }) => ({ kind: p.kind, channel: p.channel, on: input.checked })) },
          });
          draw(answer.preferences);
          announce(t('notices.settingsSaved'));
          section.querySelector('h2').focus();
        }, error);
      },
    }, ...kinds.map((kind) => h('fieldset', {}, h('legend', {}, t(`notices.kind.${kind}`)),
      ...boxes.filter(({ p }) => p.kind === kind).map(({ p, input }) => check(t(`notices.channel.${p.channel}`), input)))),
    error, save);
    section.replaceChildren(h('h2', { tabindex: '-1' }, t('notices.settingsTitle')), h('p', { class: 'muted' }, t('notices.settingsHint')), form);
  };
  draw((await get('/api/notifications/preferences')).preferences);
  return section;
}

// Veteran: my applications and their stages.
import { applicationDetail } from '../application.js';
import { get } from '../api.js';
import { h, table } from '../dom.js';
import { date, label, t } from '../i18n.js';
import { hasProfile, profileFirst } from '../profile-first.js';

export default async function applications(view, { id }) {
  view.append(h('h1', {}, t('page.applications')));
  if (id) {
    view.append(h('p', {}, h('a', { href: '#/veteran/applications' }, t('common.back'))),
      await applicationDetail(id, { onMoved: () => { location.hash = `#/veteran/applications/${id}?${Date.now()}`; } }));
    return;
  }
  const page = await get('/api/veterans/me/applications?limit=100');
  if (!page.items.length) {
    view.append(await hasProfile() ? h('p', {}, t('applications.none'), ' ', h('a', { href: '#/veteran/matches' }, t('page.matches')))
      : profileFirst(t('applications.profileFirst')));
    return;
  }
  view.append(table([
    { head: t('applications.position'), cell: (a) => h('a', { href: `#/veteran/applications/${a.id}` }, a.positionTitle) },
    { head: t('applications.company'), cell: (a) => a.companyName },
    { head: t('applications.state'), cell: (a) => h('span', { class: 'badge' }, label('state', a.state)) },
    { head: t('applications.updated'), cell: (a) => date(a.updatedAt) },
  ], page.items));
}

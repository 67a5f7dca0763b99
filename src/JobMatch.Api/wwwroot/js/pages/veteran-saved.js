// Veteran: the positions I saved, newest saved first, each with its status today (a closed one stays, marked closed);
// open one, or remove it from the list. `#/veteran/saved/<id>` is one position's page.
import { api } from '../api.js';
import { districtName } from '../districts.js';
import { act, announce, errorBox, h } from '../dom.js';
import { date, label, t } from '../i18n.js';
import { pagedTable } from '../lists.js';
import { positionDetail, salaryOf, statusWords } from '../position.js';
import '../i18n/seeking.js';

export default async function saved(view, { id }) {
  if (id) return positionDetail(view, id, { href: '#/veteran/saved', text: t('seeking.backToSaved') });
  view.append(h('h1', {}, t('page.saved')), h('p', { class: 'muted' }, t('seeking.savedIntro')));
  const error = errorBox();
  const remove = (s) => {
    const button = h('button', {
      type: 'button', class: 'secondary', 'aria-label': t('seeking.removeNamed', { title: s.title }),
      onclick: () => act(button, async () => {
        await api(`/api/veterans/me/saved/${s.positionId}`, { method: 'DELETE' });
        announce(t('seeking.unsavedNow'));
        await list.reload();
        view.querySelector('h1').focus();
      }, error),
    }, t('seeking.remove'));
    return button;
  };
  const list = pagedTable({
    path: '/api/veterans/me/saved',
    limit: 20,
    csv: 'saved-positions.csv',
    empty: t('seeking.noneSaved'),
    rowAttrs: (s) => ({ 'data-saved': s.positionId, 'data-status': s.status }),
    columns: [
      { head: t('seeking.col.title'), cell: (s) => h('a', { href: `#/veteran/saved/${s.positionId}` }, s.title) },
      { head: t('seeking.col.company'), cell: (s) => s.companyName },
      { head: t('seeking.col.status'), cell: (s) => (s.status === 'open' ? statusWords(s.status) : h('strong', {}, statusWords(s.status))) },
      { head: t('seeking.col.kind'), cell: (s) => label('kind', s.kind) },
      { head: t('seeking.col.district'), cell: (s) => districtName(s.districtCode) },
      { head: t('seeking.col.salary'), cell: (s) => salaryOf(s) },
      { head: t('seeking.col.savedOn'), cell: (s) => date(s.savedAt) },
      { head: t('seeking.col.actions'), cell: remove },
    ],
  });
  view.querySelector('h1').tabIndex = -1;
  view.append(error, h('div', { class: 'one-line' }, list.element));
  await list.reload();
}

// Admin: the import history, with the row report of a batch and revert (the latest batch of a fair or program first).
import { api, get } from '../api.js';
import { act, announce, errorBox, h, table } from '../dom.js';
import { count, date, label, t } from '../i18n.js';

export default async function imports(view) {
  view.append(h('h1', {}, t('page.imports')), h('p', {}, h('a', { href: '#/admin/import' }, t('imports.new'))));
  const page = await get('/api/imports?limit=100');
  if (!page.items.length) { view.append(h('p', {}, t('imports.none'))); return; }
  const error = errorBox();
  const revert = (batch) => {
    const button = h('button', {
      type: 'button', class: 'danger',
      onclick: () => act(button, async () => {
        if (!confirm(t('imports.confirm', { file: batch.fileName }))) return;
        await api(`/api/imports/${batch.id}`, { method: 'DELETE' });
        announce(t('imports.reverted'));
        location.hash = `#/admin/imports?${Date.now()}`;
      }, error),
    }, t('imports.revert'));
    return button;
  };
  view.append(error, table([
    { head: t('imports.when'), cell: (b) => date(b.createdAt) },
    { head: t('imports.file'), cell: (b) => b.fileName },
    { head: t('imports.into'), cell: (b) => b.sourceName ?? label('importKind', b.kind) },
    { head: t('imports.rows'), cell: (b) => t('imports.rowCounts', { read: b.rowsRead, rejected: b.rowsRejected }) },
    { head: t('imports.effect'), cell: (b) => (b.kind === 'roster'
      ? t('imports.veterans', { created: b.veteransCreated, updated: b.veteransUpdated })
      : t('imports.positions', { created: b.positionsCreated, updated: b.positionsUpdated })) },
    { head: t('imports.status'), cell: (b) => h('span', { class: 'badge', 'data-status': b.status }, label('batch', b.status)) },
    { head: '', cell: (b) => (b.status === 'completed' && b.kind === 'positions' ? revert(b) : '') },
  ], page.items, count('imports.caption', page.total)));
}

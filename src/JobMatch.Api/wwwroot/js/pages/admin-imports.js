// Admin: the import history (paged, as a spreadsheet), the imports running now with their progress, revert (the latest
// batch of a fair or program first), and a batch's row report (#/admin/imports/<id>).
import { api, get } from '../api.js';
import { act, announce, errorBox, h } from '../dom.js';
import { date, label, t } from '../i18n.js';
import { pagedTable } from '../lists.js';
import '../i18n/records.js';

export default async function imports(view, { id }) {
  if (id) return batchReport(view, id);
  view.append(h('h1', {}, t('page.imports')), h('p', {}, h('a', { href: '#/admin/import' }, t('imports.new'))));
  const error = errorBox();
  const list = pagedTable({
    path: '/api/imports', csv: 'imports.csv', empty: t('imports.none'),
    rowAttrs: (b) => ({ 'data-batch': b.id }),
    columns: [
      { head: t('imports.when'), cell: (b) => date(b.createdAt) },
      { head: t('imports.file'), cell: (b) => h('a', { href: `#/admin/imports/${b.id}`, title: t('records.imports.report') }, b.fileName) },
      { head: t('imports.into'), cell: (b) => b.sourceName ?? label('importKind', b.kind) },
      { head: t('imports.rows'), cell: (b) => t('imports.rowCounts', { read: b.rowsRead, rejected: b.rowsRejected }) },
      { head: t('imports.effect'), cell: (b) => (b.kind === 'roster'
        ? t('imports.veterans', { created: b.veteransCreated, updated: b.veteransUpdated })
        : t('imports.positions', { created: b.positionsCreated, updated: b.positionsUpdated })) },
      { head: t('imports.status'), cell: (b) => h('span', { class: 'badge', 'data-status': b.status }, label('batch', b.status)) },
      { head: '', cell: (b) => (b.status === 'completed' && b.kind === 'positions' ? revertButton(b, error, () => list.reload()) : '') },
    ],
  });
  const running = h('section', { class: 'card', 'data-running': '', hidden: true, 'aria-live': 'polite' });
  view.append(running, error, list.element);
  await Promise.all([list.reload(), follow(view, running, () => list.reload())]);
}

function revertButton(batch, error, after) {
  const button = h('button', {
    type: 'button', class: 'danger',
    onclick: () => act(button, async () => {
      if (!confirm(t('imports.confirm', { file: batch.fileName }))) return;
      await api(`/api/imports/${batch.id}`, { method: 'DELETE' });
      announce(t('imports.reverted'));
      await after();
    }, error),
  }, t('imports.revert'));
  return button;
}

/**
 * The imports running now, each with its rows processed of all: asked again every second while any runs and the page
 * is shown; when one finishes the history is drawn again (it has a new batch).
 */
async function follow(view, box, onFinished) {
  let before = 0;
  const tick = async () => {
    const running = await get('/api/imports/running').catch(() => []);
    box.hidden = !running.length;
    box.replaceChildren(h('h2', {}, t('records.imports.running')), ...running.map((b) => h('p', { 'data-running-batch': b.id },
      b.fileName, ' ', h('progress', { max: b.progress.rowsTotal || 1, value: b.progress.rowsProcessed, 'aria-label': t('records.imports.progressOf', { file: b.fileName }) }),
      ' ', t('records.imports.rowsDone', { done: b.progress.rowsProcessed, total: b.progress.rowsTotal || '?' }))));
    if (running.length < before) await onFinished();
    before = running.length;
    if (running.length && view.isConnected) setTimeout(tick, 1000);
  };
  await tick();
}

async function batchReport(view, id) {
  const batch = await get(`/api/imports/${id}`);
  const c = batch.counts ?? {};
  view.append(h('p', {}, h('a', { href: '#/admin/imports' }, t('common.back'))), h('h1', {}, batch.fileName),
    h('p', {}, h('span', { class: 'badge', 'data-status': batch.status }, label('batch', batch.status)), ' ', date(batch.createdAt)),
    h('p', {}, t('import.counts', { read: c.rowsRead ?? 0, rejected: c.rowsRejected ?? 0, duplicate: c.rowsDuplicate ?? 0,
      created: c.positionsCreated ?? 0, updated: c.positionsUpdated ?? 0, unchanged: c.positionsUnchanged ?? 0 })));
  const report = pagedTable({
    path: `/api/imports/${id}/errors`, csv: 'import-errors.csv', empty: t('import.clean'),
    columns: [
      { head: t('import.row'), cell: (p) => String(p.rowNumber) },
      { head: t('import.column'), cell: (p) => p.column ?? '' },
      { head: t('import.value'), cell: (p) => p.value ?? '' },
      { head: t('import.severity'), cell: (p) => h('span', { class: `badge ${p.severity === 'rejected' ? 'bad' : 'warn'}` }, label('severity', p.severity)) },
      { head: t('import.problem'), cell: (p) => p.problem },
    ],
  });
  view.append(h('section', { class: 'card', 'data-report': id }, h('h2', {}, t('import.reportCaption')), report.element));
  await report.reload();
}

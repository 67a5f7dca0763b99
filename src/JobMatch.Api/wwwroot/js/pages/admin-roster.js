// Admin: the bureau's veteran roster and its past placements, each uploaded as a spreadsheet: a dry run first with the
// row report (nothing written), then the import, its report kept (#/admin/roster/<batch> shows a roster batch again).
import { api, get } from '../api.js';
import { act, announce, errorBox, field, h, select } from '../dom.js';
import { dateTime, label, lang, t } from '../i18n.js';
import { pagedTable } from '../lists.js';
import { problemTable, uploadProgress } from '../uploads.js';
import '../i18n/veterans.js';

export default async function roster(view, { id }) {
  view.append(h('h1', {}, t('page.roster')));
  const texts = await get('/api/veterans/consent-texts');
  if (id) view.append(await savedBatch(id));
  view.append(rosterForm(texts), placementsForm());
}

/**
 * A dry-run-then-commit upload form: the file (and the fields extra() adds), "dry run", then "import" with progress.
 * send(form, preview) posts it; report(answer, preview) draws the answer; after(answer) runs once it is committed.
 */
function uploadForm({ name, title, hint, fileLabel, fileHint, extra = [], send, report, after = async () => {} }) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx', required: true });
  const error = errorBox();
  const result = h('div', { 'aria-live': 'polite' });
  const dryRun = h('button', { type: 'submit' }, t('import.dryRun'));
  const commit = h('button', { type: 'button', hidden: true }, t('import.commit'));
  const progress = uploadProgress();
  const body = () => {
    const form = new FormData();
    form.append('file', file.files[0]);
    return form;
  };
  const onDryRun = (event) => {
    event.preventDefault();
    if (!file.files.length) { error.textContent = t('import.chooseFile'); return; }
    act(dryRun, async () => {
      result.replaceChildren(report(await send(body(), true), true));
      commit.hidden = false;
      commit.focus();
    }, error);
  };
  commit.addEventListener('click', () => act(commit, async () => {
    const answer = await progress.run(file.files[0]?.name, () => send(body(), false));
    result.replaceChildren(report(answer, false));
    commit.hidden = true;
    announce(t('import.done'));
    await after(answer, result);
  }, error));
  // A new file or another choice asks for a new dry run before anything is written.
  const reset = () => { commit.hidden = true; };
  file.addEventListener('change', reset);
  for (const control of extra.flatMap((e) => [...e.querySelectorAll('select, input, textarea')])) control.addEventListener('change', reset);
  return h('section', { 'data-upload': name },
    h('form', { class: 'card', onsubmit: onDryRun }, h('h2', {}, title), h('p', { class: 'muted' }, hint),
      field(fileLabel, file, fileHint), ...extra, h('div', { class: 'row' }, dryRun, commit), progress.element, error),
    result);
}

/** The roster: the consent-form version (the signed paper form's consent columns are read only when it is named) and a mapping. */
function rosterForm(texts) {
  const versions = [...new Set(texts.filter((c) => c.kind !== 'sensitive_data').map((c) => c.version))];
  const version = select('consentTextVersion', [['', t('veterans.noVersion')], ...versions.map((v) => [v, t('veterans.version', { version: v })])], '');
  const mapping = h('textarea', { name: 'mapping', rows: 2, placeholder: '{"idNumber":"证件号码"}', spellcheck: false });
  const wording = h('div', { class: 'muted' });
  const showWording = () => wording.replaceChildren(...(version.value
    ? texts.filter((c) => c.version === version.value && c.kind !== 'sensitive_data')
      .map((c) => h('p', {}, `${label('consent', c.kind)}：${lang() === 'en' ? c.english : c.chinese}`))
    : []));
  version.addEventListener('change', showWording);
  return uploadForm({
    name: 'roster',
    title: t('veterans.rosterTitle'),
    hint: t('veterans.rosterHint'),
    fileLabel: t('veterans.rosterFile'),
    fileHint: t('veterans.rosterFileHint'),
    extra: [
      h('div', {}, field(t('veterans.consentVersion'), version, t('veterans.consentVersionHint')), wording),
      h('details', {}, h('summary', {}, t('veterans.mappingTitle')), field(t('veterans.mapping'), mapping, t('veterans.mappingHint'))),
    ],
    send: (form, preview) => {
      if (version.value) form.append('consentTextVersion', version.value);
      if (mapping.value.trim()) form.append('mapping', mapping.value.trim());
      return api(`/api/veterans/imports${preview ? '?dryRun=true' : ''}`, { method: 'POST', form });
    },
    report: rosterReport,
    after: async (batch, result) => {
      // The batch as kept, and its report lines paged from the server (the answer holds at most 1,000).
      const saved = await savedBatch(batch.id);
      result.replaceChildren(saved);
      saved.querySelector('h2').focus();
    },
  });
}

/** What a roster upload did or would do: the counts, the consent version, every report line. */
function rosterReport(batch, preview) {
  const c = batch.counts;
  return h('section', { class: 'card', 'data-roster-batch': batch.id, 'data-batch-status': batch.status },
    h('h2', {}, t(preview ? 'import.previewTitle' : 'import.resultTitle'), ' ', h('span', { class: 'badge' }, label('batch', batch.status))),
    counts(c),
    h('p', {}, batch.consentTextVersion ? t('veterans.consentsRead', { version: batch.consentTextVersion }) : t('veterans.consentsIgnored')),
    problemTable(batch.problems ?? []));
}

const counts = (c) => h('p', { 'data-counts': '' }, t('veterans.rosterCounts', {
  read: c.rowsRead, rejected: c.rowsRejected, duplicate: c.rowsDuplicate, created: c.veteransCreated, updated: c.veteransUpdated,
  unchanged: c.veteransUnchanged }));

/** A committed roster batch as the server keeps it, with all its report lines (paged, as a spreadsheet too). */
async function savedBatch(id) {
  const batch = await get(`/api/veterans/imports/${id}`);
  const lines = pagedTable({
    path: `/api/imports/${id}/errors`,
    csv: `roster-report-${id.slice(-6)}.csv`,
    empty: t('import.clean'),
    columns: [
      { head: t('import.row'), cell: (p) => String(p.rowNumber) },
      { head: t('import.column'), cell: (p) => p.column ?? '' },
      { head: t('import.value'), cell: (p) => p.value ?? '' },
      { head: t('import.severity'), cell: (p) => label('severity', p.severity) },
      { head: t('import.problem'), cell: (p) => p.problem },
    ],
  });
  await lines.reload();
  const heading = h('h2', { tabindex: '-1' }, t('veterans.batchTitle', { file: batch.fileName }));
  return h('section', { class: 'card', 'data-roster-batch': batch.id, 'data-batch-status': batch.status },
    heading, h('p', { class: 'muted' }, t('veterans.batchWhen', { when: dateTime(batch.createdAt) })),
    counts(batch.counts),
    h('p', {}, batch.consentTextVersion ? t('veterans.consentsRead', { version: batch.consentTextVersion }) : t('veterans.consentsIgnored')),
    h('h3', {}, t('import.reportCaption')), lines.element);
}

/** Past placements: rows matched to veterans by ID number, companies and titles registered when unknown. */
function placementsForm() {
  return uploadForm({
    name: 'placements',
    title: t('veterans.placementsTitle'),
    hint: t('veterans.placementsHint'),
    fileLabel: t('veterans.placementsFile'),
    fileHint: t('veterans.placementsFileHint'),
    send: (form, preview) => api(`/api/placements/imports${preview ? '?dryRun=true' : ''}`, { method: 'POST', form }),
    report: (r, preview) => h('section', { class: 'card', 'data-placements-result': preview ? 'preview' : 'completed' },
      h('h2', {}, t(preview ? 'import.previewTitle' : 'import.resultTitle')),
      h('p', { 'data-counts': '' }, t('veterans.placementCounts', { read: r.rowsRead, written: r.written, duplicates: r.duplicates,
        rejected: r.rejected, companies: r.companiesCreated, positions: r.positionsCreated })),
      preview ? null : h('p', {}, h('a', { href: '#/admin/placements' }, t('veterans.seeReport'))),
      problemTable(r.report)),
  });
}

// Recruiter (and admin): import a spreadsheet into a fair or a program — dry run first, the row report, then commit with progress.
import { api, get } from '../api.js';
import { act, announce, errorBox, field, h, select } from '../dom.js';
import { label, t } from '../i18n.js';
import { problemTable, uploadProgress } from '../uploads.js';

export default async function importPage(view, { params } = {}) {
  view.append(h('h1', {}, t('page.import')), h('p', { class: 'muted' }, t('import.hint')));
  const [fairs, programs] = await Promise.all([get('/api/job-fairs?limit=100&closed=false'), get('/api/programs?limit=100&closed=false')]);
  const target = select('target', [
    ...fairs.items.map((f) => [`job-fairs/${f.id}`, `${t('import.fair')}: ${f.name}`]),
    ...programs.items.map((p) => [`programs/${p.id}`, `${t('import.program')}: ${p.name}`]),
  ]);
  // A fair's or program's detail links here with it chosen (?target=job-fairs/<id>).
  const wanted = params?.get('target');
  if (wanted && /^(job-fairs|programs)\/[0-9a-f-]{36}$/.test(wanted)) {
    if (![...target.options].some((o) => o.value === wanted)) { // beyond the first 100 listed
      const source = await get(`/api/${wanted}`);
      target.append(h('option', { value: wanted }, `${t(wanted.startsWith('job-fairs') ? 'import.fair' : 'import.program')}: ${source.name}`));
    }
    target.value = wanted;
  }
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx', required: true });
  const error = errorBox();
  const result = h('div', { 'aria-live': 'polite' });
  const dryRun = h('button', { type: 'submit' }, t('import.dryRun'));
  const commit = h('button', { type: 'button', hidden: true }, t('import.commit'));
  const progress = uploadProgress();

  const send = (preview) => {
    const form = new FormData();
    form.append('file', file.files[0]);
    return api(`/api/${target.value}/imports${preview ? '?dryRun=true' : ''}`, { method: 'POST', form });
  };
  const onDryRun = (event) => {
    event.preventDefault();
    if (!file.files.length) { error.textContent = t('import.chooseFile'); return; }
    act(dryRun, async () => {
      const batch = await send(true);
      result.replaceChildren(report(batch, true));
      // A recruiter's file with none of their companies' rows has nothing to commit: the report says why.
      commit.hidden = batch.status !== 'preview' || batch.share?.canCommit === false;
      if (!commit.hidden) commit.focus();
    }, error);
  };
  commit.addEventListener('click', () => act(commit, async () => {
    const batch = await progress.run(file.files[0]?.name, () => send(false));
    result.replaceChildren(report(batch, false));
    commit.hidden = true;
    announce(t('import.done'));
  }, error));
  view.append(h('form', { class: 'card', onsubmit: onDryRun },
    field(t('import.target'), target), field(t('import.file'), file, t('import.fileHint')),
    h('div', { class: 'row' }, dryRun, commit), progress.element, error), result);
}

function report(batch, preview) {
  const c = batch.counts ?? {};
  const problems = batch.problems ?? [];
  return h('section', { class: 'card', 'data-batch-status': batch.status },
    h('h2', {}, t(preview ? 'import.previewTitle' : 'import.resultTitle'), ' ', h('span', { class: 'badge' }, label('batch', batch.status))),
    h('p', {}, t('import.counts', { read: c.rowsRead ?? 0, rejected: c.rowsRejected ?? 0, duplicate: c.rowsDuplicate ?? 0,
      created: c.positionsCreated ?? 0, updated: c.positionsUpdated ?? 0, unchanged: c.positionsUnchanged ?? 0 })),
    batch.share && h('p', { 'data-share': '' },
      t('import.share', { theirs: batch.share.rowsTheirs, others: batch.share.rowsOtherCompanies })),
    batch.share?.canCommit === false && h('p', { class: 'error', role: 'status', 'data-no-commit': '' },
      t('import.noCommit'), ' ', batch.share.reason),
    problemTable(problems));
}

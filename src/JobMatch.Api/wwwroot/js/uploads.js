// What every upload screen shares: the progress bar while the server reads a file, and the report of its rows
// (row number, column, value, how bad, what to do). One home for both, used by the listings, roster and placements imports.
import { get } from './api.js';
import { h, table } from './dom.js';
import { label, t } from './i18n.js';

/**
 * A progress bar for a long upload: indeterminate while the request runs; where the server runs it as a listing
 * batch (GET /api/imports/running names it by its file), the rows it has processed. run(fileName, action) → action's result.
 */
export function uploadProgress() {
  const element = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': t('import.progress') });
  const run = async (fileName, action) => {
    element.hidden = false;
    element.removeAttribute('value'); // indeterminate until the server reports rows
    const poll = setInterval(async () => {
      const running = await get('/api/imports/running').catch(() => []);
      const mine = running.find((b) => b.fileName === fileName);
      if (mine?.progress.rowsTotal) { element.max = mine.progress.rowsTotal; element.value = mine.progress.rowsProcessed; }
    }, 250);
    try {
      return await action();
    } finally {
      clearInterval(poll);
      element.hidden = true;
    }
  };
  return { element, run };
}

/** An import's report lines as a table (or "no problems"): each row not written and why, each column not read. */
export const problemTable = (problems) => (problems.length ? table([
  { head: t('import.row'), cell: (p) => String(p.rowNumber) },
  { head: t('import.column'), cell: (p) => p.column ?? '' },
  { head: t('import.value'), cell: (p) => p.value ?? '' },
  { head: t('import.severity'), cell: (p) => h('span', { class: `badge ${p.severity === 'rejected' ? 'bad' : 'warn'}` }, label('severity', p.severity)) },
  { head: t('import.problem'), cell: (p) => p.problem },
], problems, t('import.reportCaption')) : h('p', {}, t('import.clean')));

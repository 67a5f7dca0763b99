// Admin: the placements report — veterans placed (hired, or employed after a program) by month, home district and
// service branch, those recorded here beside those imported from past records; charts, the figures, a spreadsheet.
import { downloadCsv, get } from '../api.js';
import { branchName } from '../branches.js';
import { bars, dataTable, legend } from '../chart.js';
import { districtName } from '../districts.js';
import { act, errorBox, field, h, table } from '../dom.js';
import { t } from '../i18n.js';
import { filterForm } from '../lists.js';
import { query } from '../pickers.js';
import '../i18n/lists.js';
import '../i18n/veterans.js';

export default async function placements(view) {
  view.append(h('h1', {}, t('page.placements')), h('p', { class: 'muted' }, t('veterans.reportHint')));
  const report = h('div', { 'aria-live': 'polite' });
  const error = errorBox();
  const progress = h('span', { class: 'muted', 'aria-live': 'polite' });
  let current = {};
  const download = h('button', { type: 'button', class: 'secondary', 'data-download': 'placements.csv' }, t('list.download'));
  download.addEventListener('click', () => act(download, async () => {
    await downloadCsv(`/api/reports/placements?${query(current)}`, 'placements.csv');
    progress.textContent = t('list.downloaded', { file: 'placements.csv' });
  }, error));
  const load = async (values = {}) => {
    current = values;
    report.replaceChildren(draw(await get(`/api/reports/placements?${query(values)}`)));
  };
  const filters = filterForm([
    field(t('veterans.from'), h('input', { type: 'date', name: 'from' })),
    field(t('veterans.to'), h('input', { type: 'date', name: 'to' })),
  ], load);
  view.append(filters.element, h('div', { class: 'row' }, download, progress), error, report);
  await load();
}

/** Sums of the report's rows by one key, in the key's order: [{ label, values: [live, historical] }]. */
function sumBy(rows, key, name) {
  const sums = new Map();
  for (const r of [...rows].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0))) {
    const sum = sums.get(r[key]) ?? { key: r[key], label: name(r[key]), values: [0, 0] };
    sum.values[0] += r.live;
    sum.values[1] += r.historical;
    sums.set(r[key], sum);
  }
  return [...sums.values()];
}

function draw(rows) {
  if (!rows.length) return h('p', { class: 'card' }, t('veterans.noPlacements'));
  const series = [t('veterans.live'), t('veterans.historical')];
  const unknown = (name) => (code) => (code ? name(code) : t('veterans.unknown'));
  const live = rows.reduce((n, r) => n + r.live, 0), historical = rows.reduce((n, r) => n + r.historical, 0);
  const chart = (key, title, name) => {
    const sums = sumBy(rows, key, unknown(name));
    return h('section', { class: 'card', [`data-by-${key}`]: '' }, h('h2', {}, title),
      bars({ title, rows: sums, series }), legend(series), dataTable(t('common.asTable'), series, sums));
  };
  return h('div', {},
    h('p', { 'data-total': live + historical }, t('veterans.totals', { total: live + historical, live, historical })),
    chart('month', t('veterans.byMonth'), (m) => m),
    chart('district', t('veterans.byDistrict'), districtName),
    chart('branch', t('veterans.byBranch'), branchName),
    h('details', {}, h('summary', {}, t('veterans.allFigures')), table([
      { head: t('veterans.month'), cell: (r) => r.month },
      { head: t('veterans.district'), cell: (r) => unknown(districtName)(r.district) },
      { head: t('veterans.branch'), cell: (r) => unknown(branchName)(r.branch) },
      { head: series[0], cell: (r) => String(r.live) },
      { head: series[1], cell: (r) => String(r.historical) },
      { head: t('veterans.total'), cell: (r) => String(r.total) },
    ], rows)));
}

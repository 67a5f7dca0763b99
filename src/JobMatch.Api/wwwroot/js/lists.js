// A list a clerk reads: it pages through the API (never a silent cap), says how many it shows of how many, and
// leaves as a spreadsheet. One home for "more", the count and the download, used by every long list of the console.
import { downloadCsv, get } from './api.js';
import { act, errorBox, h } from './dom.js';
import { t } from './i18n.js';
import { query } from './pickers.js';
import './i18n/lists.js';

/**
 * pagedTable({ path, params, columns, csv, limit, rowAttrs, empty, afterPage }) → { element, reload(params), rows() }
 * - path: the API list ('/api/audit'); params: its filters ({ action: 'x' }), empty values left out.
 * - columns: [{ head, cell: (item) => node|string }], as dom.table.
 * - csv: the file name of the spreadsheet download (the same list, every page, as CSV); omit where the API has none.
 * - rowAttrs(item): attributes of each row (data-* for tests and links); empty: the sentence for no items.
 * - afterPage(items, rows): awaited after each page is drawn, with its items and their <tr>s (e.g. names looked up for ids).
 * The first page loads on reload(); "more" fetches the next by cursor (or offset where the API pages by offset).
 */
export function pagedTable({ path, params = {}, columns, csv, limit = 50, rowAttrs = () => ({}), empty = t('list.none'), afterPage }) {
  let current = params, cursor = null, offset = 0, shown = 0, total = 0, items = [];
  const body = h('tbody');
  const caption = h('p', { class: 'muted', 'aria-live': 'polite', 'data-list-count': '' });
  const error = errorBox();
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('list.more'));
  const progress = h('span', { class: 'muted', 'aria-live': 'polite' });
  const download = csv ? h('button', { type: 'button', class: 'secondary', 'data-download': csv }, t('list.download')) : null;
  const table = h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.head)))), body));

  const say = () => {
    caption.textContent = total ? t('list.shown', { shown, total }) : empty;
    table.hidden = !shown;
  };
  let asked = 0; // which request is current: a slower earlier one (the filters changed meanwhile) is dropped
  const load = async (fresh) => {
    const mine = fresh ? ++asked : asked;
    if (fresh) { cursor = null; offset = 0; shown = 0; items = []; }
    const page = await get(`${path}?${query({ ...current, limit, cursor, offset: offset || null })}`);
    if (mine !== asked) return;
    if (fresh) body.replaceChildren();
    const rows = page.items.map((item) => h('tr', rowAttrs(item), ...columns.map((c) => h('td', {}, c.cell(item)))));
    body.append(...rows);
    await afterPage?.(page.items, rows);
    items.push(...page.items);
    shown += page.items.length;
    total = page.total ?? shown;
    cursor = page.nextCursor ?? null;
    offset = page.nextOffset ?? 0;
    more.hidden = !cursor && !offset;
    say();
  };
  more.addEventListener('click', () => act(more, () => load(false), error));
  download?.addEventListener('click', () => act(download, async () => {
    await downloadCsv(`${path}?${query(current)}`, csv, (rows, all) => { progress.textContent = t('list.downloading', { rows: Math.min(rows, all), total: all }); });
    progress.textContent = t('list.downloaded', { file: csv });
  }, error));
  return {
    element: h('div', { class: 'paged' }, h('div', { class: 'row' }, h('div', { class: 'grow' }, caption), download, progress), error, table, more),
    /** The first page again, with new filters when given. */
    reload: (next) => { if (next) current = next; return load(true); },
    rows: () => items,
  };
}

/** A filter form above a list: submitting (or changing a select) reloads the list with the form's values. */
export function filterForm(controls, onFilter) {
  const find = h('button', { type: 'submit', class: 'secondary' }, t('list.filter'));
  const form = h('form', { class: 'row filters', role: 'search' }, ...controls, find);
  const values = () => Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
  form.addEventListener('submit', (event) => { event.preventDefault(); act(find, () => onFilter(values())); });
  for (const control of form.querySelectorAll('select')) control.addEventListener('change', () => act(find, () => onFilter(values())));
  return { element: form, values };
}

// Horizontal bar charts as SVG, drawn here (no chart library): readable on a phone and described for screen readers.
const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text != null) el.textContent = text;
  return el;
}

/** The label cut to about `px` pixels at 12 px type: CJK characters are about twice as wide as Latin ones. */
function fit(label, px) {
  let width = 0;
  for (let i = 0; i < label.length; i++) {
    width += /[\u2E80-\uFFEF]/.test(label[i]) ? 12 : 6.6;
    if (width > px) return `${label.slice(0, Math.max(1, i - 1))}…`;
  }
  return label;
}

/**
 * bars({ title, rows: [{ label, values: [n, ...], marker?, over? }], series: ['name', ...], format })
 * One group of bars per row (one bar per series), an optional marker line per row (e.g. capacity).
 */
export function bars({ title, rows, series, format = (v) => String(v), max }) {
  const labelWidth = 150, width = 640, bar = 14, gap = 4, groupGap = 10;
  const groupHeight = series.length * (bar + gap) + groupGap;
  const height = rows.length * groupHeight + 10;
  const top = max ?? Math.max(1e-9, ...rows.flatMap((r) => [...r.values, r.marker ?? 0]));
  const scale = (v) => ((width - labelWidth - 60) * v) / top;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  rows.forEach((row, i) => {
    const y = 5 + i * groupHeight;
    const name = fit(row.label, labelWidth - 12);
    svg.append(s('text', { x: labelWidth - 6, y: y + (groupHeight - groupGap) / 2 + 4, 'text-anchor': 'end' }, name));
    row.values.forEach((value, k) => {
      const by = y + k * (bar + gap);
      const cls = row.over && k === 0 ? 'over' : `s${k + 1}`;
      const rect = s('rect', { x: labelWidth, y: by, width: Math.max(1, scale(value ?? 0)), height: bar, class: cls });
      rect.append(s('title', {}, `${row.label} · ${series[k]}: ${format(value)}`));
      svg.append(rect, s('text', { x: labelWidth + scale(value ?? 0) + 4, y: by + bar - 3 }, format(value)));
    });
    if (row.marker != null) {
      const x = labelWidth + scale(row.marker);
      svg.append(s('line', { x1: x, x2: x, y1: y - 2, y2: y + groupHeight - groupGap, class: 'marker' }));
    }
  });
  return svg;
}

/** The legend for a chart's series (and its marker), as a list. */
export function legend(series, markerName) {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  series.forEach((name, k) => {
    const li = document.createElement('li');
    const swatch = document.createElement('i');
    swatch.className = `s${k + 1}`;
    li.append(swatch, name);
    ul.append(li);
  });
  if (markerName) {
    const li = document.createElement('li');
    li.textContent = `| ${markerName}`;
    ul.append(li);
  }
  return ul;
}

/** The same numbers as a table, for anyone who cannot read the chart. */
export function dataTable(caption, series, rows, format = (v) => String(v)) {
  const table = document.createElement('table');
  const cap = document.createElement('caption');
  cap.className = 'muted';
  cap.textContent = caption;
  const head = document.createElement('tr');
  ['', ...series].forEach((name) => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = name; head.append(th); });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  rows.forEach((row) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th'); th.scope = 'row'; th.textContent = row.label; tr.append(th);
    row.values.forEach((v) => { const td = document.createElement('td'); td.textContent = format(v); tr.append(td); });
    tbody.append(tr);
  });
  table.append(cap, thead, tbody);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = caption;
  details.append(summary, table);
  return details;
}

// Admin: each mentor's load against capacity as a chart (over capacity in red), with the programme's totals.
import { bars, dataTable, legend } from '../chart.js';
import { get } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import '../i18n/mentoring.js';

export default async function mentoring(view) {
  const report = await get('/api/reports/mentoring');
  const s = report.totals;
  view.append(h('h1', {}, t('page.mentoring')),
    h('p', {}, t('mentoring.totals', { mentors: s.mentors, enterprises: s.enterprises, assigned: s.assigned, unassigned: s.unassigned,
      overdue: s.overdue, over: s.mentorsOverCapacity })));
  const mentors = [...report.mentors].sort((a, b) => b.load / b.capacity - a.load / a.capacity);
  const rows = mentors.map((m) => ({ label: m.name.replace('（示例）', ''), values: [m.load, m.overdue], marker: m.capacity, over: m.overCapacity }));
  const series = [t('mentoring.load'), t('mentoring.overdue')];
  view.append(h('section', { class: 'card' },
    h('h2', {}, t('mentoring.chart')),
    legend(series, t('mentoring.capacity')),
    bars({ title: t('mentoring.chart'), rows, series }),
    dataTable(t('common.asTable'), [...series, t('mentoring.capacity')], rows.map((r) => ({ label: r.label, values: [...r.values, r.marker] })))));
}

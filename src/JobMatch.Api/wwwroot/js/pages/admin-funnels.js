// Admin: each fair's and each program's funnel as a chart, with its fill rate.
import { bars, dataTable } from '../chart.js';
import { get } from '../api.js';
import { h } from '../dom.js';
import { count, t } from '../i18n.js';

const percent = (rate) => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);

export default async function funnels(view) {
  view.append(h('h1', {}, t('page.funnels')));
  const [fairs, programs] = await Promise.all([get('/api/job-fairs?limit=100'), get('/api/programs?limit=100')]);
  for (const fair of fairs.items) {
    const f = await get(`/api/reports/job-fairs/${fair.id}`);
    const stages = [['openings', f.openings], ['applications', f.applications], ['screened', f.screened], ['interviews', f.interviews],
      ['offers', f.offers], ['hires', f.hires]];
    const counted = [t('funnels.fairPositions', { positions: f.positions, openings: f.openings }),
      f.headcountUnknown ? count('funnels.unknownHeadcount', f.headcountUnknown) : ''].join(' ');
    view.append(section(`${t('import.fair')}: ${f.fairName}`, f.fillRate, stages, `${counted} ${t('funnels.fairBars')}`));
  }
  for (const program of programs.items) {
    const p = await get(`/api/reports/programs/${program.id}`);
    const stages = [['seats', p.seats], ['applications', p.applications], ['enrolments', p.enrolments], ['graduations', p.graduations],
      ['employed', p.employed], ['retained6m', p.retained6m], ['retained12m', p.retained12m]];
    view.append(section(`${t('import.program')}: ${p.programName}`, p.fillRate, stages, t('funnels.programBars')));
  }
  if (!fairs.items.length && !programs.items.length) view.append(h('p', {}, t('funnels.none')));
}

/** One funnel: its fill rate, the chart, what each bar counts in a sentence a clerk reads, and the figures as a table. */
function section(title, fillRate, stages, explanation) {
  const rows = stages.map(([key, value]) => ({ label: t(`funnel.${key}`), values: [value] }));
  return h('section', { class: 'card', 'data-funnel': title },
    h('h2', {}, title),
    h('p', {}, t('funnels.fillRate'), ' ', h('strong', {}, percent(fillRate))),
    bars({ title: `${title} — ${t('funnels.chart')}`, rows, series: [t('funnels.count')] }),
    h('p', { class: 'muted' }, explanation),
    dataTable(t('common.asTable'), [t('funnels.count')], rows));
}

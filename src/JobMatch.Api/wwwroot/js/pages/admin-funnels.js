// Admin: each fair's and each program's funnel as a chart, with its fill rate; a page of them at a time, their reports
// loaded together, and one alone when a fair's or program's detail links to it (?fair=<id>, ?program=<id>).
import { bars, dataTable } from '../chart.js';
import { get } from '../api.js';
import { act, h } from '../dom.js';
import { count, t } from '../i18n.js';
import { query } from '../pickers.js';
import '../i18n/fairs.js';

const percent = (rate) => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);

export default async function funnels(view, { params }) {
  view.append(h('h1', {}, t('page.funnels')));
  // One fair's or program's funnel when the link of its detail asks for it.
  if (params.get('fair') || params.get('program')) {
    const section = params.get('fair') ? await fairFunnel({ id: params.get('fair') }) : await programFunnel({ id: params.get('program') });
    view.append(h('p', {}, h('a', { href: '#/admin/funnels' }, t('common.back'))), section);
    return;
  }
  const [fairs, programs] = [pages('/api/job-fairs', fairFunnel), pages('/api/programs', programFunnel)];
  view.append(fairs.element, programs.element);
  const [fairCount, programCount] = await Promise.all([fairs.more(), programs.more()]);
  if (!fairCount && !programCount) view.append(h('p', {}, t('funnels.none')));
}

/**
 * The funnels of a list, a page at a time: the page's reports load together, and "more" brings the next page. Resolves
 * to how many the list holds.
 */
function pages(path, funnel) {
  let cursor = null;
  const list = h('div');
  const caption = h('p', { class: 'muted', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert' });
  const button = h('button', { type: 'button', class: 'secondary', hidden: true }, t('fairs.moreReports'));
  const more = async () => {
    const page = await get(`${path}?${query({ limit: 20, cursor })}`);
    list.append(...await Promise.all(page.items.map(funnel)));
    cursor = page.nextCursor ?? null;
    button.hidden = !cursor;
    caption.textContent = cursor ? t('fairs.shownReports', { shown: list.children.length, total: page.total }) : '';
    return page.total;
  };
  button.addEventListener('click', () => act(button, more, error));
  return { element: h('div', {}, list, caption, error, button), more };
}

async function fairFunnel(fair) {
  const f = await get(`/api/reports/job-fairs/${fair.id}`);
  const stages = [['openings', f.openings], ['applications', f.applications], ['screened', f.screened], ['interviews', f.interviews],
    ['offers', f.offers], ['hires', f.hires]];
  const counted = [t('funnels.fairPositions', { positions: f.positions, openings: f.openings }),
    f.headcountUnknown ? count('funnels.unknownHeadcount', f.headcountUnknown) : ''].join(' ');
  return section(`${t('import.fair')}: ${f.fairName}`, f.fillRate, stages, `${counted} ${t('funnels.fairBars')}`);
}

async function programFunnel(program) {
  const p = await get(`/api/reports/programs/${program.id}`);
  const stages = [['seats', p.seats], ['applications', p.applications], ['enrolments', p.enrolments], ['graduations', p.graduations],
    ['employed', p.employed], ['retained6m', p.retained6m], ['retained12m', p.retained12m]];
  return section(`${t('import.program')}: ${p.programName}`, p.fillRate, stages, t('funnels.programBars'));
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

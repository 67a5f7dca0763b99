// Admin: trained ranking models with their held-out metrics beside the baselines; train one (with progress) or promote.
import { bars, dataTable } from '../chart.js';
import { downloadCsv, get, post } from '../api.js';
import { act, announce, errorBox, h, table } from '../dom.js';
import { date, label, lang, t } from '../i18n.js';
import '../i18n/lists.js';
import '../i18n/records.js';

export default async function models(view) {
  view.append(h('h1', {}, t('page.models')));
  const error = errorBox();
  const progress = h('div', { 'aria-live': 'polite' });
  const train = h('button', {
    type: 'button',
    onclick: () => act(train, async () => {
      const model = await post('/api/models/train');
      await follow(model.id, progress);
      location.hash = `#/admin/models?${Date.now()}`;
    }, error),
  }, t('models.train'));
  view.append(h('div', { class: 'card' }, h('p', { class: 'muted' }, t('models.hint')), train, progress, error));
  const page = await get('/api/models?limit=20');
  const items = page.items ?? page;
  view.querySelector('h1').after(ranksNow(items.find(ranks)));
  if (!items.length) { view.append(h('p', {}, t('models.none')), trainingSet()); return; }
  const latest = items.find((m) => m.metrics) ?? items[0];
  if (latest.metrics) view.append(comparison(latest));
  view.append(table([
    { head: t('models.created'), cell: (m) => date(m.createdAt) },
    { head: t('models.status'), cell: (m) => h('span', { class: 'badge' }, label('modelStatus', m.status)) },
    { head: t('models.ranking'), cell: (m) => (ranks(m) ? h('strong', {}, t('models.ranksYes')) : t('models.ranksNo')) },
    { head: 'NDCG@10', cell: (m) => (m.ndcg10 == null ? '—' : m.ndcg10.toFixed(4)) },
    { head: t('models.source'), cell: source },
    { head: t('models.reason'), cell: why },
    { head: '', cell: (m) => (m.status === 'promoted' || !m.metrics || !m.usable ? '' : promote(m)) },
  ], items), trainingSet());
}

/** The rows the ranker learns from, as a spreadsheet, with what they hold in words. */
function trainingSet() {
  const error = errorBox();
  const done = h('span', { class: 'muted', 'aria-live': 'polite' });
  const button = h('button', {
    type: 'button', class: 'secondary', 'data-download': 'training-set.csv',
    onclick: () => act(button, async () => {
      await downloadCsv('/api/interactions/training-set', 'training-set.csv');
      done.textContent = t('list.downloaded', { file: 'training-set.csv' });
    }, error),
  }, t('records.trainingSet.download'));
  return h('section', { class: 'card', 'data-training-set': '' }, h('h2', {}, t('records.trainingSet.title')),
    h('p', {}, t('records.trainingSet.holds')), h('div', { class: 'row' }, button, done), error);
}

/** A model ranks veterans' matches when it is promoted and this version of the service can load it. */
const ranks = (m) => m.status === 'promoted' && m.usable;

/** Which ranker orders veterans' matches now, in words, and what promoting another model does. */
function ranksNow(model) {
  const what = model ? t('models.trainedOn', { date: date(model.createdAt), source: source(model) }) : t('matches.heuristic');
  return h('div', { class: 'card', 'data-ranks-now': model?.id ?? 'rules' },
    h('p', {}, h('strong', {}, t('models.ranksNow', { what }))), h('p', { class: 'muted' }, t('models.promoteMeans')));
}

/** The rival's name in words: the ranker in production, a baseline by its label, else its name as stored. */
const rivalName = (r) => (r.role === 'production' || r.role === 'reference'
  ? t('models.production', { name: r.name.startsWith('promoted model') ? t('models.promotedModel') : label('rival', r.name) })
  : label('rival', r.name));

/** How the model did against the ranker in production on the held-out veterans, in a sentence: better or worse by how much. */
function verdict(model) {
  const production = model.decision?.production;
  if (!production || model.ndcg10 == null) return null;
  const ratio = production.ndcg10 > 0 ? Math.round(Math.abs(model.ndcg10 - production.ndcg10) / production.ndcg10 * 100) : null;
  const key = ratio == null || ratio === 0 ? 'models.same' : model.ndcg10 > production.ndcg10 ? 'models.better' : 'models.worse';
  const space = lang() === 'en' ? ' ' : '';
  return h('p', { 'data-verdict': key.slice(7) }, t('models.heldOut', {
    n: model.decision.data?.testQueries ?? '', synthetic: model.source === 'synthetic' ? t('models.syntheticNote') : '',
    score: model.ndcg10.toFixed(3),
  }), space, t(key, { pct: ratio ?? 0, rival: rivalName(production), score: production.ndcg10.toFixed(3) }),
  production.role === 'reference' ? `${space}${t('models.referenceNote')}` : '');
}

/** Why the model is or is not in use, in words from its stored decision; a promotion by hand says so with the admin's reason. */
function why(m) {
  if (!m.usable) return t('models.usable');
  const byHand = (m.reason ?? '').match(/^Promoted by hand(?:: (.*))?/);
  if (byHand) return t('models.byHand', { reason: byHand[1] ?? '' });
  const d = m.decision;
  if (!d || !['beats_every_rival', 'below_margin'].includes(d.code)) return m.reason ?? '';
  const missed = d.rivals.filter((r) => r.role !== 'reference' && d.modelNdcg10 < r.ndcg10 + d.margin).map(rivalName);
  const promoted = d.production?.role === 'reference' ? 'models.whyPromotedOnSynthetic' : 'models.whyPromoted';
  return d.code === 'beats_every_rival' ? t(promoted, { margin: d.margin.toFixed(2) })
    : t('models.whyNot', { margin: d.margin.toFixed(2), rivals: missed.join(lang() === 'en' ? ', ' : '、') });
}

/** What the model learned from: the bureau's outcomes (how many veterans from each source) or the SYNTHETIC world. */
function source(model) {
  const data = model.decision?.data;
  if (!model.source) return '—';
  return t(`modelSource.${model.source}`, { historical: data?.historicalVeterans ?? 0, live: data?.liveVeterans ?? 0 });
}

/** NDCG@10 of the model beside the ranker in production and each baseline on the same held-out veterans, then its own metrics. */
function comparison(model) {
  const format = (v) => (v ?? 0).toFixed(3);
  const rivals = model.decision?.rivals?.map((r) => ({
    label: rivalName(r), values: [r.ndcg10] }))
    ?? Object.entries(model.baselineMetrics ?? {}).map(([name, value]) => ({ label: name, values: [Number(value)] }));
  const rows = [{ label: `${t('models.model')} · ${source(model)}`, values: [model.ndcg10] }, ...rivals];
  const own = ['ndcg1', 'ndcg5', 'ndcg10', 'map'].filter((k) => model.metrics[k] != null)
    .map((k) => `${k.toUpperCase().replace('NDCG', 'NDCG@')} ${format(model.metrics[k])}`).join(' · ');
  const title = t('models.chart', { date: date(model.createdAt) });
  return h('section', { class: 'card' }, h('h2', {}, title), verdict(model), h('p', { class: 'muted' }, own),
    bars({ title, rows, series: ['NDCG@10'], format, max: 1 }), dataTable(t('common.asTable'), ['NDCG@10'], rows, format));
}

function promote(model) {
  const error = errorBox();
  const button = h('button', {
    type: 'button', class: 'secondary',
    onclick: () => act(button, async () => {
      await post(`/api/models/${model.id}/promote`, { reason: t('models.promoteReason') });
      announce(t('models.promoted'));
      location.hash = `#/admin/models?${Date.now()}`;
    }, error),
  }, t('models.promote'));
  return h('div', {}, button, error);
}

/** Polls a training model until it is no longer training, showing its stage and progress. */
async function follow(id, box) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': t('models.progress') });
  const stage = h('span');
  box.replaceChildren(stage, bar);
  for (;;) {
    const model = await get(`/api/models/${id}`);
    bar.value = model.progress;
    stage.textContent = `${model.stage} ${(model.progress * 100).toFixed(0)}%`;
    if (model.status !== 'training') { announce(t('models.trained', { status: label('modelStatus', model.status) })); return; }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

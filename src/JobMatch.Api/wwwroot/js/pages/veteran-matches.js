// Veteran: openings ranked for me, each with its reasons and the rules it passed; apply in one click, save, open one.
// Twenty at a time, "more" for the next (the API's nextOffset). `#/veteran/matches/<id>` is one position's page.
import { ApiError, get } from '../api.js';
import { applyControls } from '../application.js';
import { districtName, districtOptions } from '../districts.js';
import { act, errorBox, field, h, select } from '../dom.js';
import { count, label, pick, recommendation, t } from '../i18n.js';
import { positionDetail, salary } from '../position.js';
import { profileFirst } from '../profile-first.js';
import { saveButton, savedAmong } from '../saving.js';
import '../i18n/lists.js';
import '../i18n/seeking.js';

const PAGE = 20;

export default async function matches(view, { id }) {
  if (id) return positionDetail(view, id, { href: '#/veteran/matches', text: t('seeking.backToMatches') });
  view.append(h('h1', {}, t('page.matches')));
  const district = select('district', districtOptions(t('common.any')), '');
  const kind = select('kind', [['', t('common.any')], ['job', label('kind', 'job')], ['training', label('kind', 'training')]], '');
  const results = h('div');
  const load = async () => {
    results.replaceChildren(h('p', { class: 'muted' }, t('common.loading')));
    const filters = {};
    if (district.value) filters.district = district.value;
    if (kind.value) filters.kind = kind.value;
    try {
      const [page, me] = await Promise.all([fetchPage(filters, 0), get('/api/veterans/me').catch(() => null)]);
      await render(results, page, me?.phone, filters);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        results.replaceChildren(profileFirst(error.message));
      } else throw error;
    }
  };
  view.append(h('form', { class: 'row', onchange: load, onsubmit: (e) => e.preventDefault(), 'aria-label': t('matches.filters') },
    field(t('matches.district'), district), field(t('matches.kind'), kind)), results);
  await load();
}

const fetchPage = (filters, offset) => get(`/api/veterans/me/matches?${new URLSearchParams({ ...filters, limit: String(PAGE), ...(offset ? { offset: String(offset) } : {}) })}`);

async function render(results, first, phone, filters) {
  const list = h('ol', { class: 'cards' });
  const error = errorBox();
  const more = h('button', { type: 'button', class: 'secondary', 'data-more': '' }, t('list.more'));
  const shown = h('p', { class: 'muted', 'aria-live': 'polite', 'data-shown': '' });
  let next = null;
  const add = async (page) => {
    const saved = await savedAmong(page.items.map((m) => m.openingId));
    const cards = page.items.map((m) => card(m, page.ranked, phone, saved.has(m.openingId)));
    list.append(...cards);
    next = page.nextOffset ?? null;
    more.hidden = next == null;
    shown.textContent = t('seeking.matchesShown', { n: list.children.length });
    return cards;
  };
  more.addEventListener('click', () => act(more, async () => {
    const cards = await add(await fetchPage(filters, next));
    cards[0]?.querySelector('a')?.focus();
  }, error));
  await add(first);
  results.replaceChildren(
    first.ranked ? h('p', { class: 'muted' }, t('matches.model', { model: first.model === 'heuristic' ? t('matches.heuristic') : t('matches.trained') })) : h('p', { class: 'muted' }, t('matches.unranked')),
    first.items.length ? list : h('p', {}, t('matches.none')),
    first.items.length ? shown : null, error, more);
}

function card(m, ranked, phone, saved) {
  const error = errorBox();
  const apply = applyControls(m.openingId, m.companyName, phone, error);
  return h('li', { class: 'card', 'data-opening': m.openingId, 'data-title': m.title },
    h('div', { class: 'row' },
      h('h2', { class: 'grow' }, ranked ? `${m.rank}. ` : '', h('a', { href: `#/veteran/matches/${m.openingId}` }, m.title), ' ', h('span', { class: 'muted' }, m.companyName)),
      saveButton(m.openingId, saved, error),
      apply.button),
    apply.consent,
    h('p', {}, label('kind', m.kind), ' · ', districtName(m.districtCode), ' · ', salary(m.salaryMin, m.salaryMax),
      m.remaining != null ? ` · ${count('matches.remaining', m.remaining)}` : '',
      ranked ? ` · ${recommendation(m.rank)}` : ''),
    m.reasons.length ? h('ul', { class: 'reasons', 'aria-label': t('matches.reasons') }, ...m.reasons.map((r) => h('li', {}, pick(r)))) : null,
    h('details', {}, h('summary', {}, t('matches.rules')), h('ul', { class: 'reasons' }, ...m.rules.map((r) => h('li', {}, pick(r))))),
    error);
}

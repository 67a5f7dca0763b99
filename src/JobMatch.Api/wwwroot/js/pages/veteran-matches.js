// Veteran: openings ranked for me, each with its reasons and the rules it passed; apply in one click.
import { ApiError, get, post } from '../api.js';
import { districtName, districtOptions } from '../districts.js';
import { act, announce, errorBox, field, h, select } from '../dom.js';
import { count, label, pick, recommendation, t } from '../i18n.js';
import { profileFirst } from '../profile-first.js';
import { phoneConsent } from '../application.js';

export const salary = (min, max) => (min == null && max == null ? t('common.negotiable')
  : min === max || max == null ? `${min ?? ''}${max == null ? '+' : ''} ${t('common.yuan')}` : `${min ?? ''}–${max} ${t('common.yuan')}`);

export default async function matches(view) {
  view.append(h('h1', {}, t('page.matches')));
  const district = select('district', districtOptions(t('common.any')), '');
  const kind = select('kind', [['', t('common.any')], ['job', label('kind', 'job')], ['training', label('kind', 'training')]], '');
  const results = h('div');
  const load = async () => {
    results.replaceChildren(h('p', { class: 'muted' }, t('common.loading')));
    const query = new URLSearchParams({ limit: '20' });
    if (district.value) query.set('district', district.value);
    if (kind.value) query.set('kind', kind.value);
    try {
      const [page, me] = await Promise.all([get(`/api/veterans/me/matches?${query}`), get('/api/veterans/me').catch(() => null)]);
      render(results, page, me?.phone);
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

function render(results, page, phone) {
  const items = page.items.map((m) => {
    const error = errorBox();
    const consent = phoneConsent(m.companyName, phone);
    const apply = h('button', {
      type: 'button',
      onclick: () => act(apply, async () => {
        // The answer is {application, nextStates, history}: the link goes to the application it names.
        const { application } = await post(`/api/openings/${m.openingId}/applications`, consent.body());
        announce(t('matches.applied'));
        consent.node?.remove();
        apply.replaceWith(h('a', { href: `#/veteran/applications/${application.id}` }, t('matches.appliedLink', { state: label('state', application.state) })));
      }, error),
    }, t('matches.apply'));
    return h('li', { class: 'card', 'data-opening': m.openingId, 'data-title': m.title },
      h('div', { class: 'row' },
        h('h2', { class: 'grow' }, page.ranked ? `${m.rank}. ` : '', m.title, ' ', h('span', { class: 'muted' }, m.companyName)),
        apply),
      consent.node,
      h('p', {}, label('kind', m.kind), ' · ', districtName(m.districtCode), ' · ', salary(m.salaryMin, m.salaryMax),
        m.remaining != null ? ` · ${count('matches.remaining', m.remaining)}` : '',
        page.ranked ? ` · ${recommendation(m.rank)}` : ''),
      m.reasons.length ? h('ul', { class: 'reasons', 'aria-label': t('matches.reasons') }, ...m.reasons.map((r) => h('li', {}, pick(r)))) : null,
      h('details', {}, h('summary', {}, t('matches.rules')), h('ul', { class: 'reasons' }, ...m.rules.map((r) => h('li', {}, pick(r))))),
      error);
  });
  results.replaceChildren(
    page.ranked ? h('p', { class: 'muted' }, t('matches.model', { model: page.model === 'heuristic' ? t('matches.heuristic') : t('matches.trained') })) : h('p', { class: 'muted' }, t('matches.unranked')),
    items.length ? h('ol', { class: 'cards' }, ...items) : h('p', {}, t('matches.none')));
}

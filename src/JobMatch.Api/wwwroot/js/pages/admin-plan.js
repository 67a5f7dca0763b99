// Admin: enterprises without a mentor, the optimal proposed plan with reasons, and accepting the reviewed pairs.
import { get, post } from '../api.js';
import { districtName } from '../districts.js';
import { act, announce, errorBox, field, h, table } from '../dom.js';
import { count, label, t } from '../i18n.js';

export default async function plan(view) {
  view.append(h('h1', {}, t('page.plan')));
  const unassigned = await get('/api/enterprises?unassigned=true&limit=100');
  view.append(h('p', {}, t('plan.unassigned', { n: unassigned.total })));
  if (!unassigned.items.length) return;
  view.append(h('details', {}, h('summary', {}, t('plan.list')), table([
    { head: t('plan.enterprise'), cell: (e) => e.name },
    { head: t('plan.district'), cell: (e) => districtName(e.district) },
    { head: t('plan.needs'), cell: (e) => e.needs.map((n) => label('need', n)).join('、') },
  ], unassigned.items)));
  const error = errorBox();
  const result = h('div');
  const propose = h('button', {
    type: 'button',
    onclick: () => act(propose, async () => result.replaceChildren(proposal(await post('/api/assignments/plan')))),
  }, t('plan.propose'));
  view.append(propose, error, result);
}

function proposal(p) {
  const boxes = p.items.map((item) => h('input', { type: 'checkbox', checked: true, 'aria-label': t('plan.choose', { name: item.enterpriseName }) }));
  const reason = h('input', { name: 'reason', value: t('plan.reason'), required: true });
  const error = errorBox();
  const accept = h('button', {
    type: 'button',
    onclick: () => act(accept, async () => {
      const items = p.items.filter((_, i) => boxes[i].checked).map((item) => ({ mentorId: item.mentorId, enterpriseId: item.enterpriseId }));
      if (!items.length) throw new Error(t('plan.nothing'));
      await post('/api/assignments/plan/accept', { items, reason: reason.value.trim() });
      announce(count('plan.accepted', items.length));
      location.hash = `#/admin/plan?${Date.now()}`;
    }, error),
  }, t('plan.accept'));
  return h('section', { class: 'card', 'data-plan': 'proposal' },
    h('h2', {}, t('plan.proposal', { n: p.items.length, fit: p.totalFit, slots: p.spareSlots })),
    table([
      { head: '', cell: (item) => boxes[p.items.indexOf(item)] },
      { head: t('plan.enterprise'), cell: (item) => item.enterpriseName },
      { head: t('plan.mentor'), cell: (item) => item.mentorName },
      { head: t('plan.fit'), cell: (item) => String(item.fit) },
      { head: t('plan.reasons'), cell: (item) => item.reasons.join('；') },
    ], p.items),
    field(t('plan.reasonLabel'), reason), accept, error);
}

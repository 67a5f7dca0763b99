// Mentor: my enterprises with overdue flags and open needs; log a session.
import { get, post } from '../api.js';
import { districtName } from '../districts.js';
import { act, announce, check, errorBox, field, h, select } from '../dom.js';
import { date, label, t } from '../i18n.js';
import { formats, needs } from '../needs.js';

export default async function caseload(view) {
  const [mentor, items] = await Promise.all([get('/api/mentors/me'), get('/api/mentors/me/caseload')]);
  const list = items.items ?? items;
  const overdue = list.filter((e) => e.overdue).length;
  view.append(h('h1', {}, t('page.caseload')),
    h('p', {}, t('caseload.summary', { name: mentor.name, load: list.length, capacity: mentor.capacity, overdue })));
  // Overdue first: they need a visit.
  const sorted = [...list].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
  view.append(h('ul', { class: 'cards' }, ...sorted.map((e) => enterprise(e))));
}

function enterprise(e) {
  const slot = h('div');
  const open = h('button', { type: 'button', class: 'secondary', onclick: () => { slot.replaceChildren(sessionForm(e)); slot.querySelector('input')?.focus(); } },
    t('caseload.log'));
  return h('li', { class: 'card', 'data-enterprise': e.enterpriseId },
    h('div', { class: 'row' }, h('h2', { class: 'grow' }, e.name),
      e.overdue ? h('span', { class: 'badge bad' }, t('caseload.overdue')) : h('span', { class: 'badge ok' }, t('caseload.onTime'))),
    h('p', {}, e.industry, ' · ', label('stage', e.stage), ' · ', districtName(e.district), ' · ', t('caseload.founder', { name: e.founderName, phone: e.founderPhone ?? '' })),
    h('p', {}, t('caseload.last', { date: e.lastSessionOn ?? t('common.never') }), ' · ', t('caseload.due', { date: e.dueOn })),
    h('p', {}, t('caseload.openNeeds'), ' ', e.openNeeds.length ? e.openNeeds.map((n) => label('need', n)).join('、') : t('common.none')),
    open, slot);
}

function sessionForm(e) {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  const when = h('input', { type: 'date', name: 'date', value: today, max: today, required: true });
  const hours = h('input', { type: 'number', name: 'hours', min: 0.25, max: 24, step: 0.25, value: 1, required: true });
  const format = select('format', formats.map((f) => [f, label('format', f)]), 'in_person');
  const topics = h('input', { name: 'topics' });
  const next = h('textarea', { name: 'nextSteps', rows: 2 });
  const boxes = needs.map((n) => h('input', { name: `need-${n}`, checked: e.openNeeds.includes(n) }));
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, t('common.save'));
  return h('form', {
    'aria-label': t('caseload.log'),
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        await post(`/api/enterprises/${e.enterpriseId}/sessions`, {
          date: when.value, hours: Number(hours.value), format: format.value,
          topics: topics.value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean),
          needsAddressed: needs.filter((_, i) => boxes[i].checked), nextSteps: next.value.trim() || null,
        });
        announce(t('caseload.logged'));
        location.hash = `#/mentor/caseload?${Date.now()}`;
      }, error);
    },
  }, h('div', { class: 'grid' }, field(t('caseload.date'), when), field(t('caseload.hours'), hours), field(t('caseload.format'), format),
    field(t('caseload.topics'), topics)),
  h('fieldset', {}, h('legend', {}, t('caseload.needsAddressed')), h('div', { class: 'row' }, ...needs.map((n, i) => check(label('need', n), boxes[i])))),
  field(t('caseload.nextSteps'), next), error, submit);
}

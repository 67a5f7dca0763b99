// Admin: veteran-founded enterprises (filtered, paged, as a spreadsheet) and a new one; ticking several to assign them
// mentors together, one result line each; an enterprise's own page: its details, its mentors (assign from the
// suggestions or any mentor, end one), and its sessions.
import { api, ApiError, get, post } from '../api.js';
import { districtName, districtOptions } from '../districts.js';
import { act, announce, check, errorBox, field, h, select, table } from '../dom.js';
import { count, date, label, t } from '../i18n.js';
import { filterForm, pagedTable } from '../lists.js';
import { needs, stages } from '../needs.js';
import { companyPicker, everything, mentorLoadSelect } from '../pickers.js';
import '../i18n/mentoring.js';

export default async function enterprises(view, { id }) {
  view.append(h('h1', {}, t('page.enterprises')));
  let mentors = await everything('/api/mentors');
  const mentorName = (mentorId) => mentors.find((m) => m.id === mentorId)?.name ?? '';
  if (id) view.append(await detail(id, mentors));
  const ticked = new Map();
  const list = pagedTable({
    path: '/api/enterprises', csv: 'enterprises.csv',
    rowAttrs: (e) => ({ 'data-enterprise': e.id, 'data-mentors': e.mentorIds.length }),
    columns: [
      { head: t('mentoring.e.tick'), cell: (e) => h('input', {
        type: 'checkbox', name: 'tick', checked: ticked.has(e.id), 'aria-label': t('mentoring.e.tickOne', { name: e.name }),
        onchange: (event) => { if (event.target.checked) ticked.set(e.id, e); else ticked.delete(e.id); },
      }) },
      { head: t('mentoring.e.name'), cell: (e) => h('a', { href: `#/admin/enterprises/${e.id}` }, e.name) },
      { head: t('mentoring.e.district'), cell: (e) => districtName(e.district) },
      { head: t('mentoring.e.stage'), cell: (e) => label('stage', e.stage) },
      { head: t('mentoring.e.needs'), cell: (e) => e.needs.map((n) => label('need', n)).join('、') },
      { head: t('mentoring.e.mentors'), cell: (e) => h('span', { 'data-mentor-names': '' }, e.mentorIds.map(mentorName).join('、') || t('mentoring.e.noMentor')) },
      { head: t('mentoring.e.checkIn'), cell: (e) => (e.overdue ? h('span', { class: 'badge bad' }, t('caseload.overdue')) : t('caseload.onTime')) },
    ],
  });
  const filters = filterForm([
    field(t('mentoring.e.search'), h('input', { type: 'search', name: 'q', autocomplete: 'off' })),
    field(t('mentoring.e.district'), select('district', districtOptions(t('common.any')))),
    field(t('mentoring.e.hasMentor'), select('unassigned', [['', t('common.any')], ['true', t('mentoring.e.withoutMentor')], ['false', t('mentoring.e.withMentor')]])),
    field(t('mentoring.e.checkIn'), select('overdue', [['', t('common.any')], ['true', t('caseload.overdue')], ['false', t('caseload.onTime')]])),
  ], (values) => list.reload(values));
  const bulk = h('div', { 'data-bulk': '' });
  const error = errorBox();
  const start = h('button', {
    type: 'button',
    onclick: () => act(start, async () => {
      if (!ticked.size) throw new Error(t('mentoring.bulk.noneTicked'));
      bulk.replaceChildren(await bulkForm([...ticked.values()], mentors, async () => {
        ticked.clear();
        mentors = await everything('/api/mentors');
        await list.reload(filters.values());
      }));
      bulk.querySelector('select')?.focus();
    }, error),
  }, t('mentoring.bulk.start'));
  view.append(h('section', { class: 'card' }, h('h2', {}, t('mentoring.e.all')), filters.element, list.element,
    h('p', { class: 'muted' }, t('mentoring.bulk.hint')), start, error, bulk), createForm());
  await list.reload();
}

const needBoxes = (chosen = []) => needs.map((n) => h('input', { name: `need-${n}`, value: n, checked: chosen.includes(n) }));
const needsFieldset = (boxes) => h('fieldset', {}, h('legend', {}, t('mentoring.e.needs')), ...boxes.map((box) => check(label('need', box.value), box)));
const ticks = (boxes) => boxes.filter((b) => b.checked).map((b) => b.value);
const stageSelect = (selected) => select('stage', stages.map((s) => [s, label('stage', s)]), selected);

/** The ticked enterprises, a mentor for each (the best available suggestion chosen), sent together with one reason. */
async function bulkForm(items, mentors, afterAssigned) {
  const suggestions = await Promise.all(items.map((e) => get(`/api/enterprises/${e.id}/mentor-suggestions?limit=3`)));
  const choices = items.map((e, i) => mentorLoadSelect(`mentor-${e.id}`, mentors, suggestions[i].find((s) => s.available)?.mentorId));
  const reason = h('input', { name: 'reason', required: true, maxlength: 500, autocomplete: 'off' });
  const results = h('ul', { 'aria-live': 'polite', 'data-bulk-results': '' });
  const error = errorBox();
  const send = h('button', { type: 'submit' }, t('mentoring.bulk.send', { n: items.length }));
  const line = (e, outcome, text) => h('li', { 'data-result': e.id, 'data-outcome': outcome, class: { assigned: 'success', refused: 'error' }[outcome] ?? 'muted' },
    `${e.name}: ${text}`);
  const mentorOf = (i) => mentors.find((m) => m.id === choices[i].value)?.name ?? '';
  return h('form', {
    class: 'card', 'aria-label': t('mentoring.bulk.title'),
    onsubmit: (event) => {
      event.preventDefault();
      act(send, async () => {
        results.replaceChildren();
        const pairs = items.map((e, i) => ({ enterpriseId: e.id, mentorId: choices[i].value }));
        try {
          await post('/api/assignments/plan/accept', { items: pairs, reason: reason.value.trim() });
        } catch (failure) {
          const refused = failure instanceof ApiError ? failure.problem?.refused : null;
          if (!refused) throw failure;
          results.append(...items.map((e) => {
            const why = refused.find((r) => r.enterpriseId === e.id);
            return why ? line(e, 'refused', t('mentoring.bulk.refused', { why: why.reason })) : line(e, 'waiting', t('mentoring.bulk.waiting'));
          }));
          results.querySelector('[data-outcome="refused"]')?.setAttribute('tabindex', '-1');
          results.querySelector('[data-outcome="refused"]')?.focus();
          return;
        }
        const names = items.map((e, i) => line(e, 'assigned', t('mentoring.bulk.assigned', { mentor: mentorOf(i) })));
        announce(count('mentoring.bulk.done', items.length));
        await afterAssigned();
        results.append(...names);
      }, error);
    },
  }, h('h3', {}, t('mentoring.bulk.title')), h('p', { class: 'muted' }, t('mentoring.bulk.together')),
  table([
    { head: t('mentoring.e.name'), cell: (e) => e.name },
    { head: t('mentoring.bulk.mentor'), cell: (e) => {
      const i = items.indexOf(e);
      choices[i].setAttribute('aria-label', t('mentoring.bulk.mentorFor', { name: e.name }));
      return choices[i];
    } },
    { head: t('mentoring.bulk.suggested'), cell: (e) => suggestions[items.indexOf(e)].slice(0, 3)
      .map((s) => t('mentoring.pick.load', { name: s.name, load: s.load, capacity: s.capacity })).join('；') || t('common.none') },
  ], items), field(t('mentoring.e.reason'), reason), send, error, results);
}

function createForm() {
  const name = h('input', { name: 'name', required: true, maxlength: 200, autocomplete: 'off' });
  const founder = h('input', { name: 'founderName', required: true, maxlength: 100, autocomplete: 'off' });
  const phone = h('input', { type: 'tel', name: 'founderPhone', autocomplete: 'off' });
  const credit = h('input', { name: 'creditCode', maxlength: 18, autocomplete: 'off' });
  const industry = h('input', { name: 'industry', required: true, maxlength: 50, autocomplete: 'off' });
  const stage = stageSelect('started');
  const district = select('district', districtOptions(t('mentoring.m.chooseDistrict')));
  const employees = h('input', { type: 'number', name: 'employees', min: 0, max: 100000, value: 0 });
  const base = h('input', { name: 'demonstrationBase' });
  const boxes = needBoxes();
  const company = companyPicker();
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, t('mentoring.e.create'));
  return h('form', {
    class: 'card', 'aria-label': t('mentoring.e.new'), 'data-create-enterprise': '',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        const created = await post('/api/enterprises', {
          name: name.value.trim(), founderName: founder.value.trim(), founderPhone: phone.value.trim() || null,
          creditCode: credit.value.trim() || null, industry: industry.value.trim(), stage: stage.value, district: district.value || null,
          employees: Number(employees.value || 0), needs: ticks(boxes), demonstrationBase: base.checked, companyId: company.value() || null,
        });
        announce(t('mentoring.e.created', { name: created.name }));
        location.hash = `#/admin/enterprises/${created.id}`;
      }, error);
    },
  }, h('h2', {}, t('mentoring.e.new')), h('div', { class: 'grid' }, field(t('mentoring.e.name'), name), field(t('mentoring.e.founder'), founder),
    field(t('mentoring.e.founderPhone'), phone), field(t('mentoring.e.creditCode'), credit, t('mentoring.e.creditHint')),
    field(t('mentoring.e.industry'), industry), field(t('mentoring.e.stage'), stage), field(t('mentoring.e.district'), district),
    field(t('mentoring.e.employees'), employees)), check(t('mentoring.e.base'), base), needsFieldset(boxes),
  companyField(company, 'mentoring.e.companyHint'), submit, error);
}

/** The company the enterprise registered as an employer, found by name; none chosen leaves it as it is. */
const companyField = (picker, hint) => h('fieldset', {}, h('legend', {}, t('mentoring.e.company')), h('p', { class: 'muted' }, t(hint)), picker.element);

async function detail(id, mentors) {
  const [e, suggestions, active] = await Promise.all([get(`/api/enterprises/${id}`),
    get(`/api/enterprises/${id}/mentor-suggestions?limit=5`), everything(`/api/assignments?enterpriseId=${id}&active=true`)]);
  const mentor = (mentorId) => mentors.find((m) => m.id === mentorId);
  const redraw = () => { location.hash = `#/admin/enterprises/${id}?${Date.now()}`; };
  const reason = h('input', { name: 'reason', maxlength: 500, autocomplete: 'off' });
  const co = h('input', { name: 'coMentoring' });
  const error = errorBox();
  const assign = async (mentorId) => {
    await post('/api/assignments', { mentorId, enterpriseId: id, reason: reason.value.trim(), coMentoring: co.checked || null });
    announce(t('mentoring.e.assigned', { mentor: mentor(mentorId)?.name ?? '' }));
    redraw();
  };
  const assignButton = (mentorId, name) => {
    const button = h('button', { type: 'button', class: 'secondary', 'aria-label': t('mentoring.e.assignTo', { name }),
      onclick: () => act(button, () => assign(mentorId), error) }, t('mentoring.e.assign'));
    return button;
  };
  const endButton = (a) => {
    const button = h('button', { type: 'button', class: 'danger', 'aria-label': t('mentoring.e.endWith', { name: mentor(a.mentorId)?.name ?? '' }),
      onclick: () => act(button, async () => {
        if (!confirm(t('mentoring.e.endConfirm', { mentor: mentor(a.mentorId)?.name ?? '', name: e.name }))) return;
        await post(`/api/assignments/${a.id}/end`, { reason: reason.value.trim() });
        announce(t('mentoring.e.ended'));
        redraw();
      }, error) }, t('mentoring.e.end'));
    return button;
  };
  const any = mentorLoadSelect('anyMentor', mentors.filter((m) => !active.some((a) => a.mentorId === m.id)));
  const anyButton = h('button', { type: 'button', class: 'secondary', onclick: () => act(anyButton, () => assign(any.value), error) }, t('mentoring.e.assign'));
  const sessions = pagedTable({
    path: `/api/enterprises/${id}/sessions`, limit: 20, empty: t('mentoring.e.noSessions'),
    columns: [
      { head: t('mentoring.e.heldOn'), cell: (s) => date(s.heldOn) },
      { head: t('mentoring.bulk.mentor'), cell: (s) => mentor(s.mentorId)?.name ?? '' },
      { head: t('mentoring.e.hours'), cell: (s) => String(s.hours) },
      { head: t('mentoring.e.format'), cell: (s) => label('format', s.format) },
      { head: t('mentoring.e.topics'), cell: (s) => [...s.topics, ...s.needsAddressed.map((n) => label('need', n))].join('、') },
    ],
  });
  await sessions.reload();
  return h('section', { class: 'card', 'data-enterprise-detail': id },
    h('h2', {}, e.name),
    h('p', {}, t('mentoring.e.facts', { founder: e.founderName, phone: e.founderPhone ?? '', industry: e.industry, stage: label('stage', e.stage),
      district: districtName(e.district), employees: e.employees })),
    h('p', {}, t('mentoring.e.needs'), '：', e.needs.map((n) => label('need', n)).join('、') || t('common.none'),
      e.demonstrationBase ? ` · ${t('mentoring.e.base')}` : '', ' · ', t('caseload.last', { date: e.lastSessionOn ? date(e.lastSessionOn) : t('common.never') })),
    h('h3', {}, t('mentoring.e.mentorsNow')),
    active.length ? h('ul', {}, ...active.map((a) => h('li', { 'data-assignment': a.id, 'data-mentor': a.mentorId },
      t('mentoring.e.since', { name: mentor(a.mentorId)?.name ?? '', date: date(a.startsOn), load: mentor(a.mentorId)?.load ?? 0,
        capacity: mentor(a.mentorId)?.capacity ?? 0 }), ' ', endButton(a)))) : h('p', { 'data-no-mentor': '' }, t('mentoring.e.noMentor')),
    field(t('mentoring.e.reason'), reason, t('mentoring.e.reasonHint')),
    active.length ? check(t('mentoring.e.coMentoring'), co) : null,
    error,
    h('h3', {}, t('mentoring.e.suggestions')),
    suggestions.length ? table([
      { head: t('mentoring.bulk.mentor'), cell: (s) => s.name },
      { head: t('mentoring.e.district'), cell: (s) => districtName(s.district) },
      { head: t('mentoring.m.caseload'), cell: (s) => h('span', { 'data-load': `${s.load}/${s.capacity}` }, `${s.load}/${s.capacity}`) },
      { head: t('mentoring.e.why'), cell: (s) => s.reasons.join('；') },
      { head: '', cell: (s) => h('span', { 'data-suggestion': s.mentorId }, s.available ? assignButton(s.mentorId, s.name) : t('mentoring.e.full')) },
    ], suggestions) : h('p', { class: 'muted' }, t('common.none')),
    h('div', { class: 'row' }, field(t('mentoring.e.anyMentor'), any), anyButton),
    editForm(e, redraw),
    h('h3', {}, t('mentoring.e.sessions')), sessions.element);
}

function editForm(e, redraw) {
  const stage = stageSelect(e.stage);
  const employees = h('input', { type: 'number', name: 'employees', min: 0, max: 100000, value: e.employees });
  const base = h('input', { name: 'demonstrationBase', checked: e.demonstrationBase });
  const boxes = needBoxes(e.needs);
  const company = companyPicker();
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, t('common.save'));
  return h('details', {}, h('summary', {}, t('mentoring.e.edit')), h('form', {
    'aria-label': t('mentoring.e.edit'), 'data-edit-enterprise': '',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        await api(`/api/enterprises/${e.id}`, { method: 'PATCH', body: {
          stage: stage.value, employees: Number(employees.value || 0), needs: ticks(boxes), demonstrationBase: base.checked,
          companyId: company.value() || null } });
        announce(t('mentoring.e.saved'));
        redraw();
      }, error);
    },
  }, h('div', { class: 'grid' }, field(t('mentoring.e.stage'), stage), field(t('mentoring.e.employees'), employees)),
  check(t('mentoring.e.base'), base), needsFieldset(boxes),
  companyField(company, e.companyId ? 'mentoring.e.companyLinked' : 'mentoring.e.companyHint'), submit, error));
}

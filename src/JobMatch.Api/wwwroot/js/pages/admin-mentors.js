// Admin: the mentors (paged, as a spreadsheet) and a new one; a mentor's own page: what they know and how many they
// take, their sign-in, their caseload, and moving the whole caseload to another mentor.
import { api, get, post } from '../api.js';
import { districtName, districtOptions } from '../districts.js';
import { act, announce, check, errorBox, field, h, select, table } from '../dom.js';
import { count, date, label, t } from '../i18n.js';
import { filterForm, pagedTable } from '../lists.js';
import { needs } from '../needs.js';
import { accountPicker, everything, mentorLoadSelect, subjectNames } from '../pickers.js';
import '../i18n/mentoring.js';

export default async function mentors(view, { id }) {
  view.append(h('h1', {}, t('page.mentors')));
  const settings = await get('/api/console/settings');
  const byAccount = settings.accounts === true;
  const list = pagedTable({
    path: '/api/mentors', csv: 'mentors.csv',
    rowAttrs: (m) => ({ 'data-mentor': m.id, 'data-load': `${m.load}/${m.capacity}` }),
    columns: [
      { head: t('mentoring.m.name'), cell: (m) => h('a', { href: `#/admin/mentors/${m.id}` }, m.name) },
      { head: t('mentoring.m.district'), cell: (m) => districtName(m.district) },
      { head: t('mentoring.m.expertise'), cell: (m) => m.expertise.map((n) => label('need', n)).join('、') },
      { head: t('mentoring.m.caseload'), cell: (m) => `${m.load}/${m.capacity}` },
      { head: t('mentoring.m.state'), cell: (m) => t(m.paused ? 'mentoring.m.paused' : 'mentoring.m.taking') },
      { head: t('mentoring.m.signIn'), cell: (m) => t(m.subject ? 'mentoring.m.linked' : 'mentoring.m.notLinked') },
    ],
  });
  const filters = filterForm([field(t('mentoring.m.search'), h('input', { type: 'search', name: 'q', autocomplete: 'off' }))], (values) => list.reload(values));
  if (id) view.append(await detail(id, byAccount));
  view.append(h('section', { class: 'card' }, h('h2', {}, t('mentoring.m.all')), filters.element, list.element), createForm());
  await list.reload();
}

const needBoxes = (chosen = []) => needs.map((n) => h('input', { name: `expertise-${n}`, value: n, checked: chosen.includes(n) }));
const expertiseFieldset = (boxes) => h('fieldset', {}, h('legend', {}, t('mentoring.m.expertise')),
  ...boxes.map((box) => check(label('need', box.value), box)));
const words = (text) => text.split(/[,，、;；]/).map((w) => w.trim()).filter(Boolean);

function createForm() {
  const name = h('input', { name: 'name', required: true, maxlength: 100, autocomplete: 'off' });
  const boxes = needBoxes();
  const industries = h('input', { name: 'industries', autocomplete: 'off' });
  const district = select('district', districtOptions(t('mentoring.m.chooseDistrict')));
  const capacity = h('input', { type: 'number', name: 'capacity', min: 0, max: 50, value: 5, required: true });
  const phone = h('input', { type: 'tel', name: 'phone', autocomplete: 'off' });
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, t('mentoring.m.create'));
  return h('form', {
    class: 'card', 'aria-label': t('mentoring.m.new'), 'data-create-mentor': '',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        const mentor = await post('/api/mentors', {
          name: name.value.trim(), expertise: boxes.filter((b) => b.checked).map((b) => b.value), industries: words(industries.value),
          district: district.value || null, capacity: Number(capacity.value), phone: phone.value.trim() || null,
        });
        announce(t('mentoring.m.created', { name: mentor.name }));
        location.hash = `#/admin/mentors/${mentor.id}`;
      }, error);
    },
  }, h('h2', {}, t('mentoring.m.new')), h('div', { class: 'grid' }, field(t('mentoring.m.name'), name), field(t('mentoring.m.district'), district),
    field(t('mentoring.m.capacity'), capacity, t('mentoring.m.capacityHint')), field(t('mentoring.m.industries'), industries, t('mentoring.m.industriesHint')),
    field(t('mentoring.m.phone'), phone)), expertiseFieldset(boxes), submit, error);
}

async function detail(id, byAccount) {
  const [m, caseload, all] = await Promise.all([get(`/api/mentors/${id}`), everything(`/api/mentors/${id}/caseload`), everything('/api/mentors')]);
  const name = await subjectNames(m.subject ? [m.subject] : [], byAccount);
  const redraw = () => { location.hash = `#/admin/mentors/${id}?${Date.now()}`; };
  return h('section', { class: 'card', 'data-mentor-detail': id },
    h('h2', {}, m.name),
    h('p', {}, districtName(m.district), ' · ', m.expertise.map((n) => label('need', n)).join('、') || t('common.none'), ' · ',
      h('span', { 'data-load': `${m.load}/${m.capacity}` }, t('mentoring.m.loadOf', { load: m.load, capacity: m.capacity })), ' · ',
      t(m.paused ? 'mentoring.m.paused' : 'mentoring.m.taking')),
    editForm(m, redraw),
    await signIn(m, byAccount, name, redraw),
    h('h3', {}, t('mentoring.m.caseloadTitle', { n: caseload.length })),
    caseload.length ? table([
      { head: t('mentoring.m.enterprise'), cell: (c) => h('a', { href: `#/admin/enterprises/${c.enterpriseId}`, 'data-caseload-enterprise': c.enterpriseId }, c.name) },
      { head: t('mentoring.m.since'), cell: (c) => date(c.startsOn) },
      { head: t('mentoring.m.lastSession'), cell: (c) => (c.lastSessionOn ? date(c.lastSessionOn) : t('common.never')) },
      { head: t('mentoring.m.checkIn'), cell: (c) => (c.overdue ? h('span', { class: 'badge bad' }, t('caseload.overdue')) : t('caseload.onTime')) },
    ], caseload) : h('p', { class: 'muted' }, t('mentoring.m.noCaseload')),
    caseload.length ? reassignForm(m, all.filter((o) => o.id !== m.id), redraw) : null);
}

function editForm(m, redraw) {
  const capacity = h('input', { type: 'number', name: 'capacity', min: 0, max: 50, value: m.capacity, required: true });
  const paused = h('input', { name: 'paused', checked: m.paused });
  const boxes = needBoxes(m.expertise);
  const industries = h('input', { name: 'industries', value: m.industries.join('、'), autocomplete: 'off' });
  const district = select('district', districtOptions(t('mentoring.m.chooseDistrict')), m.district);
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, t('common.save'));
  return h('details', {}, h('summary', {}, t('mentoring.m.edit')), h('form', {
    'aria-label': t('mentoring.m.edit'), 'data-edit-mentor': '',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        await api(`/api/mentors/${m.id}`, { method: 'PATCH', body: {
          capacity: Number(capacity.value), paused: paused.checked, expertise: boxes.filter((b) => b.checked).map((b) => b.value),
          industries: words(industries.value), district: district.value || null,
        } });
        announce(t('mentoring.m.saved'));
        redraw();
      }, error);
    },
  }, h('div', { class: 'grid' }, field(t('mentoring.m.capacity'), capacity, t('mentoring.m.capacityHint')), field(t('mentoring.m.district'), district),
    field(t('mentoring.m.industries'), industries, t('mentoring.m.industriesHint'))),
  check(t('mentoring.m.pause'), paused), expertiseFieldset(boxes), submit, error));
}

/** Who signs in as this mentor: an account picked by search (built-in accounts) or the issuer's subject typed. */
async function signIn(m, byAccount, name, redraw) {
  const error = errorBox();
  const section = h('div', { 'data-mentor-sign-in': '' }, h('h3', {}, t('mentoring.m.signInTitle')));
  if (m.subject) {
    const unlink = h('button', {
      type: 'button', class: 'secondary',
      onclick: () => act(unlink, async () => {
        if (!confirm(t('mentoring.m.unlinkConfirm', { name: m.name }))) return;
        await api(`/api/mentors/${m.id}/subject`, { method: 'DELETE' });
        announce(t('links.unlinked'));
        redraw();
      }, error),
    }, t('links.unlink'));
    section.append(h('p', {}, t('mentoring.m.signsInAs', { who: name(m.subject) }), ' ', unlink), error);
    return section;
  }
  const picker = byAccount ? accountPicker('mentor') : null;
  const subject = byAccount ? null : h('input', { name: 'subject', autocomplete: 'off', required: true });
  if (picker) await picker.load();
  const link = h('button', { type: 'submit', class: 'secondary' }, t('links.link'));
  section.append(h('p', { class: 'muted' }, t(byAccount ? 'mentoring.m.pickAccount' : 'mentoring.m.typeSubject')), h('form', {
    class: 'row',
    onsubmit: (event) => {
      event.preventDefault();
      act(link, async () => {
        const value = picker ? picker.value() : subject.value.trim();
        if (!value) throw new Error(t('mentoring.m.nobody'));
        await api(`/api/mentors/${m.id}/subject`, { method: 'PUT', body: { subject: value } });
        announce(t('links.linked'));
        redraw();
      }, error);
    },
  }, picker ? picker.element : field(t('links.subject'), subject), link), error);
  return section;
}

function reassignForm(m, others, redraw) {
  const to = mentorLoadSelect('toMentor', others);
  const reason = h('input', { name: 'reason', required: true, maxlength: 500, autocomplete: 'off' });
  const error = errorBox();
  const submit = h('button', { type: 'submit', class: 'danger' }, t('mentoring.m.reassign'));
  return h('form', {
    class: 'card', 'aria-label': t('mentoring.m.reassignTitle'), 'data-reassign': '',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        const target = to.selectedOptions[0]?.textContent ?? '';
        if (!confirm(t('mentoring.m.reassignConfirm', { from: m.name, to: target }))) return;
        const moved = await post(`/api/mentors/${m.id}/reassign`, { toMentorId: to.value, reason: reason.value.trim() });
        announce(count('mentoring.m.reassigned', moved.assignments.length));
        redraw();
      }, error);
    },
  }, h('h3', {}, t('mentoring.m.reassignTitle')), h('p', { class: 'muted' }, t('mentoring.m.reassignHint')),
  field(t('mentoring.m.toMentor'), to), field(t('mentoring.m.reason'), reason), submit, error);
}

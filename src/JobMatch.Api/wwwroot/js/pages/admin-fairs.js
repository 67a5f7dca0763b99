// Admin: job fairs and order-class programs. Both lists (paged, as a spreadsheet, open or closed), a form to create or
// edit a fair and one for a program (sponsors picked by name, seats each), closing either (after a confirm), and the
// detail of one (#/admin/fairs/<id>, ?kind=program for a program) with its positions, its import and its funnel.
import { api, get } from '../api.js';
import { act, announce, check, errorBox, field, h, select } from '../dom.js';
import { date, dateTime, label, lang, t } from '../i18n.js';
import { educationLevels } from '../education.js';
import { filterForm, pagedTable } from '../lists.js';
import { companyPicker } from '../pickers.js';
import '../i18n/fairs.js';

const state = (item) => h('span', { class: `badge ${item.closedAt ? 'bad' : 'ok'}`, 'data-state': item.closedAt ? 'closed' : 'open' },
  item.closedAt ? t('fairs.closed') : t('fairs.open'));
const place = (fair) => (fair.online ? t('fairs.online') : fair.venue ?? '');
const numberOrNull = (input) => (input.value.trim() === '' ? null : Number(input.value));
const closedFilter = () => select('closed', [['', t('fairs.all')], ['false', t('fairs.onlyOpen')], ['true', t('fairs.onlyClosed')]], '');

export default async function fairs(view, { id, params }) {
  if (id) { await detail(view, id, params.get('kind') === 'program' ? 'program' : 'fair'); return; }
  view.append(h('h1', {}, t('page.fairs')));
  const fairSection = h('section', { 'aria-labelledby': 'fairs-fairs' });
  const programSection = h('section', { 'aria-labelledby': 'fairs-programs' });
  view.append(fairSection, programSection);
  await Promise.all([fairPart(fairSection), programPart(programSection)]);
}

/** The fairs: the create/edit form above the list; edit fills the form, close asks first. */
async function fairPart(section) {
  const form = fairForm();
  const list = pagedTable({
    path: '/api/job-fairs', csv: 'job-fairs.csv', empty: t('fairs.noFairs'),
    rowAttrs: (fair) => ({ 'data-fair': fair.name }),
    columns: [
      { head: t('fairs.nameColumn'), cell: (fair) => h('a', { href: `#/admin/fairs/${fair.id}` }, fair.name) },
      { head: t('fairs.heldOn'), cell: (fair) => date(fair.heldOn) },
      { head: t('fairs.where'), cell: place },
      { head: t('fairs.state'), cell: state },
      { head: t('fairs.actions'), cell: (fair) => actions(fair, () => form.edit(fair), () => closeOne(fair, 'job-fairs', list)) },
    ],
  });
  form.saved = async (fair) => { await list.reload(); focusRow(list.element, 'data-fair', fair.name); };
  const filter = filterForm([field(t('fairs.show'), closedFilter())], (values) => list.reload(values));
  section.append(h('h2', { id: 'fairs-fairs' }, t('fairs.fairs')), form.element, filter.element, list.element);
  await list.reload();
}

/** Edit and close buttons of a row; a closed one has neither. */
function actions(item, onEdit, onClose) {
  if (item.closedAt) return h('span', { class: 'muted' }, t('fairs.closedOn', { when: date(item.closedAt) }));
  const error = errorBox();
  const edit = h('button', { type: 'button', class: 'secondary', 'data-edit': '' }, t('fairs.edit'));
  const close = h('button', { type: 'button', class: 'secondary', 'data-close': '' }, t('fairs.close'));
  edit.addEventListener('click', onEdit);
  close.addEventListener('click', () => act(close, onClose, error));
  return h('div', { class: 'row' }, edit, close, error);
}

async function closeOne(item, path, list) {
  if (!window.confirm(t('fairs.confirmClose', { name: item.name }))) return;
  await api(`/api/${path}/${item.id}/close`, { method: 'POST' });
  await list.reload();
  announce(t('fairs.closedNow', { name: item.name }));
  focusRow(list.element, path === 'job-fairs' ? 'data-fair' : 'data-program', item.name);
}

function focusRow(container, attribute, name) {
  const row = [...container.querySelectorAll(`tr[${attribute}]`)].find((tr) => tr.getAttribute(attribute) === name);
  const target = row?.querySelector('a');
  if (target) target.focus();
}

/** The form of a fair: creates one, or after edit(fair) saves that one; a fair at a venue needs the venue. */
function fairForm() {
  const inputs = {
    name: h('input', { name: 'name', required: true, maxlength: 200, autocomplete: 'off' }),
    heldOn: h('input', { name: 'heldOn', type: 'date', required: true }),
    online: h('input', { name: 'online' }),
    venue: h('input', { name: 'venue', maxlength: 200 }),
    organiser: h('input', { name: 'organiser', maxlength: 200 }),
    declaredCompanies: h('input', { name: 'declaredCompanies', type: 'number', min: 0, inputmode: 'numeric' }),
    declaredPositions: h('input', { name: 'declaredPositions', type: 'number', min: 0, inputmode: 'numeric' }),
    declaredOpenings: h('input', { name: 'declaredOpenings', type: 'number', min: 0, inputmode: 'numeric' }),
  };
  const title = h('h3', {}, t('fairs.newFair'));
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, t('fairs.createFair'));
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, t('fairs.cancel'));
  let editing = null;
  const reset = () => {
    editing = null;
    form.reset();
    title.textContent = t('fairs.newFair');
    submit.textContent = t('fairs.createFair');
    cancel.hidden = true;
  };
  const form = h('form', { class: 'card', 'data-form': 'fair' }, title,
    field(t('fairs.name'), inputs.name), field(t('fairs.heldOn'), inputs.heldOn), check(t('fairs.isOnline'), inputs.online),
    field(t('fairs.venue'), inputs.venue, t('fairs.venueHint')), field(t('fairs.organiser'), inputs.organiser),
    field(t('fairs.declaredCompanies'), inputs.declaredCompanies), field(t('fairs.declaredPositions'), inputs.declaredPositions),
    field(t('fairs.declaredOpenings'), inputs.declaredOpenings),
    h('div', { class: 'row' }, submit, cancel), error);
  const part = { element: h('details', { class: 'other' }, h('summary', {}, t('fairs.newFair')), form), saved: async () => {} };
  cancel.addEventListener('click', reset);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(submit, async () => {
      const body = {
        name: inputs.name.value.trim(), heldOn: inputs.heldOn.value, online: inputs.online.checked,
        venue: inputs.venue.value.trim() || null, organiser: inputs.organiser.value.trim() || null,
        declaredCompanies: numberOrNull(inputs.declaredCompanies), declaredPositions: numberOrNull(inputs.declaredPositions),
        declaredOpenings: numberOrNull(inputs.declaredOpenings),
      };
      const fair = editing
        ? await api(`/api/job-fairs/${editing}`, { method: 'PUT', body })
        : await api('/api/job-fairs', { method: 'POST', body });
      announce(t(editing ? 'fairs.savedFair' : 'fairs.createdFair', { name: fair.name }));
      reset();
      part.element.open = false;
      await part.saved(fair);
    }, error);
  });
  part.edit = (fair) => {
    editing = fair.id;
    for (const key of ['name', 'heldOn', 'venue', 'organiser', 'declaredCompanies', 'declaredPositions', 'declaredOpenings']) {
      inputs[key].value = fair[key] ?? '';
    }
    inputs.online.checked = fair.online;
    title.textContent = t('fairs.editing', { name: fair.name });
    submit.textContent = t('fairs.save');
    cancel.hidden = false;
    part.element.open = true;
    inputs.name.focus();
  };
  return part;
}

/** The programs: the create/edit form above the list. */
async function programPart(section) {
  const form = await programForm();
  const list = pagedTable({
    path: '/api/programs', csv: 'programs.csv', empty: t('fairs.noPrograms'),
    rowAttrs: (program) => ({ 'data-program': program.name }),
    columns: [
      { head: t('fairs.nameColumn'), cell: (p) => h('a', { href: `#/admin/fairs/${p.id}?kind=program` }, p.name) },
      { head: t('fairs.college'), cell: (p) => p.college },
      { head: t('fairs.startsOn'), cell: (p) => date(p.startsOn) },
      { head: t('fairs.sponsors'), cell: (p) => p.sponsors.map((s) => t('fairs.sponsorSeats', { name: s.companyName, seats: s.seats })).join('；') },
      { head: t('fairs.state'), cell: state },
      { head: t('fairs.actions'), cell: (p) => actions(p, () => form.edit(p), () => closeOne(p, 'programs', list)) },
    ],
  });
  form.saved = async (program) => { await list.reload(); focusRow(list.element, 'data-program', program.name); };
  const filter = filterForm([field(t('fairs.show'), closedFilter())], (values) => list.reload(values));
  section.append(h('h2', { id: 'fairs-programs' }, t('fairs.programs')), form.element, filter.element, list.element);
  await list.reload();
}

/** The form of a program; sponsors are picked by name and each given its seats. */
async function programForm() {
  const inputs = {
    name: h('input', { name: 'programName', required: true, maxlength: 200, autocomplete: 'off' }),
    college: h('input', { name: 'college', required: true, maxlength: 200 }),
    majors: h('input', { name: 'majors' }),
    degreeLevel: select('degreeLevel', educationLevels.slice(1).map((l) => [l.label, lang() === 'en' ? l.labelEn : l.label]), '大专'),
    startsOn: h('input', { name: 'startsOn', type: 'date', required: true }),
    durationMonths: h('input', { name: 'durationMonths', type: 'number', min: 1, max: 120, required: true, inputmode: 'numeric' }),
  };
  const sponsors = new Map(); // companyId → { name, seats }
  const picker = companyPicker();
  const seats = h('input', { name: 'seats', type: 'number', min: 1, value: '10', inputmode: 'numeric' });
  const sponsorList = h('ul', { class: 'cards', 'data-sponsors': '' });
  const drawSponsors = () => sponsorList.replaceChildren(...[...sponsors].map(([companyId, s]) => {
    const count = h('input', { type: 'number', min: 1, value: String(s.seats), inputmode: 'numeric', 'aria-label': t('fairs.seatsOf', { name: s.name }) });
    count.addEventListener('change', () => { s.seats = Number(count.value); });
    const remove = h('button', { type: 'button', class: 'secondary' }, t('fairs.removeSponsor'));
    remove.addEventListener('click', () => { sponsors.delete(companyId); drawSponsors(); });
    return h('li', { class: 'row', 'data-sponsor': s.name }, h('span', { class: 'grow' }, s.name), count, remove);
  }));
  const add = h('button', { type: 'button', class: 'secondary', 'data-add-sponsor': '' }, t('fairs.addSponsor'));
  const error = errorBox();
  add.addEventListener('click', () => {
    if (!picker.value()) { error.textContent = t('fairs.pickSponsor'); return; }
    error.textContent = '';
    sponsors.set(picker.value(), { name: picker.chosen(), seats: Number(seats.value) || 1 });
    drawSponsors();
  });
  const title = h('h3', {}, t('fairs.newProgram'));
  const submit = h('button', { type: 'submit' }, t('fairs.createProgram'));
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, t('fairs.cancel'));
  let editing = null;
  const reset = () => {
    editing = null;
    form.reset();
    sponsors.clear();
    drawSponsors();
    title.textContent = t('fairs.newProgram');
    submit.textContent = t('fairs.createProgram');
    cancel.hidden = true;
  };
  const form = h('form', { class: 'card', 'data-form': 'program' }, title,
    field(t('fairs.programName'), inputs.name), field(t('fairs.college'), inputs.college),
    field(t('fairs.majors'), inputs.majors, t('fairs.majorsHint')), field(t('fairs.degreeLevel'), inputs.degreeLevel),
    field(t('fairs.startsOn'), inputs.startsOn), field(t('fairs.durationMonths'), inputs.durationMonths),
    h('fieldset', {}, h('legend', {}, t('fairs.sponsors')), picker.element, field(t('fairs.seats'), seats), add, sponsorList),
    h('div', { class: 'row' }, submit, cancel), error);
  const part = { element: h('details', { class: 'other' }, h('summary', {}, t('fairs.newProgram')), form), saved: async () => {} };
  cancel.addEventListener('click', reset);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(submit, async () => {
      const body = {
        name: inputs.name.value.trim(), college: inputs.college.value.trim(), degreeLevel: inputs.degreeLevel.value,
        majors: inputs.majors.value.split(/[,，、;；]/).map((m) => m.trim()).filter(Boolean),
        startsOn: inputs.startsOn.value, durationMonths: Number(inputs.durationMonths.value),
        sponsors: [...sponsors].map(([companyId, s]) => ({ companyId, seats: s.seats })),
      };
      const program = editing
        ? await api(`/api/programs/${editing}`, { method: 'PUT', body })
        : await api('/api/programs', { method: 'POST', body });
      announce(t(editing ? 'fairs.savedProgram' : 'fairs.createdProgram', { name: program.name }));
      reset();
      part.element.open = false;
      await part.saved(program);
    }, error);
  });
  part.edit = (program) => {
    editing = program.id;
    inputs.name.value = program.name;
    inputs.college.value = program.college;
    inputs.majors.value = program.majors.join('、');
    inputs.degreeLevel.value = program.degreeLevel;
    inputs.startsOn.value = program.startsOn;
    inputs.durationMonths.value = String(program.durationMonths);
    sponsors.clear();
    for (const s of program.sponsors) sponsors.set(s.companyId, { name: s.companyName, seats: s.seats });
    drawSponsors();
    title.textContent = t('fairs.editing', { name: program.name });
    submit.textContent = t('fairs.save');
    cancel.hidden = false;
    part.element.open = true;
    inputs.name.focus();
  };
  await picker.load();
  return part;
}

/** One fair or program: what it is, its positions (paged), and links to import into it and to its funnel. */
async function detail(view, id, kind) {
  const fair = kind === 'fair';
  const item = await get(`/api/${fair ? 'job-fairs' : 'programs'}/${id}`);
  const facts = fair
    ? [[t('fairs.heldOn'), date(item.heldOn)], [t('fairs.where'), place(item)], [t('fairs.organiser'), item.organiser ?? '—'],
      [t('fairs.declared'), [item.declaredCompanies, item.declaredPositions, item.declaredOpenings].every((n) => n == null) ? '—'
        : t('fairs.declaredFigures', { companies: item.declaredCompanies ?? '—', positions: item.declaredPositions ?? '—',
          openings: item.declaredOpenings ?? '—' })]]
    : [[t('fairs.college'), item.college], [t('fairs.startsOn'), date(item.startsOn)],
      [t('fairs.durationMonths'), String(item.durationMonths)],
      [t('fairs.sponsors'), item.sponsors.map((s) => t('fairs.sponsorSeats', { name: s.companyName, seats: s.seats })).join('；')]];
  const source = fair ? 'job-fairs' : 'programs';
  const links = h('p', { class: 'row' },
    h('a', { href: '#/admin/fairs' }, t('common.back')),
    item.closedAt ? null : h('a', { href: `#/admin/import?target=${source}/${id}`, 'data-import-link': '' }, t('fairs.importInto')),
    h('a', { href: `#/admin/funnels?${fair ? 'fair' : 'program'}=${id}`, 'data-funnel-link': '' }, t('fairs.funnel')));
  const positions = pagedTable({
    path: '/api/openings', params: { [fair ? 'fairId' : 'programId']: id, openOnly: false }, csv: 'positions.csv',
    empty: t('fairs.noPositions'), rowAttrs: (p) => ({ 'data-position': p.title, 'data-status': p.status }),
    columns: [
      { head: t('fairs.position'), cell: (p) => p.title },
      { head: t('fairs.company'), cell: (p) => p.companyName },
      { head: t('fairs.headcount'), cell: (p) => (p.headcount == null ? '—' : t('positions.filled', { filled: p.filled, headcount: p.headcount })) },
      { head: t('fairs.state'), cell: (p) => h('span', { class: `badge ${p.status === 'open' ? 'ok' : 'bad'}` }, label('positionStatus', p.status)) },
    ],
  });
  view.append(h('h1', {}, item.name), h('p', {}, state(item), item.closedAt ? ` ${t('fairs.closedOn', { when: dateTime(item.closedAt) })}` : ''),
    h('dl', { class: 'card facts' }, ...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    links, h('h2', {}, t('fairs.positions')), positions.element);
  await positions.reload();
}

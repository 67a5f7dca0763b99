// Posting or editing one position (POST /api/openings, PUT /api/openings/{id}): the fields of the API's OpeningInput with
// its limits, for a recruiter (their companies) and for staff (any company, chosen with the company picker).
import { api } from './api.js';
import { districtOptions } from './districts.js';
import { act, announce, check, errorBox, field, h, select } from './dom.js';
import { educationOptions } from './education.js';
import { label, t } from './i18n.js';
import { companyPicker, everything } from './pickers.js';
import './i18n/recruiting.js';

const number = (name, value, attrs = {}) => h('input', { type: 'number', name, inputMode: 'numeric', value: value ?? '', ...attrs });
const text = (name, value, max) => h('input', { name, maxlength: max, value: value ?? '' });
const area = (name, value) => h('textarea', { name, rows: 4 }, value ?? '');
const list = (value) => value.split(/[,，、;；\n]/).map((s) => s.trim()).filter(Boolean);
const whole = (value) => (value.trim() === '' ? null : Number(value));

/**
 * positionForm({ opening, companies, staff, onSaved }) → element. Without `opening` it posts a new position; with one it
 * edits it (company and kind stay as they are: the API keeps them). `companies`: [{ id, name }] a recruiter acts for;
 * `staff` picks any company instead. onSaved(opening) after the API answered.
 */
export async function positionForm({ opening = null, companies = [], staff = false, onSaved }) {
  const editing = Boolean(opening);
  const fairs = await everything('/api/job-fairs').catch(() => []);
  const picker = !editing && staff ? companyPicker() : null;
  const company = editing ? null : picker ? null
    : select('companyId', companies.map((c) => [c.id, c.name]), companies[0]?.id);
  const o = opening ?? {};
  const controls = {
    title: h('input', { name: 'title', maxlength: 200, required: true, value: o.title ?? '' }),
    kind: editing ? null : select('kind', [['job', label('kind', 'job')], ['training', label('kind', 'training')]], 'job'),
    headcount: number('headcount', o.headcount, { min: 1, max: 100000 }),
    district: select('district', districtOptions(t('recruiting.form.noDistrict')), o.districtCode ?? ''),
    location: text('location', o.location, 200),
    salaryMin: number('salaryMin', o.salaryMin, { min: 0 }),
    salaryMax: number('salaryMax', o.salaryMax, { min: 0 }),
    education: select('education', educationOptions(t('recruiting.form.anyEducation')), o.education ?? ''),
    duties: area('duties', o.duties),
    requirements: area('requirements', o.requirements),
    skills: text('skills', (o.skills ?? []).join('、')),
    closesOn: h('input', { type: 'date', name: 'closesOn', value: o.closesOn ?? '' }),
    fairId: select('fairId', [['', t('recruiting.form.noFair')], ...fairs.map((f) => [f.id, f.name])], o.fairId ?? ''),
    veteranPreference: h('input', { name: 'veteranPreference', checked: Boolean(o.veteranPreference) }),
  };
  const error = errorBox();
  const save = h('button', { type: 'submit' }, t(editing ? 'recruiting.form.save' : 'recruiting.form.post'));
  const form = h('form', { class: 'card', 'data-position-form': editing ? o.id : 'new', 'aria-label': t(editing ? 'recruiting.form.editTitle' : 'recruiting.form.newTitle') },
    h('h2', {}, t(editing ? 'recruiting.form.editTitle' : 'recruiting.form.newTitle')),
    editing ? h('p', {}, t('recruiting.form.companyFixed', { company: o.companyName, kind: label('kind', o.kind) }))
      : picker ? picker.element : field(t('recruiting.form.company'), company),
    field(t('recruiting.form.title'), controls.title, t('recruiting.form.titleHint')),
    controls.kind ? field(t('recruiting.form.kind'), controls.kind) : null,
    field(t('recruiting.form.headcount'), controls.headcount, t('recruiting.form.headcountHint')),
    field(t('recruiting.form.district'), controls.district),
    field(t('recruiting.form.location'), controls.location),
    h('div', { class: 'row' }, field(t('recruiting.form.salaryMin'), controls.salaryMin), field(t('recruiting.form.salaryMax'), controls.salaryMax)),
    field(t('recruiting.form.education'), controls.education),
    field(t('recruiting.form.duties'), controls.duties),
    field(t('recruiting.form.requirements'), controls.requirements),
    field(t('recruiting.form.skills'), controls.skills, t('recruiting.form.skillsHint')),
    field(t('recruiting.form.fair'), controls.fairId),
    field(t('recruiting.form.closesOn'), controls.closesOn),
    check(t('recruiting.form.veteranPreference'), controls.veteranPreference),
    error, save);
  if (picker) await picker.load();

  const body = () => {
    const c = controls;
    const [min, max] = [whole(c.salaryMin.value), whole(c.salaryMax.value)];
    return {
      // What the form does not show is kept as the position has it (PUT replaces every field).
      majors: o.majors ?? [], certificates: o.certificates ?? [], ageMin: o.ageMin ?? null, ageMax: o.ageMax ?? null,
      gender: o.genderNote ?? null, notes: o.notes ?? null,
      salary: min === (o.salaryMin ?? null) && max === (o.salaryMax ?? null) ? o.salaryText ?? null : null,
      companyId: editing ? o.companyId : picker ? picker.value() : company.value,
      kind: editing ? o.kind : c.kind.value,
      title: c.title.value.trim(),
      headcount: whole(c.headcount.value),
      district: c.district.value || null,
      location: c.location.value.trim() || null,
      salaryMin: min, salaryMax: max,
      education: c.education.value || null,
      duties: c.duties.value.trim() || null,
      requirements: c.requirements.value.trim() || null,
      skills: list(c.skills.value),
      fairId: c.fairId.value || null,
      closesOn: c.closesOn.value || null,
      veteranPreference: c.veteranPreference.checked,
    };
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(save, async () => {
      const saved = editing
        ? await api(`/api/openings/${o.id}`, { method: 'PUT', body: body() })
        : await api('/api/openings', { method: 'POST', body: body() });
      announce(t(editing ? 'recruiting.form.saved' : 'recruiting.form.posted', { title: saved.title }));
      await onSaved?.(saved);
    }, error);
  });
  return form;
}

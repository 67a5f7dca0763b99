// Veteran: create or edit my profile, and grant or withdraw each consent.
import { api, ApiError, get } from '../api.js';
import { branchOptions } from '../branches.js';
import { districtOptions } from '../districts.js';
import { educationOptions } from '../education.js';
import { act, announce, check, errorBox, field, h, select } from '../dom.js';
import { label, lang, t } from '../i18n.js';

const statuses = ['seeking', 'employed', 'training', 'not_seeking'];
const seeking = ['job', 'training', 'entrepreneurship'];
const licences = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2'];

const list = (text) => text.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
const orNull = (text) => (text.trim() === '' ? null : text.trim());
const numberOrNull = (text) => (text.trim() === '' ? null : Number(text));

export default async function profile(view) {
  const texts = await get('/api/veterans/consent-texts');
  let mine = null;
  try { mine = (await get('/api/veterans/me/export')).profile; } catch (error) { if (!(error instanceof ApiError) || error.status !== 404) throw error; }
  view.append(h('h1', {}, t(mine ? 'profile.editTitle' : 'profile.createTitle')));
  if (!mine) view.append(h('p', { class: 'muted' }, t('profile.createHint')));
  view.append(form(mine, texts));
  if (mine) view.append(skills(mine), consents(mine, texts));
}

function form(mine, texts) {
  const v = mine ?? { service: {}, education: {}, certificates: {}, preferences: {}, skills: [] };
  const input = (name, value, attrs = {}) => h('input', { name, value: value ?? '', ...attrs });
  const name = input('name', v.name, { required: true, autocomplete: 'name' });
  const phone = input('phone', v.phone, { type: 'tel', inputmode: 'numeric', autocomplete: 'tel' });
  const idNumber = input('idNumber', '', { autocomplete: 'off', placeholder: mine?.idNumber ? t('profile.idKept') : '' });
  const branch = select('branch', branchOptions(t('common.none')), v.service.branch ?? '');
  const years = input('years', v.service.years, { type: 'number', min: 0, max: 40 });
  const specialties = input('specialties', (v.service.specialties ?? []).join('、'));
  const level = select('level', educationOptions(t('common.none')), v.education.level ?? '');
  const major = input('major', v.education.major);
  const stated = (v.skills ?? []).filter((s) => s.source === 'stated').map((s) => s.label);
  const skillText = input('skills', stated.join('、'));
  const home = select('homeDistrict', districtOptions(t('common.none')), v.homeDistrict ?? '');
  const prefDistrict = select('preferredDistrict', districtOptions(t('common.any')), v.preferences.districts?.[0] ?? '');
  const industries = input('industries', (v.preferences.industries ?? []).join('、'));
  const salary = input('minMonthlySalary', v.preferences.minMonthlySalary, { type: 'number', min: 0, step: 500 });
  const status = select('status', statuses.map((s) => [s, label('status', s)]), v.status ?? 'seeking');
  const seekBoxes = seeking.map((s) => h('input', { name: `seeking-${s}`, checked: (v.preferences.seeking ?? ['job']).includes(s) }));
  const licenceBoxes = licences.map((c) => h('input', { name: `licence-${c}`, checked: (v.certificates.licenceClasses ?? []).includes(c) }));
  // Consent is given actively (PIPL): no box is ticked for the veteran.
  const consentBoxes = mine ? [] : texts.map((text) => h('input', { name: `consent-${text.kind}` }));
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, t(mine ? 'common.save' : 'profile.create'));

  const body = () => ({
    name: name.value.trim(),
    idNumber: orNull(idNumber.value),
    phone: orNull(phone.value),
    service: { branch: orNull(branch.value), years: numberOrNull(years.value), dischargeYear: v.service.dischargeYear ?? null,
      rank: v.service.rank ?? null, specialties: list(specialties.value) },
    education: { level: orNull(level.value), major: orNull(major.value) },
    certificates: { licenceClasses: licences.filter((_, i) => licenceBoxes[i].checked),
      specialOperations: v.certificates.specialOperations ?? [], specialEquipment: v.certificates.specialEquipment ?? [], others: v.certificates.others ?? [] },
    skills: list(skillText.value),
    homeDistrict: orNull(home.value),
    preferences: { districts: prefDistrict.value ? [prefDistrict.value] : [], industries: list(industries.value),
      minMonthlySalary: numberOrNull(salary.value), seeking: seeking.filter((_, i) => seekBoxes[i].checked) },
    status: status.value,
    ...(mine ? {} : { consents: texts.map((text, i) => ({ kind: text.kind, granted: consentBoxes[i].checked, textVersion: text.version })) }),
  });

  return h('form', {
    class: 'card', 'aria-label': t('profile.form'),
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        await api('/api/veterans/me', { method: mine ? 'PUT' : 'POST', body: body() });
        announce(t('profile.saved'));
        location.hash = mine ? `#/veteran/profile?${Date.now()}` : '#/veteran/matches';
      }, error);
    },
  },
  h('div', { class: 'grid' },
    field(t('profile.name'), name), field(t('profile.phone'), phone, t('profile.phoneHint')),
    field(t('profile.idNumber'), idNumber, t('profile.idHint')), field(t('profile.status'), status),
    field(t('profile.branch'), branch), field(t('profile.years'), years),
    field(t('profile.specialties'), specialties, t('profile.listHint')), field(t('profile.education'), level),
    field(t('profile.major'), major), field(t('profile.skills'), skillText, t('profile.listHint')),
    field(t('profile.home'), home), field(t('profile.preferredDistrict'), prefDistrict),
    field(t('profile.industries'), industries, t('profile.listHint')), field(t('profile.salary'), salary)),
  h('fieldset', {}, h('legend', {}, t('profile.seeking')), ...seeking.map((s, i) => check(label('seeking', s), seekBoxes[i]))),
  h('fieldset', {}, h('legend', {}, t('profile.licences')), h('div', { class: 'row' }, ...licences.map((c, i) => check(c, licenceBoxes[i])))),
  mine ? null : h('fieldset', {}, h('legend', {}, t('profile.consents')), h('p', { class: 'muted' }, t('profile.consentsHint')),
    ...texts.map((text, i) => h('div', {},
      check([h('strong', {}, label('consent', text.kind)), ' ', lang() === 'en' ? text.english : text.chinese], consentBoxes[i]),
      h('p', { class: 'muted', 'data-consent-hint': text.kind }, t(`profile.consentFor.${text.kind}`))))),
  error, submit);
}

function skills(mine) {
  return h('section', { class: 'card' }, h('h2', {}, t('profile.skillsTitle')),
    h('ul', {}, ...mine.skills.map((s) => h('li', {}, s.label, ' ',
      s.source === 'inferred' ? h('span', { class: 'muted' }, t('profile.inferred', { specialty: s.specialty, match: s.matchType })) : null))));
}

function consents(mine, texts) {
  const error = errorBox();
  const current = Object.fromEntries(mine.consents.map((c) => [c.kind, c.granted]));
  return h('section', { class: 'card' }, h('h2', {}, t('profile.consents')), error,
    ...texts.map((text) => {
      const granted = current[text.kind] === true;
      const button = h('button', {
        type: 'button', class: granted ? 'secondary' : null,
        onclick: () => act(button, async () => {
          await api(`/api/veterans/me/consents/${text.kind}`, { method: 'PUT', body: { granted: !granted, textVersion: text.version } });
          announce(t('profile.consentSaved'));
          location.hash = `#/veteran/profile?${Date.now()}`;
        }, error),
      }, t(granted ? 'profile.withdraw' : 'profile.grant'));
      return h('div', { class: 'row', 'data-consent': text.kind },
        h('p', { class: 'grow' }, h('span', { class: `badge ${granted ? 'ok' : 'warn'}` }, t(granted ? 'profile.granted' : 'profile.notGranted')), ' ',
          lang() === 'en' ? text.english : text.chinese), button);
    }));
}

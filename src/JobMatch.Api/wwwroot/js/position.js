// One position as a veteran reads it before applying: what the work is, what it asks, where, the pay, places left,
// the company and the fair or program; apply (with the phone question) and save. Opened from the matches, the search
// or the saved list, each at `#/veteran/<that page>/<id>`, with a link back.
import { get, post } from './api.js';
import { applyControls } from './application.js';
import { districtName } from './districts.js';
import { errorBox, h } from './dom.js';
import { count, date, label, t } from './i18n.js';
import { profileFirst } from './profile-first.js';
import { saveButton, savedAmong } from './saving.js';
import './i18n/seeking.js';

/** Pay from a minimum and maximum in yuan: "4000–6000 元", "4000+ 元", or negotiable. */
export const salary = (min, max) => (min == null && max == null ? t('common.negotiable')
  : min === max || max == null ? `${min ?? ''}${max == null ? '+' : ''} ${t('common.yuan')}` : `${min ?? ''}–${max} ${t('common.yuan')}`);

/** Pay of a position as the API gives it: min and max when known, else the words of the listing (面议...). */
export const salaryOf = (o) => (o.salaryMin == null && o.salaryMax == null && o.salaryText ? o.salaryText : salary(o.salaryMin, o.salaryMax));

/** An opening's status today in words: open, closed, filled. */
export const statusWords = (status) => t(`seeking.status.${status}`) === `seeking.status.${status}` ? status : t(`seeking.status.${status}`);

const words = (list) => (list?.length ? list.join('、') : null);

/** Draws the position `id` into view; `back` is the list it was opened from ({ href, text }). */
export async function positionDetail(view, id, back) {
  const [o, me, saved] = await Promise.all([get(`/api/openings/${id}`), get('/api/veterans/me').catch(() => null), savedAmong([id])]);
  // Opening the page is a view the ranker learns from (the interactions log); a failure to log it is not the reader's.
  post(`/api/openings/${id}/interactions`, { kind: 'view' }).catch(() => {});
  const [fair, program] = await Promise.all([
    o.fairId ? get(`/api/job-fairs/${o.fairId}`).catch(() => null) : null,
    o.programId ? get(`/api/programs/${o.programId}`).catch(() => null) : null,
  ]);
  const error = errorBox();
  const open = o.status === 'open';
  const apply = open && me ? applyControls(o.id, o.companyName, me.phone, error) : null;
  const age = o.ageMin != null || o.ageMax != null ? `${o.ageMin ?? ''}–${o.ageMax ?? ''}` : null;
  const places = o.headcount == null ? t('seeking.detail.headcountUnknown')
    : `${t('seeking.detail.people', { n: o.headcount })} · ${count('matches.remaining', o.remaining ?? 0)}`;
  const facts = [
    ['seeking.detail.company', [o.companyName, o.industry ? ` (${o.industry})` : '']],
    ['seeking.detail.kind', label('kind', o.kind)],
    ['seeking.detail.status', statusWords(o.status)],
    ['seeking.detail.duties', o.duties],
    ['seeking.detail.requirements', o.requirements],
    ['seeking.detail.skills', words(o.skills)],
    ['seeking.detail.education', o.education ? t('seeking.detail.atLeast', { level: o.educationLabel ?? o.education }) : t('seeking.detail.noEducation')],
    ['seeking.detail.majors', words(o.majors)],
    ['seeking.detail.certificates', words(o.certificates)],
    ['seeking.detail.age', age],
    ['seeking.detail.address', [districtName(o.districtCode), o.location ? ` ${o.location}` : '']],
    ['seeking.detail.salary', salaryOf(o)],
    ['seeking.detail.places', places],
    ['seeking.detail.closesOn', o.closesOn ? date(o.closesOn) : null],
    ['seeking.detail.fair', fair ? [fair.name, fair.heldOn ? ` · ${date(fair.heldOn)}` : '', fair.online ? ` · ${t('seeking.detail.online')}` : fair.venue ? ` · ${fair.venue}` : ''] : null],
    ['seeking.detail.program', program ? [program.name, program.college ? ` · ${program.college}` : ''] : null],
    ['seeking.detail.preference', o.veteranPreference ? t('seeking.detail.veteransFirst') : null],
    ['seeking.detail.notes', o.notes],
  ].filter(([, value]) => value != null && value !== '');
  view.append(
    h('p', {}, h('a', { href: back.href }, back.text)),
    h('h1', {}, o.title),
    h('article', { class: 'card', 'data-position': o.id, 'data-status': o.status },
      h('div', { class: 'row' },
        h('p', { class: 'grow' }, h('strong', {}, o.companyName), ' · ', districtName(o.districtCode), ' · ', salaryOf(o)),
        saveButton(o.id, saved.has(o.id), error),
        apply?.button),
      apply?.consent,
      me ? null : profileFirst(t('seeking.detail.profileFirst')),
      open ? null : h('p', { class: 'error', 'data-closed': '' }, t('seeking.detail.notOpen', { status: statusWords(o.status) })),
      h('dl', { class: 'facts' }, ...facts.flatMap(([key, value]) => [h('dt', {}, t(key)), h('dd', { 'data-fact': key.split('.').pop() }, value)])),
      error));
}


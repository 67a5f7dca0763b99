// Admin: the built-in accounts. The list (filters, more by cursor), creating staff, recruiter and mentor accounts, the
// one-time invitation or reset link (shown once, kept nowhere), disable and enable, change role, confirm a veteran's phone.
import { api, get, post } from '../api.js';
import { act, announce, errorBox, field, h, select } from '../dom.js';
import { date, label, lang, t } from '../i18n.js';
import { companyPicker, everything, mentorPicker, query } from '../pickers.js';

const ROLES = ['admin', 'recruiter', 'mentor', 'veteran'];
const STAFF_MADE = ['admin', 'recruiter', 'mentor']; // veterans register themselves
const STATES = ['invited', 'awaiting_confirmation', 'active', 'disabled'];
const BADGE = { invited: 'warn', awaiting_confirmation: 'warn', active: 'ok', disabled: 'bad' };

const when = (iso) => new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN',
  { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });

export default async function accounts(view) {
  view.append(h('h1', {}, t('page.accounts')));
  const settings = await get('/api/console/settings');
  if (!settings.accounts) { view.append(h('p', { class: 'card' }, t('accounts.off'))); return; }
  const mentors = await everything('/api/mentors');
  const ctx = { mentors, mentorNames: new Map(mentors.map((m) => [m.id, m.name])), invitation: h('div'), panel: h('div') };
  const list = listSection(ctx);
  view.append(ctx.invitation, await createForm(ctx), ctx.panel, list);
  await ctx.reload();
}

/** Where a recruiter's company or a mentor's record is picked, shown for those roles only. */
async function linkTarget(role, ctx) {
  const company = companyPicker();
  const mentor = mentorPicker(ctx.mentors);
  const companyBox = h('div', {}, company.element);
  const mentorBox = h('div', {}, mentor.element);
  const sync = () => { companyBox.hidden = role.value !== 'recruiter'; mentorBox.hidden = role.value !== 'mentor'; };
  role.addEventListener('change', sync);
  sync();
  await company.load();
  return {
    element: h('div', {}, companyBox, mentorBox),
    body() {
      if (role.value === 'recruiter') {
        if (!company.value()) throw new Error(t('accounts.pickCompany'));
        return { companyId: company.value() };
      }
      if (role.value === 'mentor') {
        if (!mentor.value()) throw new Error(t('accounts.pickMentor'));
        return { mentorId: mentor.value() };
      }
      return {};
    },
  };
}

async function createForm(ctx) {
  const userName = h('input', { name: 'userName', required: true, autocomplete: 'off' });
  const role = select('role', STAFF_MADE.map((r) => [r, label('role', r)]), 'recruiter');
  const phone = h('input', { name: 'phone', type: 'tel', inputmode: 'numeric', autocomplete: 'off' });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'off' });
  const target = await linkTarget(role, ctx);
  const error = errorBox();
  const submit = h('button', { type: 'submit' }, t('accounts.create'));
  return h('form', {
    class: 'card',
    onsubmit: (event) => {
      event.preventDefault();
      act(submit, async () => {
        const created = await post('/api/accounts', {
          role: role.value, userName: userName.value.trim(), phone: phone.value.trim() || null, email: email.value.trim() || null, ...target.body(),
        });
        for (const input of [userName, phone, email]) input.value = '';
        ctx.add(created.account);
        showInvitation(ctx.invitation, created.account, created.invitation, false);
      }, error);
    },
  }, h('h2', {}, t('accounts.createTitle')), h('p', { class: 'muted' }, t('accounts.createHint')),
  h('div', { class: 'grid' }, field(t('accounts.userName'), userName, t('accounts.userNameHint')), field(t('accounts.role'), role),
    field(t('accounts.phone'), phone, t('accounts.optional')), field(t('accounts.email'), email, t('accounts.optional'))),
  target.element, submit, error);
}

/** The code and link once, with how to hand them over; nothing keeps them, so a reload shows them no more. */
function showInvitation(panel, account, invitation, reset) {
  const link = h('input', { name: 'invitation-link', readonly: true, value: invitation.link, class: 'grow', onfocus: (e) => e.target.select() });
  const copy = h('button', {
    type: 'button', class: 'secondary',
    onclick: async () => {
      try { await navigator.clipboard.writeText(invitation.link); } catch { link.select(); if (!document.execCommand('copy')) { announce(t('accounts.copyFailed')); return; } }
      announce(t('accounts.copied'));
    },
  }, t('accounts.copy'));
  const heading = h('h2', { tabindex: '-1' }, t(reset ? 'accounts.resetTitle' : 'accounts.invitationTitle', { name: account.userName }));
  panel.replaceChildren(h('section', { class: 'card invitation', 'data-invitation': account.id },
    heading,
    h('p', { class: 'error' }, t('accounts.once')),
    h('p', {}, t('accounts.code'), ' ', h('code', { 'data-code': '' }, invitation.code)),
    h('div', { class: 'row' }, field(t('accounts.link'), link), copy),
    h('p', {}, t('accounts.expires', { when: when(invitation.expiresAt) })),
    h('p', {}, t(reset ? 'accounts.handOverReset' : 'accounts.handOver')),
    h('button', { type: 'button', class: 'link', onclick: () => panel.replaceChildren() }, t('accounts.dismiss'))));
  heading.focus();
}

function listSection(ctx) {
  const role = select('role-filter', [['', t('common.any')], ...ROLES.map((r) => [r, label('role', r)])], '');
  const state = select('state-filter', [['', t('common.any')], ...STATES.map((s) => [s, label('accountState', s)])], '');
  const q = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
  const rows = h('tbody');
  const caption = h('p', { class: 'muted', 'aria-live': 'polite' });
  const error = errorBox();
  const counts = { shown: 0, total: 0, cursor: null };
  const say = () => { caption.textContent = counts.total ? t('accounts.shown', counts) : t('accounts.none'); };
  const load = async (fresh) => {
    if (fresh) Object.assign(counts, { shown: 0, cursor: null });
    const page = await get(`/api/accounts?${query({ role: role.value, state: state.value, q: q.value.trim(), limit: 20, cursor: counts.cursor })}`);
    if (fresh) rows.replaceChildren();
    rows.append(...page.items.map((a) => row(a, ctx)));
    Object.assign(counts, { shown: counts.shown + page.items.length, total: page.total, cursor: page.nextCursor });
    more.hidden = !counts.cursor;
    say();
  };
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => act(more, () => load(false), error) }, t('accounts.more'));
  const find = h('button', { type: 'submit', class: 'secondary' }, t('accounts.find'));
  for (const filter of [role, state]) filter.addEventListener('change', () => act(find, () => load(true), error));
  ctx.reload = () => load(true);
  ctx.add = (account) => { rows.prepend(row(account, ctx)); counts.shown += 1; counts.total += 1; say(); };
  const heads = ['userName', 'role', 'state', 'contact', 'twoFactor', 'belongs', 'created', 'actions'].map((k) => h('th', { scope: 'col' }, t(`accounts.${k}`)));
  return h('section', {}, h('h2', {}, t('accounts.listTitle')),
    h('form', { class: 'row', onsubmit: (event) => { event.preventDefault(); act(find, () => load(true), error); } },
      field(t('accounts.filterRole'), role), field(t('accounts.filterState'), state), field(t('accounts.search'), q), find),
    error, caption,
    h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, ...heads)), rows)), more);
}

function row(account, ctx) {
  const tr = h('tr', { 'data-account': account.id, 'data-state': account.state },
    h('td', {}, account.userName),
    h('td', {}, label('role', account.role)),
    h('td', {}, h('span', { class: `badge ${BADGE[account.state] ?? ''}` }, label('accountState', account.state))),
    h('td', {}, contact(account)),
    h('td', {}, t(account.twoFactorEnabled ? 'accounts.twoFactorOn' : 'accounts.twoFactorOff')),
    h('td', {}, account.role === 'recruiter' ? (account.companies ?? []).map((c) => c.name).join('、') || t('accounts.noCompany')
      : account.role === 'mentor' ? ctx.mentorNames.get(account.mentorId) ?? t('accounts.noMentor') : ''),
    h('td', {}, date(account.createdAt)),
    h('td', {}, actions(account, ctx, (updated) => tr.replaceWith(row(updated, ctx)))));
  return tr;
}

const contact = (a) => (a.phone || a.email
  ? [a.phone, a.email && (a.emailConfirmed ? a.email : t('accounts.unconfirmed', { email: a.email }))].filter(Boolean).map((x) => h('div', {}, x))
  : '—');

function actions(account, ctx, replace) {
  const error = errorBox();
  const button = (text, css, run) => {
    const b = h('button', { type: 'button', class: css }, text);
    b.addEventListener('click', () => act(b, run, error));
    return b;
  };
  const items = [];
  const name = account.userName;
  if (account.state !== 'disabled') {
    const reset = account.state !== 'invited';
    items.push(button(t(reset ? 'accounts.reset' : 'accounts.inviteAgain'), 'secondary', async () => {
      if (reset && !confirm(t('accounts.confirmReset', { name }))) return;
      showInvitation(ctx.invitation, account, await post(`/api/accounts/${account.id}/invitation`), reset);
    }));
  }
  if (account.state === 'awaiting_confirmation') {
    items.push(button(t('accounts.confirmPhone'), '', async () => {
      if (!confirm(t('accounts.confirmPhoneCheck', { name, phone: account.phone ?? '' }))) return;
      await post(`/api/accounts/${account.id}/phone-confirmation`);
      replace(await get(`/api/accounts/${account.id}`));
      announce(t('accounts.phoneConfirmed'));
    }));
  }
  const disabled = account.state === 'disabled';
  items.push(button(t(disabled ? 'accounts.enable' : 'accounts.disable'), disabled ? 'secondary' : 'danger', async () => {
    if (!confirm(t(disabled ? 'accounts.confirmEnable' : 'accounts.confirmDisable', { name }))) return;
    replace(await post(`/api/accounts/${account.id}/${disabled ? 'enable' : 'disable'}`));
    announce(t(disabled ? 'accounts.enabled' : 'accounts.disabled'));
  }));
  if (account.role !== 'veteran') items.push(button(t('accounts.changeRole'), 'link', () => roleForm(account, ctx, replace)));
  return h('div', {}, h('div', { class: 'row' }, ...items),
    account.state === 'awaiting_confirmation' ? h('small', { class: 'muted' }, t('accounts.phoneHint')) : null, error);
}

/** Change an account's role (a recruiter's company or a mentor's record with it), in the panel above the list. */
async function roleForm(account, ctx, replace) {
  const role = select('new-role', STAFF_MADE.map((r) => [r, label('role', r)]), account.role);
  const target = await linkTarget(role, ctx);
  const error = errorBox();
  const save = h('button', { type: 'submit' }, t('accounts.saveRole'));
  const heading = h('h2', { tabindex: '-1' }, t('accounts.roleTitle', { name: account.userName }));
  ctx.panel.replaceChildren(h('form', {
    class: 'card', 'data-role-form': account.id,
    onsubmit: (event) => {
      event.preventDefault();
      act(save, async () => {
        const updated = await api(`/api/accounts/${account.id}/role`, { method: 'PUT', body: { role: role.value, ...target.body() } });
        ctx.panel.replaceChildren();
        replace(updated);
        announce(t('accounts.roleChanged'));
      }, error);
    },
  }, heading, h('p', { class: 'muted' }, t('accounts.roleHint')), field(t('accounts.newRole'), role), target.element,
  h('div', { class: 'row' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => ctx.panel.replaceChildren() }, t('accounts.cancel'))), error));
  heading.focus();
}

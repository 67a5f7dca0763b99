// The shell: language switch, navigation per role, hash routes, each page a module loaded when first visited.
import { api, renew, session, signOut } from './api.js';
import { h } from './dom.js';
import { lang, loadLang, setLang, t } from './i18n.js';
import { finishOidc } from './oidc.js';

// Staff have many pages: their nav is in groups, the groups on one line and the current group's pages under it.
const groups = {
  admin: {
    listings: ['funnels', 'fairs', 'positions', 'import', 'imports'],
    people: ['veterans', 'roster', 'applications', 'placements'],
    companies: ['companies', 'links'],
    startups: ['mentors', 'enterprises', 'plan', 'mentoring'],
    service: ['accounts', 'audit', 'models'],
  },
};
const pages = {
  veteran: ['profile', 'matches', 'search', 'saved', 'invitations', 'applications'],
  recruiter: ['positions', 'import'],
  mentor: ['caseload'],
  admin: Object.values(groups.admin).flat(),
};
// Pages for everyone, signed in or not (the links handed out and the registration), each its own module.
const open = ['set-password', 'confirm-email', 'register'];
// Signed in with an account, every role has its own account's page too.
const pagesOf = (who) => (who.account ? [...pages[who.role], 'account'] : pages[who.role]);

let me = null;
let visits = 0; // which visit is current: a slower earlier one must not draw over it

async function whoAmI() {
  // A new tab of a browser signed in with an account: its refresh cookie gives this tab a token of its own.
  if (!session.token && session.remembered) await renew(null);
  if (!session.token) return null;
  try {
    const who = await api('/api/me');
    if (!session.fromAccount) return who;
    const account = await api('/api/account').catch(() => null);
    return { ...who, account: true, name: account?.userName ?? who.subject };
  } catch { session.token = null; return null; }
}

/** A page's name in the nav: its role's own (page.admin-applications) where two roles' pages share a name, else page.<page>. */
const pageName = (role, page) => (t(`page.${role}-${page}`) === `page.${role}-${page}` ? t(`page.${page}`) : t(`page.${role}-${page}`));

function renderNav(current) {
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  const link = (page) => h('a', { href: `#/${me.role}/${page}`, 'aria-current': current === page ? 'page' : null }, pageName(me.role, page));
  const grouped = me && groups[me.role];
  if (!grouped) { nav.replaceChildren(...(me ? pagesOf(me) : []).map(link)); return renderTools(); }
  const [here] = Object.entries(grouped).find(([, list]) => list.includes(current)) ?? [];
  nav.replaceChildren(
    h('div', { class: 'groups' }, ...Object.entries(grouped).map(([group, list]) => h('a', {
      href: `#/${me.role}/${list[0]}`, class: 'group', 'aria-current': group === here ? 'true' : null,
    }, t(`navgroup.${group}`))), ...(me.account ? [link('account')] : [])),
    here ? h('div', { class: 'subnav', 'aria-label': t(`navgroup.${here}`), role: 'group' }, ...grouped[here].map(link)) : '');
  renderTools();
}

function renderTools() {
  document.getElementById('lang').textContent = lang() === 'en' ? '中文' : 'English';
  document.getElementById('lang').setAttribute('aria-label', t('nav.language'));
  const signout = document.getElementById('signout');
  signout.hidden = !me;
  signout.textContent = me ? t('nav.signout', { who: me.name ?? me.subject }) : '';
  document.querySelector('.skip').textContent = t('nav.skip');
}

async function route() {
  const [path, query] = location.hash.split('?');
  const [, role, page, id] = path.split('/');
  const main = document.getElementById('main');
  const public_ = open.includes(role);
  if (!me && !public_ && location.hash !== '#/signin') { location.hash = '#/signin'; return; }
  if (me && !public_ && (role !== me.role || !pagesOf(me).includes(page))) { location.hash = `#/${me.role}/${pages[me.role][0]}`; return; }
  const visit = ++visits;
  await loadLang();
  if (visit !== visits) return;
  renderNav(page);
  const name = public_ ? role : !me ? 'signin' : page === 'account' ? 'account' : `${role}-${page}`;
  const module = await import(`./pages/${name}.js`);
  if (visit !== visits) return;
  // A fresh container per visit: a slow page left behind keeps writing into a detached element, not over the next one.
  const view = h('div', { 'data-page': public_ || !me ? name : `${role}-${page}` });
  main.replaceChildren(view);
  try {
    await module.default(view, { id, me, params: new URLSearchParams(query ?? ''), onSignedIn });
  } catch (error) {
    view.append(h('p', { class: 'error', role: 'alert' }, error.message));
  }
  view.setAttribute('data-ready', 'true');
  if (visit !== visits) return;
  document.title = `${view.querySelector('h1')?.textContent ?? ''} · JobMatch`;
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

/** Into the console with a token: `account` when an account's sign-in issued it (it is renewed from the cookie). */
async function onSignedIn(token, { account = false } = {}) {
  if (account) session.signedIn(token); else session.token = token;
  me = await whoAmI();
  if (!me) throw new Error(t('signin.rejected'));
  const landing = `#/${me.role}/${pages[me.role][0]}`;
  if (location.hash === landing) route(); else location.hash = landing;
}

function signedOut() {
  me = null;
  if (location.hash === '#/signin') route(); else location.hash = '#/signin';
}

document.getElementById('lang').addEventListener('click', async () => { await setLang(lang() === 'en' ? 'zh' : 'en'); route(); });
document.getElementById('signout').addEventListener('click', async () => { await signOut(); signedOut(); });
window.addEventListener('jobmatch:signed-out', () => { if (me) signedOut(); });
window.addEventListener('hashchange', route);

await setLang(lang());
const returned = await finishOidc().catch((error) => { document.getElementById('main').textContent = error.message; return null; });
if (returned) session.token = returned;
me = await whoAmI();
route();

// The shell: language switch, navigation per role, hash routes, each page a module loaded when first visited.
import { api, session } from './api.js';
import { h } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { finishOidc } from './oidc.js';

const pages = {
  veteran: ['profile', 'matches', 'invitations', 'applications'],
  recruiter: ['positions', 'import'],
  mentor: ['caseload'],
  admin: ['funnels', 'mentoring', 'models', 'imports', 'import', 'plan', 'links', 'accounts'],
};

let me = null;
let visits = 0; // which visit is current: a slower earlier one must not draw over it

async function whoAmI() {
  if (!session.token) return null;
  try { return await api('/api/me'); } catch { session.token = null; return null; }
}

function renderNav(current) {
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  nav.replaceChildren(...(me ? pages[me.role] : []).map((page) => h('a', {
    href: `#/${me.role}/${page}`, 'aria-current': current === page ? 'page' : null,
  }, t(`page.${page}`))));
  document.getElementById('lang').textContent = lang() === 'en' ? '中文' : 'English';
  document.getElementById('lang').setAttribute('aria-label', t('nav.language'));
  const signout = document.getElementById('signout');
  signout.hidden = !me;
  signout.textContent = me ? t('nav.signout', { who: me.subject }) : '';
  document.querySelector('.skip').textContent = t('nav.skip');
}

async function route() {
  const [, role, page, id] = location.hash.split('?')[0].split('/');
  const main = document.getElementById('main');
  if (!me && location.hash !== '#/signin') { location.hash = '#/signin'; return; }
  if (me && (role !== me.role || !pages[me.role].includes(page))) { location.hash = `#/${me.role}/${pages[me.role][0]}`; return; }
  const visit = ++visits;
  renderNav(page);
  const module = me ? await import(`./pages/${role}-${page}.js`) : await import('./pages/signin.js');
  if (visit !== visits) return;
  // A fresh container per visit: a slow page left behind keeps writing into a detached element, not over the next one.
  const view = h('div', { 'data-page': me ? `${role}-${page}` : 'signin' });
  main.replaceChildren(view);
  try {
    await module.default(view, { id, me, onSignedIn });
  } catch (error) {
    view.append(h('p', { class: 'error', role: 'alert' }, error.message));
  }
  view.setAttribute('data-ready', 'true');
  if (visit !== visits) return;
  document.title = `${view.querySelector('h1')?.textContent ?? ''} · JobMatch`;
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

async function onSignedIn(token) {
  session.token = token;
  me = await whoAmI();
  if (!me) throw new Error(t('signin.rejected'));
  location.hash = `#/${me.role}/${pages[me.role][0]}`;
}

document.getElementById('lang').addEventListener('click', () => { setLang(lang() === 'en' ? 'zh' : 'en'); route(); });
document.getElementById('signout').addEventListener('click', () => {
  session.token = null;
  me = null;
  if (location.hash === '#/signin') route(); else location.hash = '#/signin';
});
window.addEventListener('hashchange', route);

setLang(lang());
const returned = await finishOidc().catch((error) => { document.getElementById('main').textContent = error.message; return null; });
if (returned) session.token = returned;
me = await whoAmI();
route();

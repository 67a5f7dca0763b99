// Built-in accounts in the web console, as a bureau starts: the first admin from the command line, then the people staff
// invite and the veterans who register, each signing in with account and password in a real Chromium.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { launch, newPage, ready, shot } from './browser.mjs';
import { dll, startService } from './service.mjs';

let service, browser;
const run = Date.now().toString(36);
const password = 'quiet-harbour-lantern-7';
const people = {}; // role → { page, account, landing, heading, nav }

before(async () => {
  service = await startService();
  assert.ok(service.dataDirectory, 'JOBMATCH_DATA names the data directory of the service at JOBMATCH_URL');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

/** The bytes of a base32 key (RFC 4648, as authenticator apps read it; spaces and padding ignored). */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.replace(/[\s=]/g, '').toUpperCase()].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
}

/** The 6-digit TOTP code (RFC 6238: HMAC-SHA1, 30-second steps) for a step, as an authenticator app shows it. */
function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(key)).update(counter).digest();
  const offset = mac[19] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

let lastStep = 0;
/** A code of a step not used before (a server may refuse a code twice): waits for the next step when needed. */
async function freshCode(key) {
  let step = Math.floor(Date.now() / 30000);
  if (step <= lastStep) {
    await new Promise((r) => setTimeout(r, (lastStep + 1) * 30000 - Date.now() + 250));
    step = lastStep + 1;
  }
  lastStep = step;
  return totp(key, step);
}

/** `account create` on the command line, against the running service's embedded cluster: its output. */
async function createOnCommandLine(role, name) {
  const env = { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production' };
  delete env.ConnectionStrings__JobMatch;
  const { stdout, stderr } = await promisify(execFile)('dotnet', [dll, 'account', 'create', '--role', role, '--name', name,
    '--origin', service.url, `--Embedded:DataDirectory=${service.dataDirectory}`],
  { cwd: dirname(service.dataDirectory), env, timeout: 120000 });
  return `${stdout}\n${stderr}`;
}

/** The staff API as the signed-in admin (the staff screens are tested on their own). */
async function staff(path, { method = 'GET', body } = {}) {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${people.admin.token}`, Accept: 'application/json', 'Idempotency-Key': randomUUID(),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** What a person sees on landing: the page of their role, its heading, and their role's navigation with "my account"
 * (staff: the groups, "my account", then the pages of the group they are in). */
async function assertLanded(who) {
  await ready(who.page, who.landing);
  assert.equal(await who.page.locator('main h1').textContent(), who.heading);
  const nav = await who.page.locator('#nav a').allTextContents();
  assert.deepEqual(nav, who.nav);
}

/** Opens a set-password link in a fresh browser, checks whose it is, sets the password. */
async function setPasswordFromLink(link, userName) {
  const page = await newPage(browser, service.url);
  await page.goto(link.startsWith(service.url) ? link.slice(service.url.length) : link);
  await ready(page, 'set-password');
  assert.equal(await page.locator('[data-account]').getAttribute('data-account'), userName);
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('再次输入新密码', { exact: true }).fill(password);
  return page;
}

async function signInWithAccount(who, screenshot) {
  await who.page.goto('/#/signin');
  await ready(who.page, 'signin');
  await who.page.getByLabel('账号（手机号或用户名）', { exact: true }).fill(who.account);
  await who.page.getByLabel('密码', { exact: true }).fill(who.password ?? password);
  if (screenshot) await shot(who.page, screenshot);
  await who.page.getByRole('button', { name: '登录', exact: true }).click();
}

test('the first admin is created on the command line, sets a password from the link, enrols the second factor and lands on the admin console', async () => {
  const name = `admin-${run}`;
  const output = await createOnCommandLine('admin', name);
  const code = output.match(/\b[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3}\b/)?.[0];
  assert.ok(code, `the command prints a one-time code: ${output}`);
  const link = output.match(/https?:\/\/\S+#\/set-password\?code=[A-Z0-9-]+/)?.[0] ?? `/#/set-password?code=${code}`;

  const page = await setPasswordFromLink(link, name);
  assert.match(await page.locator('main').textContent(), /服务中心工作人员/, 'the role the link is for');
  await shot(page, 'account-set-password.png');
  await page.getByRole('button', { name: '设置密码并登录' }).click();

  // Staff must have a second factor: enrol with the key shown beside the QR code, then its code.
  await page.locator('[data-second-factor="enrol"]').waitFor();
  assert.ok(await page.locator('img.qr').evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn');
  const key = (await page.locator('[data-key]').textContent()).replace(/\s+/g, '');
  await shot(page, 'account-second-factor.png');
  await page.getByLabel('6 位验证码', { exact: true }).fill(await freshCode(key));
  await page.getByRole('button', { name: '验证并登录' }).click();

  people.admin = { page, account: name, key, landing: 'admin-funnels', heading: '招聘成效',
    nav: ['招聘与岗位', '退役军人', '用人单位', '创业帮扶', '系统管理', '我的账号', '招聘成效', '招聘会和订单班', '岗位', '导入岗位表', '导入记录'] };
  await assertLanded(people.admin);
  people.admin.token = await page.evaluate(() => sessionStorage.getItem('jobmatch.token'));

  // Another tab of the same browser is signed in by the refresh cookie, without the password.
  const tab = await page.context().newPage();
  tab.errors = [];
  tab.on('pageerror', (error) => tab.errors.push(error.message));
  await tab.goto('/');
  await ready(tab, 'admin-funnels');
  await tab.close();
});

test('staff create a recruiter for a company and a mentor for a mentor record; each sets a password from the link and lands on their console', async () => {
  const company = (await staff('/api/companies?limit=1')).items[0];
  // A mentor record of its own, so that no demo mentor another test signs in as changes hands.
  const mentor = await staff('/api/mentors', { method: 'POST', body: { name: `导师${run}`, district: '340421', capacity: 5 } });
  const invite = [
    { role: 'recruiter', userName: `recruiter-${run}`, companyId: company.id, landing: 'recruiter-positions', heading: '本单位岗位',
      nav: ['本单位岗位', '导入岗位表', '我的账号'] },
    { role: 'mentor', userName: `mentor-${run}`, mentorId: mentor.id, landing: 'mentor-caseload', heading: '我的帮扶企业', nav: ['我的帮扶企业', '我的账号'] },
  ];
  for (const { role, userName, companyId, mentorId, ...seen } of invite) {
    const created = await staff('/api/accounts', { method: 'POST', body: { role, userName, companyId, mentorId } });
    assert.equal(created.account.state, 'invited');
    const page = await setPasswordFromLink(created.invitation.link, userName);
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    people[role] = { page, account: userName, ...seen };
    await assertLanded(people[role]);
  }
  assert.ok(!(await people.recruiter.page.locator('main').textContent()).includes('尚未关联单位'), 'the recruiter is linked to the company');
});

test('a veteran registers, staff confirm the phone, and the veteran signs in with phone and password', async () => {
  const page = await newPage(browser, service.url);
  await page.goto('/#/signin');
  await ready(page, 'signin');
  await page.getByRole('link', { name: '退役军人：注册账号' }).click();
  await ready(page, 'register');
  const phone = `139${String(Date.now()).slice(-8)}`;
  const userName = `veteran-${run}`;
  await page.getByLabel('手机号', { exact: true }).fill(phone);
  await page.getByLabel('用户名（可选）', { exact: true }).fill(userName);
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('再次输入新密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await page.locator('[data-registered]').waitFor();
  assert.equal(await page.locator('[data-registered] h2').textContent(), '注册已提交，等待确认');
  await shot(page, 'account-register.png');

  const veteran = { page, account: phone, landing: 'veteran-profile', heading: '建立我的求职档案', nav: ['我的档案', '推荐岗位', '搜索岗位', '我的收藏', '邀请', '我的申请', '我的账号'] };
  // Before staff confirm the phone, the right password is answered with what to wait for.
  await signInWithAccount(veteran);
  const refusal = page.locator('[data-account-sign-in] .error:not(:empty)');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /手机号还未经工作人员确认/, 'says what to wait for');
  assert.equal(await page.locator('[data-page="signin"]').count(), 1, 'still on the sign-in page');
  // A forgotten password: the answer says what happens (no e-mail here: the service centre).
  await page.getByRole('button', { name: '忘记密码？' }).click();
  await page.getByRole('button', { name: '发送重置链接' }).click();
  const sent = page.locator('[data-account-sign-in] .success:not(:empty)');
  await sent.waitFor();
  assert.match(await sent.textContent(), /退役军人服务中心/);

  const account = (await staff(`/api/accounts?role=veteran&q=${encodeURIComponent(userName)}`)).items.find((a) => a.userName === userName);
  assert.equal(account.state, 'awaiting_confirmation');
  await staff(`/api/accounts/${account.id}/phone-confirmation`, { method: 'POST' });

  await signInWithAccount(veteran);
  await assertLanded(veteran);
  people.veteran = veteran;
});

test('my account shows the account to its owner', async () => {
  const { page } = people.admin;
  await page.locator('#nav').getByRole('link', { name: '我的账号' }).click();
  await ready(page, 'admin-account');
  assert.equal(await page.locator('main h1').textContent(), '我的账号');
  assert.equal(await page.locator('[data-account-field="userName"]').textContent(), people.admin.account);
  assert.equal(await page.locator('[data-account-field="twoFactor"]').textContent(), '已开启');
  assert.equal(await page.locator('[data-second-factor-state]').getAttribute('data-second-factor-state'), 'on');
  await shot(page, 'account-own.png');
});

test('the veteran changes the password on my account and goes on with the new token', async () => {
  const { page } = people.veteran;
  await page.locator('#nav').getByRole('link', { name: '我的账号' }).click();
  await ready(page, 'veteran-account');
  const before = await page.evaluate(() => sessionStorage.getItem('jobmatch.token'));
  const changed = 'copper-kettle-morning-9';
  await page.getByLabel('当前密码', { exact: true }).fill(password);
  await page.getByLabel('新密码', { exact: true }).fill(changed);
  await page.getByLabel('再次输入新密码', { exact: true }).fill(changed);
  await page.getByRole('button', { name: '修改密码', exact: true }).click();
  await page.waitForFunction((old) => sessionStorage.getItem('jobmatch.token') !== old, before);
  people.veteran.password = changed;
  // The old token's stamp is spent; the console goes on with the new one.
  await page.locator('#nav').getByRole('link', { name: '我的档案' }).click();
  await assertLanded(people.veteran);
});

test('each role signs out and signs in again with account and password (the admin with the second factor)', async () => {
  for (const role of ['admin', 'recruiter', 'mentor', 'veteran']) {
    const who = people[role];
    await who.page.locator('#signout').click();
    await ready(who.page, 'signin');
    assert.equal(await who.page.locator('#nav a').count(), 0, `${role}: signed out, no navigation`);
    const refresh = await who.page.evaluate(async () => (await fetch('/api/auth/refresh', { method: 'POST' })).status);
    assert.equal(refresh, 401, `${role}: the sign-in has ended on the server too`);

    await signInWithAccount(who, role === 'admin' ? 'account-signin.png' : null);
    if (role === 'admin') {
      await who.page.locator('[data-second-factor="code"]').waitFor();
      await who.page.getByLabel('6 位验证码', { exact: true }).fill(await freshCode(who.key));
      await who.page.getByRole('button', { name: '验证并登录' }).click();
    }
    await assertLanded(who);
  }
});

// The staff's account screens in a real headless Chromium against the real service (embedded demo, demo admin): a
// recruiter account made for a company with its invitation shown once, invited again (the old code stops working),
// disabled and enabled, then linked to a second company by picking the account.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { apiAs, launch, newPage, ready, shots, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser;

before(async () => {
  service = await startService();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

/** What the anonymous set-password page would learn about a code: the HTTP status of the check. */
const checkCode = (page, code) => page.evaluate(async (c) => (await fetch('/api/auth/set-password/check', {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: c }),
})).status, code);

async function shownInvitation(page) {
  const invitation = page.locator('[data-invitation]');
  await invitation.waitFor();
  const code = (await invitation.locator('[data-code]').textContent()).trim();
  const link = await invitation.getByLabel('链接', { exact: true }).inputValue();
  assert.ok(link.endsWith(`/#/set-password?code=${code}`), `the link carries the code in its fragment: ${link}`);
  assert.match(await invitation.textContent(), /只显示这一次/);
  return code;
}

test('an admin creates a recruiter account, hands over its invitation once, invites again, disables, enables and links it', async () => {
  const admin = await newPage(browser, service.url);
  await signIn(admin, 'demo-admin');
  await visit(admin, 'admin', 'accounts');
  const userName = `rec${Date.now().toString(36)}`;
  await admin.getByLabel('用户名', { exact: true }).fill(userName);
  await admin.getByLabel('角色', { exact: true }).selectOption('recruiter');
  await admin.getByLabel('查找单位（名称）', { exact: true }).fill('国瑞');
  await admin.getByLabel('查找单位（名称）', { exact: true }).press('Enter');
  await admin.getByLabel('单位', { exact: true }).selectOption({ label: '国瑞药业有限公司' });
  await admin.getByRole('button', { name: '建立账号并生成邀请' }).click();
  const first = await shownInvitation(admin);
  assert.equal(await checkCode(admin, first), 200, 'the handed-over code works');

  const row = admin.locator('tr[data-account]', { hasText: userName });
  assert.equal(await row.getAttribute('data-state'), 'invited');
  assert.match(await row.textContent(), /已邀请（未设密码）.*国瑞药业有限公司/);
  const accountId = await row.getAttribute('data-account');
  await admin.screenshot({ path: join(shots, 'admin-accounts.png'), fullPage: true }); // the invitation and the list

  await admin.reload();
  await ready(admin, 'admin-accounts');
  assert.equal(await admin.locator('[data-invitation]').count(), 0, 'the invitation is not shown again');
  assert.ok(!(await admin.content()).includes(first), 'nor its code anywhere on the page');

  await admin.getByLabel('查找（用户名）', { exact: true }).fill(userName);
  await admin.getByRole('button', { name: '查找', exact: true }).last().click();
  await admin.locator('tr[data-account]', { hasText: userName }).getByRole('button', { name: '重新邀请' }).click();
  const second = await shownInvitation(admin);
  assert.notEqual(second, first);
  assert.equal(await checkCode(admin, first), 404, 'the old code no longer checks');
  assert.equal(await checkCode(admin, second), 200);

  await admin.locator('tr[data-account]', { hasText: userName }).getByRole('button', { name: '停用' }).click(); // confirm accepted
  await admin.locator(`tr[data-account="${accountId}"][data-state="disabled"]`).waitFor();
  await admin.locator(`tr[data-account="${accountId}"]`).getByRole('button', { name: '启用' }).click();
  await admin.locator(`tr[data-account="${accountId}"][data-state="invited"]`).waitFor();
  await admin.setViewportSize({ width: 360, height: 740 });
  assert.ok(await admin.evaluate(() => document.documentElement.scrollWidth <= 360), 'the accounts page fits a phone');
  await admin.setViewportSize({ width: 1280, height: 900 });

  const other = (await apiAs(admin, '/api/companies?limit=5')).items.find((c) => c.name !== '国瑞药业有限公司');
  await visit(admin, 'admin', 'links');
  await admin.getByLabel('查找单位（名称）', { exact: true }).fill(other.name);
  await admin.getByLabel('查找单位（名称）', { exact: true }).press('Enter');
  await admin.getByLabel('单位', { exact: true }).selectOption({ label: other.name });
  await admin.getByLabel('查找账号（用户名）', { exact: true }).fill(userName);
  await admin.getByLabel('查找账号（用户名）', { exact: true }).press('Enter');
  await admin.getByLabel('账号', { exact: true }).selectOption(accountId);
  await admin.getByRole('button', { name: '关联', exact: true }).first().click();
  const linked = admin.locator(`td [data-subject="${accountId}"]`);
  await linked.waitFor();
  assert.equal(await linked.textContent(), userName, 'the link is shown by the account\'s name, not its id');
  await admin.setViewportSize({ width: 360, height: 740 });
  assert.ok(await admin.evaluate(() => document.documentElement.scrollWidth <= 360), 'the links page fits a phone');
  await admin.context().close();
});

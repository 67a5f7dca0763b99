// Issue 24: a person chooses, on My account, which kinds of event they are told of on which channel; the choice stays.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { apiAs, launch, newPage, ready, shot, signIn } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, page;
const run = Date.now().toString(36);
const password = 'quiet-harbour-lantern-7';

before(async () => {
  service = await startService();
  browser = await launch();
  page = await newPage(browser, service.url);
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

/** A mentor account of its own (staff's work, set up as the admin would: not this screen's flow). */
async function mentorAccount() {
  const admin = await newPage(browser, service.url);
  await signIn(admin, 'demo-admin');
  const call = (path, body) => admin.evaluate(async ([p, b, key]) => {
    const response = await fetch(p, { method: 'POST', body: JSON.stringify(b), headers: {
      Authorization: `Bearer ${sessionStorage.getItem('jobmatch.token')}`, 'Content-Type': 'application/json', 'Idempotency-Key': key } });
    return { ok: response.ok, body: await response.json().catch(() => null) };
  }, [path, body, randomUUID()]);
  const mentor = await call('/api/mentors', { name: `通知导师${run}`, district: '340421', capacity: 5 });
  assert.ok(mentor.ok, JSON.stringify(mentor.body));
  const userName = `notices-${run}`;
  const created = await call('/api/accounts', { role: 'mentor', userName, mentorId: mentor.body.id });
  assert.ok(created.ok, JSON.stringify(created.body));
  const code = created.body.invitation.link.match(/code=([A-Z0-9-]+)/)[1];
  assert.ok((await call('/api/auth/set-password', { code, password })).ok);
  await admin.context().close();
  return userName;
}

test('a mentor turns off mails of finished imports on My account; the choice is shown again later, in both languages and on a phone', async () => {
  const userName = await mentorAccount();
  await page.goto('/#/signin');
  await ready(page, 'signin');
  await page.getByLabel('账号（手机号或用户名）', { exact: true }).fill(userName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await ready(page, 'mentor-caseload');
  await page.goto('/#/mentor/account');
  await ready(page, 'mentor-account');

  const settings = page.locator('[data-notice-settings]');
  const importsByMail = settings.locator('fieldset', { hasText: '岗位导入完成' }).getByLabel('电子邮件');
  assert.equal(await importsByMail.isChecked(), true, 'on until the person turns it off');
  await importsByMail.uncheck();
  await settings.getByRole('button', { name: '保存通知设置' }).click();
  await page.locator('#status', { hasText: '通知设置已保存。' }).waitFor();
  await shot(page, 'account-notices-settings.png');

  await page.reload();
  await ready(page, 'mentor-account');
  assert.equal(await settings.locator('fieldset', { hasText: '岗位导入完成' }).getByLabel('电子邮件').isChecked(), false, 'kept');
  assert.equal(await settings.locator('fieldset', { hasText: '岗位导入完成' }).getByLabel('站内通知').isChecked(), true, 'the inbox stays');
  const mine = (await apiAs(page, '/api/notifications/preferences')).preferences;
  assert.deepEqual(mine.filter((p) => !p.on).map((p) => `${p.kind}:${p.channel}`), ['import.finished:email']);

  await page.locator('#lang').click();
  await settings.getByRole('heading', { name: 'Notification settings' }).waitFor();
  assert.equal(await settings.locator('fieldset', { hasText: 'Position imports finished' }).getByLabel('By e-mail').isChecked(), false);
  await page.locator('#lang').click();

  await page.setViewportSize({ width: 360, height: 740 });
  await settings.getByRole('heading', { name: '通知设置' }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'fits a phone');
});

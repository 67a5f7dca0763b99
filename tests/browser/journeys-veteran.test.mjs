// A new veteran's first steps end nowhere dead (issue 22): before a profile exists every veteran page says to create it
// and links to the form, whose consent boxes wait for the veteran to tick them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, ready, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, page;

before(async () => {
  service = await startService();
  browser = await launch();
  page = await newPage(browser, service.url);
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('a new veteran who opens 推荐岗位 first is told to create a profile, and its link opens the form with no consent ticked', async () => {
  await page.goto('/#/signin');
  await ready(page, 'signin');
  await signIn(page, await page.locator('button[data-subject^="demo-veteran-"]', { hasText: '新用户' }).getAttribute('data-subject'));

  for (const name of ['invitations', 'applications']) {
    await visit(page, 'veteran', name);
    const notice = page.locator(`[data-page="veteran-${name}"] [data-profile-first]`);
    assert.equal(await notice.getByRole('link', { name: '建立我的求职档案' }).getAttribute('href'), '#/veteran/profile', name);
  }
  await visit(page, 'veteran', 'matches');
  const notice = page.locator('[data-page="veteran-matches"] [data-profile-first]');
  assert.match(await notice.textContent(), /请先创建您的求职档案/);
  await notice.getByRole('link', { name: '建立我的求职档案' }).click();

  await ready(page, 'veteran-profile');
  const boxes = await page.locator('input[name^="consent-"]').all();
  assert.equal(boxes.length, 4);
  for (const box of boxes) assert.equal(await box.isChecked(), false, `${await box.getAttribute('name')} is not ticked in advance`);
  assert.match(await page.locator('[data-consent-hint="automated_matching"]').textContent(), /推荐/);
  assert.match(await page.locator('[data-consent-hint="share_with_recruiters"]').textContent(), /招聘单位/);
});

// Issue 22: apply from a match card sharing the phone with that company; the card's link opens the application, and
// the company's recruiter reads the phone on that applicant (the same service and demo data as the other files).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launch, newPage, ready, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, veteran, recruiter;

before(async () => {
  service = await startService();
  browser = await launch();
  veteran = await newPage(browser, service.url);
  recruiter = await newPage(browser, service.url);
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('a veteran applies sharing the phone: the link opens the application, and the recruiter reads the phone on it', async () => {
  const company = '国瑞药业有限公司'; // the demo recruiter's company, a sponsor of an order class
  await signIn(veteran, 'demo-veteran-1');
  await visit(veteran, 'veteran', 'matches');
  await veteran.getByLabel('类型', { exact: true }).selectOption('training');
  const card = veteran.locator('[data-opening]', { hasText: company });
  await card.waitFor();
  const title = await card.getAttribute('data-title');
  const masked = (await apiAs(veteran, '/api/veterans/me')).phone;

  // The question names the company and the (masked) phone, unticked until the veteran ticks it.
  const share = card.getByRole('checkbox');
  const question = await card.locator(`label[for="${await share.getAttribute('id')}"]`).textContent();
  assert.ok(question.includes(company) && question.includes(masked), question);
  assert.equal(await share.isChecked(), false);
  await share.check();
  await card.getByRole('button', { name: '申请' }).click();

  const link = card.getByRole('link', { name: /^已申请：.+/ });
  await link.waitFor();
  const id = (await link.getAttribute('href')).split('/').pop();
  assert.match(id, /^[0-9a-f-]{36}$/);
  await link.click();
  await ready(veteran, 'veteran-applications');
  const opened = veteran.locator(`[data-application="${id}"]`);
  assert.equal(await opened.locator('h2').evaluate((h2) => h2.firstChild.textContent), title);
  assert.equal(await opened.locator('[data-current-state]').getAttribute('data-current-state'), 'applied');
  assert.ok(await opened.locator('[data-phone-shared]').isVisible(), 'the application says the company sees the phone');

  await signIn(recruiter, 'demo-recruiter');
  const position = (await apiAs(veteran, `/api/applications/${id}`)).application.positionId;
  await recruiter.goto(`/#/recruiter/positions/${position}`);
  await ready(recruiter, 'recruiter-positions');
  const phone = (await recruiter.locator(`[data-row-phone="${id}"]`).textContent()).trim();
  assert.match(phone, /^1\d{10}$/, 'in clear');
  assert.equal(`${phone.slice(0, 3)}****${phone.slice(-4)}`, masked);
});

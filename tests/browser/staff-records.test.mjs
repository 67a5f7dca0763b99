// Issue 23, the staff's records: register a company and correct it on its page, applications across fairs narrowed to
// one fair (one moved on as a recruiter would), the audit log by action showing who by user name, the import history
// paged, and a list leaving as a spreadsheet. In Chinese and English, each screen at 360 px.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { apiAs, launch, newPage, ready, shot, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, admin;

before(async () => {
  service = await startService();
  browser = await launch();
  admin = await newPage(browser, service.url);
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

/** The page fits a phone: nothing wider than 360 px (then back to the desktop size). */
async function fitsPhone(page, what) {
  await page.setViewportSize({ width: 360, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), `${what} fits a phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Waits for a new view of the page (after a hash change) to be drawn. */
const drawn = (page, selector) => page.locator(`[data-ready] ${selector}`).first().waitFor();

test('staff register and correct a company, follow applications of one fair, read the audit log and the import history', async () => {
  await signIn(admin, 'demo-admin');
  const userName = (await admin.locator('#signout').textContent()).trim();

  // A company registered through its form is listed at the top.
  await visit(admin, 'admin', 'companies');
  const name = `记录测试${Date.now().toString(36)}有限公司`;
  const form = admin.locator('[data-create-company]');
  await form.getByLabel('单位名称', { exact: true }).fill(name);
  await form.getByLabel('行业', { exact: true }).fill('物流');
  await form.getByLabel('所在区（地址）', { exact: true }).fill('田家庵区');
  await form.getByRole('button', { name: '登记单位' }).click();
  const row = admin.locator('tr[data-company]', { hasText: name });
  await row.waitFor();
  const companyId = await row.getAttribute('data-company');
  await shot(admin, 'admin-companies.png');
  await fitsPhone(admin, 'the companies list');

  // Its page: corrected, the heading shows the new name; its recruiters and positions are there.
  await row.getByRole('link', { name }).click();
  await drawn(admin, `[data-edit-company="${companyId}"]`);
  const renamed = name.replace('记录测试', '记录改名');
  await admin.locator('[data-edit-company]').getByLabel('单位名称', { exact: true }).fill(renamed);
  await admin.locator('[data-edit-company]').getByRole('button', { name: '保存' }).click();
  await admin.locator('h1[data-company-name]', { hasText: renamed }).waitFor();
  await admin.locator('[data-recruiters]', { hasText: '该单位尚无关联的招聘人员。' }).waitFor();
  await admin.locator('[data-positions]', { hasText: '该单位还没有岗位。' }).waitFor();
  await fitsPhone(admin, 'a company\'s page');

  // Applications of the demo fair only, then one moved on from its page.
  const fairs = (await apiAs(admin, '/api/job-fairs?limit=100')).items;
  const everyone = (await apiAs(admin, '/api/applications?limit=1')).total;
  // Other files move and turn away applications before this one runs: the fair is one where both filters still narrow.
  const counts = await Promise.all(fairs.map(async (f) => [
    (await apiAs(admin, `/api/applications?fairId=${f.id}&limit=1`)).total,
    (await apiAs(admin, `/api/applications?fairId=${f.id}&state=submitted&limit=1`)).total]));
  const index = counts.findIndex(([all, sent]) => all < everyone && sent > 0 && sent < all);
  assert.ok(index >= 0, 'a demo fair with some of the applications, some of them just sent');
  const fair = fairs[index];
  const [atFair, expected] = counts[index];
  await visit(admin, 'admin', 'applications');
  await admin.getByLabel('招聘会', { exact: true }).selectOption(fair.id);
  await admin.locator('[data-list-count]', { hasText: `共 ${atFair} 条` }).waitFor();
  await admin.getByLabel('阶段', { exact: true }).selectOption('submitted');
  await admin.locator('[data-list-count]', { hasText: `共 ${expected} 条` }).waitFor();
  const positions = await admin.locator('tr[data-position]').evaluateAll((rows) => [...new Set(rows.map((r) => r.dataset.position))]);
  const fairsOf = await Promise.all(positions.map((p) => apiAs(admin, `/api/openings/${p}`)));
  assert.deepEqual([...new Set(fairsOf.map((o) => o.fairId))], [fair.id], 'every application listed is at that fair');
  assert.equal(await admin.locator('[data-state]').evaluateAll((s) => s.every((e) => e.dataset.state === 'submitted')), true);
  await shot(admin, 'admin-applications.png');
  await fitsPhone(admin, 'the applications list');

  // The spreadsheet of that list: its header and the applications of the fair.
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('[data-download="applications.csv"]').click()]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const oldest = await admin.locator('tr[data-application]').last().getAttribute('data-application');
  assert.match(csv[0], /veteranName/i, csv[0]);
  assert.equal(csv.length - 1, expected);
  assert.ok(csv.some((line) => line.includes(oldest)), 'the listed application is in the file');

  await admin.locator(`tr[data-application="${oldest}"] a`).click();
  await drawn(admin, `[data-application="${oldest}"]`);
  await admin.locator('[data-application] button[data-state="screening"]').click();
  await admin.locator('[data-application] [data-current-state="screening"]').waitFor();
  await fitsPhone(admin, 'an application');

  // The audit log by action: the company registered, by this user's name, linked to its page.
  await visit(admin, 'admin', 'audit');
  const registered = (await apiAs(admin, '/api/audit?action=company.created&limit=1')).total;
  await admin.getByLabel('操作', { exact: true }).selectOption('company.created');
  await admin.locator('[data-list-count]', { hasText: `共 ${registered} 条` }).waitFor();
  const entry = admin.locator('tr[data-action="company.created"]', { has: admin.locator(`a[href="#/admin/companies/${companyId}"]`) });
  await entry.waitFor();
  const actor = (await entry.locator('[data-actor]').textContent()).trim();
  assert.ok(actor && userName.includes(actor), `who acted, by the name the console greets: ${actor} in ${userName}`);
  assert.equal(await admin.locator('tbody tr').evaluateAll((rows) => rows.every((r) => r.dataset.action === 'company.created')), true);
  await shot(admin, 'admin-audit.png');
  await fitsPhone(admin, 'the audit log');

  // In English: the page, the filter and the action in words.
  await admin.click('#lang');
  await ready(admin, 'admin-audit');
  await admin.getByRole('heading', { name: 'Audit log' }).waitFor();
  await admin.getByLabel('What', { exact: true }).selectOption('company.created');
  await admin.locator('tr[data-action="company.created"] td', { hasText: 'Registered a company' }).first().waitFor();
  await visit(admin, 'admin', 'companies');
  await admin.getByLabel('Find a company (name)', { exact: true }).fill(renamed);
  await admin.getByRole('button', { name: 'Filter' }).click();
  await admin.locator('[data-list-count]', { hasText: '1 of 1 shown' }).waitFor();
  assert.equal(await admin.locator('tr[data-company] a').textContent(), renamed, 'the corrected name is found');
  await visit(admin, 'admin', 'applications');
  await admin.getByLabel('Job fair', { exact: true }).selectOption(fair.id);
  await admin.locator('tr[data-application] [data-state]').first().waitFor();
  assert.equal(await admin.getByRole('heading', { level: 1 }).textContent(), 'Applications');

  // The import history: past the first page when there is one, else its count.
  await visit(admin, 'admin', 'imports');
  const total = (await apiAs(admin, '/api/imports?limit=1')).total;
  const shown = admin.locator('[data-list-count]');
  await shown.filter({ hasText: `of ${total} shown` }).waitFor();
  if (total > 50) {
    await admin.getByRole('button', { name: 'Load more' }).click();
    await shown.filter({ hasText: `${Math.min(total, 100)} of ${total}` }).waitFor();
  }
  assert.equal(await admin.locator('tr[data-batch]').count(), Math.min(total, total > 50 ? 100 : 50));
  await fitsPhone(admin, 'the import history');
  await admin.click('#lang'); // back to Chinese for the files after this one
  assert.deepEqual(admin.errors, []);
});

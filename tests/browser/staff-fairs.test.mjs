// Issue 23, staff screens: job fairs and order-class programs created, edited and closed through the admin's fairs page,
// a fair's detail with its positions (imported through its import link), on a phone (360 px), in Chinese and English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, ready, shot, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, admin;
const tag = Math.random().toString(36).slice(2, 7);
const fitsPhone = (page) => page.evaluate(() => document.documentElement.scrollWidth <= 360);
// The picture of what is on the screen, without the passing announcement over it.
const picture = async (page, target, file) => {
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, file);
};

before(async () => {
  service = await startService();
  browser = await launch();
  admin = await newPage(browser, service.url, { width: 360, height: 740 });
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('staff create, edit and close a fair and a program through the fairs page, in Chinese and English at 360 px', async () => {
  const fair = `浏览器招聘会${tag}`;
  const renamed = `${fair}（改期）`;
  const program = `浏览器订单班${tag}`;
  const company = `浏览器测试${tag}有限公司`;
  await signIn(admin, 'demo-admin');
  await visit(admin, 'admin', 'fairs');

  // Create a fair through its form: it is listed, open.
  const fairs = admin.locator('section[aria-labelledby="fairs-fairs"]');
  await fairs.locator('summary').click();
  const fairForm = admin.locator('form[data-form="fair"]');
  await fairForm.getByLabel('招聘会名称').fill(fair);
  await fairForm.getByLabel('举办日期').fill('2026-03-16');
  await fairForm.getByLabel('场地', { exact: true }).fill('淮南市人力资源市场');
  await fairForm.getByRole('button', { name: '创建招聘会' }).click();
  const row = (name) => fairs.locator(`tr[data-fair="${name}"]`);
  await row(fair).waitFor();
  assert.equal(await row(fair).locator('[data-state]').getAttribute('data-state'), 'open');

  // Edit it: the list shows the new name and no longer the old one.
  await row(fair).locator('[data-edit]').click();
  assert.equal(await fairForm.getByLabel('招聘会名称').inputValue(), fair);
  await fairForm.getByLabel('招聘会名称').fill(renamed);
  await fairForm.getByRole('button', { name: '保存修改' }).click();
  await row(renamed).waitFor();
  assert.equal(await row(fair).count(), 0);
  assert.ok(await fitsPhone(admin), 'the fairs page fits 360 px');

  // Create a program with a sponsor picked by name and its seats: listed with that sponsor.
  const programs = admin.locator('section[aria-labelledby="fairs-programs"]');
  await programs.locator('summary').click();
  const programForm = admin.locator('form[data-form="program"]');
  await programForm.getByLabel('项目名称').fill(program);
  await programForm.getByLabel('院校').fill('淮南联合大学');
  await programForm.getByLabel('开班日期').fill('2026-09-01');
  await programForm.getByLabel('学制（月）').fill('12');
  await programForm.locator('input[name="company-q"]').fill('华友钴业');
  await programForm.getByRole('button', { name: '查找' }).click();
  await programForm.locator('select[name="company"] option', { hasText: '华友钴业' }).first().waitFor({ state: 'attached' });
  await programForm.getByLabel('名额', { exact: true }).fill('6');
  await programForm.locator('[data-add-sponsor]').click();
  await programForm.locator('[data-sponsor*="华友钴业"]').waitFor();
  await programForm.getByRole('button', { name: '创建项目' }).click();
  const programRow = programs.locator(`tr[data-program="${program}"]`);
  await programRow.waitFor();
  assert.match(await programRow.textContent(), /华友钴业.*6 个名额/);

  // The fair's detail: import a spreadsheet through its link, back to the detail, its positions listed open.
  await row(renamed).getByRole('link').click();
  await ready(admin, 'admin-fairs');
  const detailUrl = admin.url();
  await admin.locator('[data-import-link]').click();
  await ready(admin, 'admin-import');
  await admin.locator('input[type="file"]').setInputFiles({ name: `fair-${tag}.csv`, mimeType: 'text/csv',
    buffer: Buffer.from(`企业名称,招聘岗位,需求人数,工作地点\n${company},电工${tag},2,田家庵区\n${company},焊工${tag},3,田家庵区\n`) });
  await admin.getByRole('button', { name: '试运行' }).click();
  await admin.getByRole('button', { name: '正式导入' }).click();
  await admin.locator('[data-batch-status="completed"]').waitFor();
  await admin.goto(detailUrl);
  await ready(admin, 'admin-fairs');
  const positions = admin.locator('tr[data-position]');
  await positions.first().waitFor();
  assert.deepEqual(await positions.evaluateAll((rows) => rows.map((r) => r.dataset.status)), ['open', 'open']);

  // Close the fair (after the confirm) and the program: both shown closed, and the fair's positions closed.
  await visit(admin, 'admin', 'fairs');
  await row(renamed).locator('[data-close]').click();
  await row(renamed).locator('[data-state="closed"]').waitFor();
  await programRow.locator('[data-close]').click();
  await programRow.locator('[data-state="closed"]').waitFor();
  await admin.goto(detailUrl);
  await ready(admin, 'admin-fairs');
  await positions.first().waitFor();
  assert.deepEqual(await positions.evaluateAll((rows) => rows.map((r) => r.dataset.status)), ['closed', 'closed']);
  assert.equal(await admin.locator('[data-import-link]').count(), 0, 'a closed fair offers no import');
  assert.ok(await fitsPhone(admin), 'the detail fits 360 px');
  await picture(admin, admin.locator('h1'), 'admin-fairs-detail.png');

  // In English: the same list says closed, and the detail its positions closed.
  await admin.click('#lang');
  await ready(admin, 'admin-fairs');
  assert.equal(await admin.locator('h1').textContent(), renamed);
  assert.match(await positions.first().textContent(), /closed/);
  await visit(admin, 'admin', 'fairs');
  assert.equal(await admin.locator('h1').textContent(), 'Fairs and programs');
  assert.equal((await row(renamed).locator('[data-state]').textContent()).trim(), 'closed');
  assert.ok(await fitsPhone(admin), 'the English page fits 360 px');
  await picture(admin, fairs.locator('h2'), 'admin-fairs.png');
  await admin.click('#lang'); // back to Chinese for whoever reads the page next
});

// A recruiter imports the fair sheet the bureau sends every employer: a file with none of their companies' rows offers
// no commit, and the page says why and what to do (the console test covers a file with their rows).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, recruiter;

before(async () => {
  service = await startService();
  browser = await launch();
  recruiter = await newPage(browser, service.url);
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

test('a file with none of the recruiter\'s rows offers no commit and says why', async () => {
  await signIn(recruiter, 'demo-recruiter');
  await visit(recruiter, 'recruiter', 'import');
  const csv = '单位名称,岗位名称,招聘人数,薪资待遇,工作地点\n'
    + '淮南别家机械有限公司,电工,2,面议,田家庵区\n'
    + '淮南别家物流有限公司,仓库管理员,1,面议,大通区\n';
  await recruiter.getByLabel('岗位表文件', { exact: true }).setInputFiles({ name: 'others.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await recruiter.getByRole('button', { name: '试运行' }).click();
  const preview = recruiter.locator('[data-batch-status="preview"]');
  await preview.waitFor();
  assert.match(await preview.locator('[data-share]').textContent(), /0 行.*2 行/);
  assert.match(await preview.locator('[data-no-commit]').textContent(), /不能正式导入.*单位名称.*退役军人事务局/);
  assert.equal(await recruiter.getByRole('button', { name: '正式导入' }).count(), 0, 'no commit is offered');
});

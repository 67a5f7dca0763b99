// The staff's veterans screens in a real headless Chromium against the real service (embedded demo, demo admin): a
// demo veteran found by name with the phone masked, unmasked for a reason (the audit entry shown); a small roster
// dry-run then imported; a placements file imported and seen in the placements report; in Chinese and English, at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiAs, launch, newPage, ready, shot, shots, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, dir;

before(async () => {
  service = await startService();
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'jobmatch-roster-'));
});

after(async () => {
  await browser?.close();
  await service?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A valid resident ID number of Tianjia'an district (340403) born on a random day, with its check character. */
function idNumber() {
  const day = new Date(Date.UTC(1975 + Math.floor(Math.random() * 25), 0, 1) + Math.floor(Math.random() * 364) * 86400000);
  const body = `340403${day.toISOString().slice(0, 10).replaceAll('-', '')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const fitsPhone = (page) => page.evaluate(() => document.documentElement.scrollWidth <= 360);
const english = async (page, name) => { await page.click('#lang'); await ready(page, name); };

// The tests' roster header (tests/JobMatch.Api.Tests/Infrastructure/Rosters.cs) and its line layout.
const HEADER = '序号,姓名,性别,公民身份号码,联系电话,服役部队,入伍时间,退役时间,军衔,兵种,文化程度,准驾车型,证书,技能,户籍区县,就业意向';
const line = (n, name, id, mobile = phone()) => `${n},${name},男,${id},${mobile},陆军,2015年9月,2020年9月,上士,汽车驾驶员,高中,C1驾照,叉车证,叉车,田家庵区,就业`;

test('staff find a veteran masked, unmask with a reason, import a roster and placements, and read the placements report', async () => {
  const page = await newPage(browser, service.url);
  await signIn(page, 'demo-admin');

  // The search: a demo veteran by name, the phone masked in the list.
  const demo = (await apiAs(page, '/api/veterans?synthetic=true&limit=1')).items[0];
  await visit(page, 'admin', 'veterans');
  await page.getByLabel('姓名', { exact: true }).fill(demo.name);
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await page.waitForFunction((name) => [...document.querySelectorAll('tr[data-veteran] a')].every((a) => a.textContent.includes(name)), demo.name);
  const row = page.locator(`tr[data-veteran="${demo.id}"]`);
  await row.waitFor();
  assert.match(await row.locator('[data-phone]').textContent(), /^1\d\d\*{4}\d{4}$/, 'the list shows the phone masked');
  await fitsPhoneAt(page);

  // The veteran's page: masked, then unmasked for a reason, the audit entry shown.
  await row.getByRole('link', { name: demo.name }).click();
  const profile = page.locator(`[data-profile="${demo.id}"]`);
  await profile.waitFor();
  assert.match(await profile.locator('[data-phone]').textContent(), /^1\d\d\*{4}\d{4}$/);
  await page.getByLabel('查看理由', { exact: true }).fill('核对退役安置材料');
  await page.getByRole('button', { name: '显示完整信息' }).click();
  await page.locator(`[data-profile="${demo.id}"][data-masked="false"]`).waitFor();
  assert.match(await profile.locator('[data-phone]').textContent(), /^1\d{10}$/, 'the phone in clear after unmasking');
  assert.match(await profile.locator('[data-id-number]').textContent(), /^\d{17}[\dX]$/, 'the ID number in clear');
  assert.match(await page.locator('[data-audited]').textContent(), /已记入审计日志.*核对退役安置材料/);
  assert.ok(await page.locator('[data-matches] [data-match]').count() > 0, 'the openings ranked for them');
  await shot(page, 'admin-veterans.png');
  await fitsPhoneAt(page);

  // The placements report before: the month the placements file below brings a hire into (one of its own, years ago).
  const month = `20${String(Date.now() % 9).padStart(2, '0')}-${String(1 + (Date.now() % 12)).padStart(2, '0')}`;
  const report = async () => {
    await visit(page, 'admin', 'placements');
    const cell = page.locator('[data-by-month] table tr', { has: page.locator(`th:text-is("${month}")`) }).locator('td').nth(1);
    return (await cell.count()) ? Number(await cell.textContent()) : 0;
  };
  const before = await report();

  // The roster: two new veterans and a row with a wrong ID number; dry run, then import.
  const good = [idNumber(), idNumber()];
  const mobile = phone();
  const bad = `${good[0].slice(0, 17)}${good[0][17] === '0' ? '1' : '0'}`;
  const rosterFile = join(dir, 'roster.csv');
  await writeFile(rosterFile, ['淮南市退役军人花名册（测试）', HEADER, line(1, '周测一', good[0]), line(2, '周测二', good[1], mobile), line(3, '周测三', bad)].join('\r\n'));
  await visit(page, 'admin', 'roster');
  const roster = page.locator('[data-upload="roster"]');
  await roster.getByLabel('花名册文件').setInputFiles(rosterFile);
  await roster.getByRole('button', { name: '试运行' }).click();
  const preview = roster.locator('[data-batch-status="preview"]');
  await preview.waitFor();
  assert.match(await preview.locator('[data-counts]').textContent(), /拒绝 1 行.*新建档案 2/);
  assert.match(await preview.locator('table').textContent(), /^逐行报告.*问题5公民身份号码3404\*+\d{3}[\dX]拒绝身份证号无效/, 'the rejected row by its number, column and reason, the number masked');
  await roster.getByRole('button', { name: '正式导入' }).click();
  const saved = roster.locator('[data-batch-status="completed"]');
  await saved.waitFor();
  assert.match(await saved.locator('[data-counts]').textContent(), /拒绝 1 行.*新建档案 2/);

  // Past placements, on the same page: one hire of the first new veteran, at a company of its own.
  const stamp = Date.now().toString(36);
  const placementsFile = join(dir, 'placements.csv');
  await writeFile(placementsFile, ['身份证号,单位名称,日期,结果,备注', `${good[0]},历史安置单位${stamp},${month}-15,录用,测试`].join('\r\n'));
  const placements = page.locator('[data-upload="placements"]');
  await placements.getByLabel('就业记录文件').setInputFiles(placementsFile);
  await placements.getByRole('button', { name: '试运行' }).click();
  await placements.locator('[data-placements-result="preview"]').waitFor();
  assert.match(await placements.locator('[data-counts]').textContent(), /写入 1/);
  assert.match(await placements.locator('table').textContent(), /备注/, 'the column not read is reported');
  await placements.getByRole('button', { name: '正式导入' }).click();
  await placements.locator('[data-placements-result="completed"]').waitFor();
  await page.screenshot({ path: join(shots, 'admin-roster.png'), fullPage: true }); // both reports
  await fitsPhoneAt(page);

  // The new roster veteran, found by their phone: a claim code to hand over, a consent withdrawn in person.
  await visit(page, 'admin', 'veterans');
  await page.getByLabel('手机号', { exact: true }).fill(mobile);
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await page.locator('[data-list-count]', { hasText: '显示 1 / 共 1 条' }).waitFor();
  await page.getByRole('link', { name: '周测二' }).click();
  await page.locator('[data-profile]').waitFor();
  await page.getByRole('button', { name: '生成认领码' }).click(); // confirm accepted
  assert.match(await page.locator('[data-claim-code] [data-code]').textContent(), /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  await page.getByLabel('同意事项', { exact: true }).selectOption('automated_matching');
  await page.getByLabel('备注', { exact: true }).fill('本人到服务中心要求撤回');
  await page.getByRole('button', { name: '记录撤回' }).click();
  await page.locator('[data-consent="automated_matching"][data-granted="false"]').waitFor();
  assert.match(await page.locator('[data-consent="automated_matching"]').locator('xpath=../..').textContent(), /已撤回本人到场，工作人员记录/);

  assert.equal(await report(), before + 1, `the hire counted in ${month}`);
  await shot(page, 'admin-placements.png');
  await fitsPhoneAt(page);

  // The three screens in English (the switch stays for the rest of this browser's session).
  await english(page, 'admin-placements');
  await page.getByRole('heading', { name: 'By month' }).waitFor();
  await page.goto(`/#/admin/veterans/${demo.id}`);
  await ready(page, 'admin-veterans');
  await page.getByRole('heading', { name: 'See the full ID number and phone' }).waitFor();
  assert.match(await profile.locator('[data-phone]').textContent(), /\*{4}/, 'masked again once the page is drawn afresh');
  await visit(page, 'admin', 'roster');
  await page.getByRole('heading', { name: 'Import the veterans roster' }).waitFor();
  assert.match(await page.locator('[data-upload="roster"]').textContent(), /recorded as the veterans' consents only if you name the consent text version/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The page as drawn, at 360 px: nothing wider than the phone. */
async function fitsPhoneAt(page) {
  await page.setViewportSize({ width: 360, height: 740 });
  assert.ok(await fitsPhone(page), 'the page fits a 360 px phone');
  await page.setViewportSize({ width: 1280, height: 900 });
}

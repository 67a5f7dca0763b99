// Issue 23, the staff's mentoring screens: new mentors listed with their capacity, new enterprises, one assigned from
// its suggestions (the enterprise shows its mentor, the mentor's caseload grows), two sent together and refused for
// want of room with one line each, the capacity raised, the two sent again and assigned, a pair ended, the caseload
// handed to another mentor; both screens in Chinese and English at 360 px. Its own mentors and enterprises (unique
// names), so the demo mentors' caseloads stay as other files expect.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, ready, shot, signIn, visit } from './browser.mjs';
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

const stamp = Date.now().toString(36);
const industry = `测试业${stamp}`;
const load = (page, mentorId) => page.locator(`tr[data-mentor="${mentorId}"]`).getAttribute('data-load');
const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= 360);

async function createMentor(page, name, { capacity, need, industries }) {
  const create = page.locator('[data-create-mentor]');
  await create.getByLabel('姓名', { exact: true }).fill(name);
  await create.getByLabel('区县', { exact: true }).selectOption('340403');
  await create.getByLabel('最多辅导几家企业').fill(String(capacity));
  await create.getByLabel('熟悉的行业').fill(industries);
  await create.getByLabel(need, { exact: true }).check();
  await create.getByRole('button', { name: '登记', exact: true }).click();
  const detail = page.locator('[data-mentor-detail]', { has: page.getByRole('heading', { name, exact: true }) });
  await detail.waitFor();
  const id = await detail.getAttribute('data-mentor-detail');
  await page.locator(`tr[data-mentor="${id}"]`).waitFor();
  return id;
}

async function createEnterprise(page, name) {
  const form = page.locator('[data-create-enterprise]');
  await form.getByLabel('企业名称', { exact: true }).fill(name);
  await form.getByLabel('创办人姓名', { exact: true }).fill('王建军');
  await form.getByLabel('行业', { exact: true }).fill(industry);
  await form.getByLabel('区县', { exact: true }).selectOption('340403');
  await form.getByLabel('法律', { exact: true }).check();
  await form.getByRole('button', { name: '登记', exact: true }).click();
  const detail = page.locator('[data-enterprise-detail]', { has: page.getByRole('heading', { name, exact: true }) });
  await detail.waitFor();
  return detail.getAttribute('data-enterprise-detail');
}

/** Ticks the enterprises in the list (found by their stamp) and sends them together with their suggested mentor. */
async function sendTogether(page, names, mentorId) {
  await page.getByLabel('企业名称含', { exact: true }).fill(stamp);
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('tr[data-enterprise]').length === 3); // the three of this test
  for (const name of names) await page.getByLabel(`选中 ${name}`, { exact: true }).check();
  await page.getByRole('button', { name: '为勾选的企业分配导师' }).click();
  const bulk = page.locator('[data-bulk] form');
  await bulk.waitFor();
  for (const name of names) assert.equal(await bulk.getByLabel(`${name} 的导师`).inputValue(), mentorId, 'the suggested mentor is chosen');
  await bulk.getByLabel('理由（记入记录）').fill('批量分配');
  await bulk.getByRole('button', { name: `一起分配（${names.length} 家）` }).click();
  await bulk.locator('[data-bulk-results] li').nth(names.length - 1).waitFor();
  return bulk.locator('[data-bulk-results] li');
}

test('an admin registers mentors and enterprises, assigns one, two together (refused, then assigned), ends a pair and hands a caseload over', async () => {
  const page = await newPage(browser, service.url);
  await signIn(page, 'demo-admin');
  await visit(page, 'admin', 'mentors');

  const mentorName = `测试导师${stamp}`;
  const otherId = await createMentor(page, `${mentorName}乙`, { capacity: 5, need: '外贸', industries: '外贸' });
  const mentorId = await createMentor(page, mentorName, { capacity: 2, need: '法律', industries: industry });
  assert.equal(await load(page, mentorId), '0/2', 'listed with no enterprises of a capacity of two');
  assert.match(await page.locator(`tr[data-mentor="${mentorId}"]`).textContent(), new RegExp(`${mentorName}.*法律.*0/2.*接收新企业`));
  await page.getByLabel('姓名含', { exact: true }).fill(mentorName);
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('tr[data-mentor]').length === 2); // found by name: the two of this test

  await page.goto('/#/admin/enterprises');
  await ready(page, 'admin-enterprises');
  const names = ['甲', '乙', '丙'].map((n) => `测试军创${stamp}${n}`);
  const ids = [];
  for (const name of names) ids.push(await createEnterprise(page, name));

  // The last one created is open: assign it from its suggestions, where the new mentor fits best.
  let detail = page.locator(`[data-enterprise-detail="${ids[2]}"]`);
  assert.equal(await detail.locator('[data-suggestion]').first().getAttribute('data-suggestion'), mentorId, 'the best fit first');
  await detail.getByLabel('理由（记入记录）').fill('专长与行业匹配');
  await detail.locator(`[data-suggestion="${mentorId}"]`).getByRole('button', { name: `分配给 ${mentorName}` }).click();
  const pair = page.locator(`[data-enterprise-detail="${ids[2]}"] li[data-mentor="${mentorId}"]`);
  await pair.waitFor();
  assert.match(await pair.textContent(), new RegExp(`${mentorName}.*在辅 1/2`));

  // Two more together: the mentor has room for one, so each is refused, on a line of its own.
  let lines = await sendTogether(page, names.slice(0, 2), mentorId);
  assert.deepEqual(await lines.evaluateAll((li) => li.map((l) => [l.dataset.result, l.dataset.outcome])), [[ids[0], 'refused'], [ids[1], 'refused']]);
  for (const text of await lines.allTextContents()) assert.match(text, /未能分配：.*上限 2 家/);

  // Room for three, and the two go together.
  await page.goto(`/#/admin/mentors/${mentorId}`);
  await ready(page, 'admin-mentors');
  await page.getByText('修改导师信息').click();
  await page.locator('[data-edit-mentor]').getByLabel('最多辅导几家企业').fill('3');
  await page.locator('[data-edit-mentor]').getByRole('button', { name: '保存' }).click();
  await page.locator('[data-mentor-detail] [data-load="1/3"]').waitFor();
  assert.equal(await load(page, mentorId), '1/3');
  await page.goto('/#/admin/enterprises');
  await ready(page, 'admin-enterprises');
  lines = await sendTogether(page, names.slice(0, 2), mentorId);
  assert.deepEqual((await lines.evaluateAll((li) => li.map((l) => l.dataset.outcome))), ['assigned', 'assigned']);
  for (const text of await lines.allTextContents()) assert.match(text, new RegExp(`已分配给 ${mentorName}$`));
  for (const id of ids.slice(0, 2)) await page.locator(`tr[data-enterprise="${id}"][data-mentors="1"]`).waitFor();
  await lines.first().scrollIntoViewIfNeeded();
  await shot(page, 'admin-enterprises.png');

  // End the first pair; the enterprise has no mentor again.
  await page.goto(`/#/admin/enterprises/${ids[2]}`);
  await ready(page, 'admin-enterprises');
  detail = page.locator(`[data-enterprise-detail="${ids[2]}"]`);
  await detail.getByLabel('理由（记入记录）').fill('企业暂停经营');
  await detail.getByRole('button', { name: `结束与 ${mentorName} 的结对` }).click(); // the confirm() is accepted
  await page.locator(`[data-enterprise-detail="${ids[2]}"] [data-no-mentor]`).waitFor();

  await page.goto(`/#/admin/mentors/${mentorId}`);
  await ready(page, 'admin-mentors');
  assert.equal(await page.locator('[data-mentor-detail] [data-load]').getAttribute('data-load'), '2/3');
  assert.equal(await load(page, mentorId), '2/3', 'the list counts them too');
  for (const id of ids.slice(0, 2)) await page.locator(`[data-caseload-enterprise="${id}"]`).waitFor();
  assert.equal(await page.locator('[data-caseload-enterprise]').count(), 2);
  await shot(page, 'admin-mentors.png');

  // The whole caseload to the other mentor.
  const reassign = page.locator('[data-reassign]');
  await reassign.getByLabel('接手的导师').selectOption(otherId);
  await reassign.getByLabel('理由（记入记录）').fill('导师调离');
  await reassign.getByRole('button', { name: '全部移交' }).click(); // the confirm() is accepted
  await page.locator('[data-mentor-detail] [data-load="0/3"]').waitFor();
  assert.equal(await load(page, otherId), '2/5');

  // On a phone, in both languages.
  await page.setViewportSize({ width: 360, height: 740 });
  assert.ok(await fits(page), 'the mentor page fits a phone in Chinese');
  await page.click('#lang');
  await page.getByRole('heading', { name: 'Enterprises they guide (0)' }).waitFor();
  assert.ok(await fits(page), 'the mentor page fits a phone in English');
  await page.goto(`/#/admin/enterprises/${ids[0]}`);
  await ready(page, 'admin-enterprises');
  await page.getByRole('heading', { name: 'Suggested mentors' }).waitFor();
  assert.match(await page.locator(`[data-enterprise-detail] li[data-mentor="${otherId}"]`).textContent(), /since .*\(2\/5 enterprises\)/);
  assert.ok(await fits(page), 'the enterprise page fits a phone in English');
  await page.click('#lang');
  await page.getByRole('heading', { name: '推荐的导师' }).waitFor();
  assert.ok(await fits(page), 'the enterprise page fits a phone in Chinese');
  assert.deepEqual(page.errors, []);
});

// Issue 23, the recruiter's screens: post a position through the form and find it in the list, edit its headcount, move
// two of its applications at once (one result line each), close it and see it closed; in Chinese and English, at 360 px.
// The position is this file's own (a unique title): the demo recruiter's positions that other files use stay as they are.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launch, newPage, ready, shot, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

const run = Date.now().toString(36);
const title = `叉车调度员-${run}`;
const fair = `冬季专场-${run}`;
let service, browser, recruiter, phone, known, fresh, staff;

before(async () => {
  service = await startService();
  browser = await launch();
  [recruiter, phone, known, fresh, staff] = await Promise.all([newPage(browser, service.url),
    newPage(browser, service.url, { width: 360, height: 740 }), newPage(browser, service.url), newPage(browser, service.url),
    newPage(browser, service.url, { width: 360, height: 740 })]);
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

/** A request as the page's signed-in user, for the setup that is not this file's flow. */
const send = (page, path, body) => page.evaluate(async ([p, b]) => {
  const r = await fetch(p, { method: 'POST', headers: { Authorization: `Bearer ${sessionStorage.getItem('jobmatch.token')}`,
    'Content-Type': 'application/json' }, body: JSON.stringify(b ?? {}) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}, [path, body]);

/** Two applicants for the position (setup): the demo veteran, and a new demo veteran who makes a profile first. */
async function twoApplicants(positionId) {
  const newcomer = async () => {
    await fresh.goto('/#/signin');
    await ready(fresh, 'signin');
    await fresh.locator('button[data-subject^="demo-veteran-"]', { hasText: '新用户' }).click();
    await fresh.waitForFunction(() => /^#\/\w+\/\w+/.test(location.hash));
    const profile = await send(fresh, '/api/veterans/me', { name: `应聘者${run.slice(-3)}`, homeDistrict: '田家庵区' });
    assert.equal(profile.status, 201, JSON.stringify(profile.body));
  };
  await Promise.all([signIn(known, 'demo-veteran-1'), newcomer()]);
  const applied = await Promise.all([known, fresh].map((page) => send(page, `/api/openings/${positionId}/applications`)));
  for (const a of applied) assert.equal(a.status, 201, JSON.stringify(a.body));
  return applied.map((a) => a.body.application.id);
}

test('the recruiter posts a position, edits it, moves two applications at once and closes it', async () => {
  await phone.goto('/#/signin');
  await phone.evaluate(() => localStorage.setItem('jobmatch.lang', 'en'));
  await Promise.all([signIn(recruiter, 'demo-recruiter'), signIn(phone, 'demo-recruiter'), signIn(staff, 'demo-admin')]);
  // Setup: a fair of this file's own, so that turning away its rest touches no one else's applications.
  const created = await send(staff, '/api/job-fairs', { name: fair, heldOn: '2026-12-01', online: true });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await visit(recruiter, 'recruiter', 'positions');
  await recruiter.getByRole('button', { name: '发布岗位' }).click();
  const form = recruiter.locator('[data-position-form="new"]');
  await form.getByLabel('岗位名称', { exact: true }).fill(title);
  await form.getByLabel('招聘人数', { exact: true }).fill('3');
  await form.getByLabel('工作区县', { exact: true }).selectOption({ label: '田家庵区' });
  await form.getByLabel('工作地址', { exact: true }).fill('洞山路 18 号');
  await form.getByLabel('招聘会', { exact: true }).selectOption({ label: fair });
  await form.getByLabel('最低月薪（元）', { exact: true }).fill('4500');
  await form.getByLabel('最高月薪（元）', { exact: true }).fill('6000');
  await form.getByLabel('岗位职责', { exact: true }).fill('安排叉车作业，核对出入库。');
  await form.getByLabel('技能', { exact: true }).fill('叉车、调度');
  await form.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await shot(recruiter, 'recruiter-position-form.png');
  await form.getByRole('button', { name: '发布', exact: true }).click();

  // The new position is in its company's list, open, none filled of three.
  const row = recruiter.locator('[data-position-row]', { hasText: title });
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'open');
  assert.equal((await row.locator('[data-headcount]').textContent()).trim(), '0/3');
  assert.match(await row.textContent(), /招聘中/);
  await recruiter.getByRole('link', { name: title }).click();
  await ready(recruiter, 'recruiter-positions');
  const positionUrl = recruiter.url();
  const positionId = positionUrl.split('/').pop();

  // In English on a phone: the headcount edited through the same form.
  await phone.goto(`/#/recruiter/positions/${positionId}`);
  await ready(phone, 'recruiter-positions');
  await phone.getByRole('button', { name: 'Edit the position' }).click();
  const edit = phone.locator(`[data-position-form="${positionId}"]`);
  assert.equal(await edit.getByLabel('Title', { exact: true }).inputValue(), title);
  assert.equal(await edit.getByLabel('Skills', { exact: true }).inputValue(), '叉车、调度');
  await edit.getByLabel('People wanted', { exact: true }).fill('5');
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'the form fits a phone');
  await edit.getByRole('button', { name: 'Save the changes' }).click();
  await phone.locator('[data-headcount="5"]', { hasText: '0 filled of 5' }).waitFor();
  assert.equal(await phone.locator('[data-position-form]').count(), 0, 'the form closes, the position is drawn again');
  assert.match(await phone.locator('dl.facts').textContent(), /4500–6000 yuan a month/, 'what the form did not show is kept');

  // Two applications moved to screening at once: one line per application.
  const [one, two] = await twoApplicants(positionId);
  await recruiter.reload();
  await ready(recruiter, 'recruiter-positions');
  assert.match(await recruiter.locator('[data-headcount]').first().textContent(), /计划 5/);
  for (const id of [one, two]) await recruiter.locator(`[data-tick="${id}"]`).check();
  const move = recruiter.locator('[data-bulk-move]');
  await recruiter.waitForFunction(() => document.querySelector('[data-bulk-move]')?.textContent.includes('2'));
  await recruiter.getByLabel('将所选申请转为', { exact: true }).selectOption({ label: '初筛' });
  await move.click();
  const lines = recruiter.locator('[data-bulk-results] li');
  await lines.first().waitFor();
  assert.equal(await lines.count(), 2);
  for (const id of [one, two]) {
    const line = recruiter.locator(`[data-bulk-results] li[data-result="${id}"]`);
    assert.equal(await line.getAttribute('data-done'), 'true');
    assert.match(await line.textContent(), /已转为「初筛」/);
    assert.equal(await recruiter.locator(`[data-row-state="${id}"]`).textContent(), '初筛');
  }
  const moveTicked = async (ids, state) => {
    for (const id of ids) await recruiter.locator(`[data-tick="${id}"]`).check();
    await recruiter.waitForFunction((n) => document.querySelector('[data-bulk-move]')?.textContent.includes(String(n)), ids.length);
    await recruiter.getByLabel('将所选申请转为', { exact: true }).selectOption({ label: state });
    await move.click();
    await recruiter.locator(`[data-bulk-results] li[data-result="${ids[0]}"]`, { hasText: state }).waitFor();
  };
  await moveTicked([two], '面试');
  assert.equal(await lines.count(), 1);

  // After the fair the rest are turned away: one confirm that says how many, one line each; the one at interview stays.
  await visit(recruiter, 'recruiter', 'positions');
  await recruiter.getByLabel('招聘会', { exact: true }).selectOption({ label: fair });
  const asked = new Promise((resolve) => recruiter.once('dialog', (dialog) => resolve(dialog.message())));
  await recruiter.getByRole('button', { name: '婉拒其余申请' }).click();
  assert.match(await asked, new RegExp(`「${fair}」中 1 份`));
  const rest = recruiter.locator(`[data-rest-results] li[data-result="${one}"]`);
  await rest.waitFor();
  assert.equal(await rest.getAttribute('data-done'), 'true');
  assert.match(await rest.textContent(), /已转为「未通过」/);
  assert.equal(await recruiter.locator('[data-rest-results] li').count(), 1);

  // Both offered the job: the one turned away says why it was not moved, the other moves.
  await recruiter.getByRole('link', { name: title }).click();
  await ready(recruiter, 'recruiter-positions');
  await recruiter.locator(`[data-tick="${one}"]`).waitFor();
  await moveTicked([two, one], '录用通知');
  assert.equal(await lines.count(), 2);
  assert.equal(await recruiter.locator(`[data-bulk-results] li[data-result="${two}"]`).getAttribute('data-done'), 'true');
  const refused = recruiter.locator(`[data-bulk-results] li[data-result="${one}"]`);
  assert.equal(await refused.getAttribute('data-done'), 'false');
  assert.match(await refused.textContent(), /未办理——不能从「未通过」变为「录用通知」/);
  assert.equal(await recruiter.locator(`[data-row-state="${two}"]`).textContent(), '录用通知');
  assert.equal(await recruiter.locator(`[data-row-state="${one}"]`).textContent(), '未通过');
  await shot(recruiter, 'recruiter-bulk.png');

  // Closed after a confirm: the page and the list say so.
  await recruiter.getByRole('button', { name: '关闭岗位' }).click();
  await recruiter.locator('[data-position-status="closed"]', { hasText: '已关闭' }).waitFor();
  await visit(recruiter, 'recruiter', 'positions');
  const closed = recruiter.locator('[data-position-row]', { hasText: title });
  await closed.waitFor();
  assert.equal(await closed.getAttribute('data-status'), 'closed');
  assert.match(await closed.textContent(), /已关闭/);

  // The list and the closed position in English on a phone.
  await visit(phone, 'recruiter', 'positions');
  const listed = phone.locator('[data-position-row]', { hasText: title });
  await listed.waitFor();
  assert.match(await listed.textContent(), /closed/);
  assert.ok(await phone.getByRole('button', { name: 'Post a position' }).isVisible());
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'the list fits a phone');
  await phone.getByRole('link', { name: title }).click();
  await phone.locator('[data-position-status="closed"]', { hasText: 'closed' }).waitFor();
  assert.equal(await phone.locator(`[data-row-state="${two}"]`).textContent(), 'Job offered');
  assert.equal(await phone.getByRole('button', { name: 'Close the position' }).count(), 0, 'a closed position offers no edit or close');
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'the position page fits a phone');
  await phone.evaluate(() => localStorage.setItem('jobmatch.lang', 'zh')); // back to Chinese for anyone sharing the profile
});

test('staff find any company\'s position by its words, closed ones too, on a phone', async () => {
  await visit(staff, 'admin', 'positions');
  await staff.getByLabel('关键词（岗位、单位或技能）', { exact: true }).fill(title);
  await staff.getByLabel('只看招聘中的岗位', { exact: true }).uncheck();
  await staff.getByRole('button', { name: '筛选' }).click();
  const row = staff.locator('[data-position-row]', { hasText: title });
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'closed');
  assert.equal(await staff.locator('[data-position-row]').count(), 1);
  assert.ok(await staff.evaluate(() => document.documentElement.scrollWidth <= 360), 'the staff list fits a phone');
  await shot(staff, 'admin-positions.png');
  await staff.getByRole('link', { name: title }).click();
  await staff.locator('[data-position-status="closed"]').waitFor();
});

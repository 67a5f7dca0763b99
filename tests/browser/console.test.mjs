// Each role's main flow in the web console, in a real headless Chromium against the real service and demo data.
// The tests run in order and build on each other: the veteran made here is the one the recruiter invites.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launch, newPage, ready, shot, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, veteran, recruiter;
const world = {};

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

test('the sign-in page offers demo users of every role', async () => {
  await veteran.goto('/');
  await ready(veteran, 'signin');
  for (const subject of ['demo-admin', 'demo-recruiter', 'demo-mentor-1', 'demo-veteran-1']) {
    assert.equal(await veteran.locator(`button[data-subject="${subject}"]`).count(), 1, subject);
  }
  await shot(veteran, 'signin.png');
});

test('a new veteran creates a profile with consents, sees ranked matches with reasons and applies', async () => {
  await veteran.goto('/#/signin');
  await ready(veteran, 'signin');
  const fresh = veteran.locator('button[data-subject^="demo-veteran-"]', { hasText: '新用户' });
  world.veteranSubject = await fresh.getAttribute('data-subject');
  await fresh.click();
  await ready(veteran, 'veteran-profile');
  await veteran.getByLabel('姓名', { exact: true }).fill('测试老兵');
  await veteran.getByLabel('手机号', { exact: true }).fill('13912345678');
  await veteran.getByLabel('服役军种', { exact: true }).selectOption('army');
  await veteran.getByLabel('服役年限', { exact: true }).fill('5');
  await veteran.getByLabel('服役专业（如 汽车驾驶员）', { exact: true }).fill('汽车驾驶员');
  await veteran.getByLabel('学历', { exact: true }).selectOption('senior_high');
  await veteran.getByLabel('技能', { exact: true }).fill('叉车、仓储管理');
  await veteran.getByLabel('户籍区县', { exact: true }).selectOption('340421');
  await veteran.getByLabel('意向区县', { exact: true }).selectOption('340421');
  await veteran.getByLabel('意向行业', { exact: true }).fill('医药制造');
  await veteran.getByLabel('C1', { exact: true }).check();
  for (const kind of ['sensitive_data', 'automated_matching', 'share_with_recruiters']) await veteran.locator(`input[name="consent-${kind}"]`).check();
  await shot(veteran, 'veteran-profile-new.png');
  await veteran.getByRole('button', { name: '建立档案' }).click();

  await veteran.waitForURL(/#\/veteran\/matches/);
  await ready(veteran, 'veteran-matches');
  const first = veteran.locator('[data-opening]').first();
  assert.ok(await first.locator('.reasons li').count() > 0, 'a match says why');
  await shot(veteran, 'veteran-matches.png');
  const title = await first.getAttribute('data-title');
  await first.getByRole('button', { name: '申请' }).click();
  // The link names the stage and opens the application it made (not #/veteran/applications/undefined).
  const applied = first.getByRole('link', { name: /^已申请：.+/ });
  await applied.waitFor();
  await applied.click();
  await ready(veteran, 'veteran-applications');
  const opened = veteran.locator('[data-application]');
  assert.match(await opened.getAttribute('data-application'), /^[0-9a-f-]{36}$/);
  assert.equal(await opened.locator('h2').evaluate((h2) => h2.firstChild.textContent), title);
  assert.equal(await opened.locator('[data-current-state]').getAttribute('data-current-state'), 'submitted');
  world.veteranId = (await apiAs(veteran, '/api/veterans/me')).id;

  await visit(veteran, 'veteran', 'profile');
  assert.equal(await veteran.locator('[data-consent="automated_matching"] .badge').textContent(), '已同意');
  await shot(veteran, 'veteran-profile.png');
});

test('a recruiter dry-runs a spreadsheet, reads the row report, commits it and invites the veteran', async () => {
  await signIn(recruiter, 'demo-recruiter');
  await ready(recruiter, 'recruiter-positions');
  await shot(recruiter, 'recruiter-positions.png');

  await visit(recruiter, 'recruiter', 'import');
  const csv = '单位名称,岗位名称,招聘人数,薪资待遇,工作地点,任职要求,技能要求\n'
    + '国瑞药业有限公司,叉车司机,2,5000-6500元/月,凤台县,持叉车证，熟悉仓储物流,叉车\n'
    + '国瑞药业有限公司,药品包装工,3,4000-5000元/月,经济技术开发区,高中以上学历,\n'
    + '安徽别家公司,电工,1,面议,田家庵区,持电工证,电工\n';
  await recruiter.getByLabel('岗位表文件', { exact: true }).setInputFiles({ name: 'console-test.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await recruiter.getByRole('button', { name: '试运行' }).click();
  const preview = recruiter.locator('[data-batch-status="preview"]');
  await preview.waitFor();
  // The other company's row is counted as not theirs, not reported as an error (the fair sheet names every employer).
  assert.match(await preview.locator('[data-share]').textContent(), /2 行.*1 行/);
  await shot(recruiter, 'recruiter-import.png');
  await recruiter.getByRole('button', { name: '正式导入' }).click();
  await recruiter.locator('[data-batch-status="completed"]').waitFor();

  await visit(recruiter, 'recruiter', 'positions');
  await recruiter.getByRole('link', { name: '叉车司机' }).click();
  await ready(recruiter, 'recruiter-positions');
  const card = recruiter.locator(`[data-candidate="${world.veteranId}"]`);
  while (await card.count() === 0) {
    const more = recruiter.getByRole('button', { name: '更多人选' });
    assert.ok(await more.isVisible(), 'the new veteran is among the candidates');
    await more.click();
    await recruiter.waitForTimeout(300);
  }
  assert.ok(await card.locator('.reasons li').count() > 0, 'a candidate comes with reasons');
  await card.getByRole('button', { name: '邀请申请' }).click();
  await card.getByText('待回复').waitFor();
  world.positionUrl = recruiter.url();
});

test('the veteran accepts the invitation, which applies to the position', async () => {
  await visit(veteran, 'veteran', 'invitations');
  const invitation = veteran.locator('[data-invitation]', { hasText: '叉车司机' });
  await shot(veteran, 'veteran-invitations.png');
  await invitation.getByRole('button', { name: '接受' }).click();
  await veteran.waitForURL(/#\/veteran\/applications/);
  await ready(veteran, 'veteran-applications');
  assert.equal(await veteran.getByRole('link', { name: '叉车司机' }).count(), 1);
});

test('the recruiter moves the application to screening, and the veteran sees the new stage', async () => {
  await visit(recruiter, 'recruiter', 'positions');
  await recruiter.getByRole('link', { name: '叉车司机' }).click();
  await ready(recruiter, 'recruiter-positions');
  await recruiter.locator('table button.link').first().click(); // newest first: the application the invitation made
  const detail = recruiter.locator('[data-application]');
  await detail.getByLabel('备注（可选）', { exact: true }).fill('电话初筛通过');
  await detail.locator('button[data-state="screening"]').click();
  await recruiter.locator('[data-current-state]', { hasText: '初筛' }).waitFor();
  await shot(recruiter, 'recruiter-position.png');

  await visit(veteran, 'veteran', 'applications');
  await veteran.getByRole('link', { name: '叉车司机' }).click();
  await ready(veteran, 'veteran-applications');
  assert.equal(await veteran.locator('[data-current-state]').textContent(), '初筛');
  await shot(veteran, 'veteran-applications.png');
});

test('a mentor sees overdue enterprises with open needs and logs a session', async () => {
  const mentor = await newPage(browser, service.url);
  await signIn(mentor, 'demo-mentor-1');
  await ready(mentor, 'mentor-caseload');
  // The demo mentor has overdue enterprises, listed first; log a session on the first one.
  const overdue = mentor.locator('[data-enterprise]').first();
  assert.equal(await overdue.locator('.badge').textContent(), '回访逾期');
  const id = await overdue.getAttribute('data-enterprise');
  await shot(mentor, 'mentor-caseload.png');
  await overdue.getByRole('button', { name: '记录一次辅导' }).click();
  await overdue.getByLabel('主题（逗号分隔）', { exact: true }).fill('融资渠道，政策申报');
  await overdue.getByLabel('下一步', { exact: true }).fill('下月提交贷款申请');
  await overdue.getByRole('button', { name: '保存' }).click();
  await mentor.locator(`[data-enterprise="${id}"] .badge.ok`).waitFor();
  await mentor.context().close();
});

test('an admin reads funnels, mentor load and model metrics as charts, and trains a model with progress', async () => {
  const admin = await newPage(browser, service.url);
  await signIn(admin, 'demo-admin');
  await ready(admin, 'admin-funnels');
  assert.ok(await admin.locator('svg.chart').count() >= 2, 'a chart per fair and program');
  await shot(admin, 'admin-funnels.png');
  await visit(admin, 'admin', 'mentoring');
  assert.equal(await admin.locator('svg.chart').count(), 1);
  await shot(admin, 'admin-mentoring.png');
  await visit(admin, 'admin', 'models');
  await admin.getByRole('button', { name: '训练新模型' }).click();
  await admin.locator('progress').waitFor();
  await admin.waitForFunction(() => document.querySelector('[data-page="admin-models"] svg.chart'), null, { timeout: 180000 });
  await ready(admin, 'admin-models');
  await shot(admin, 'admin-models.png');
  await admin.context().close();
});

test('an admin imports a file and reverts it from the history, accepts the mentor plan and sees a company\'s recruiters', async () => {
  const admin = await newPage(browser, service.url);
  await signIn(admin, 'demo-admin');
  await visit(admin, 'admin', 'import');
  const csv = '单位名称,岗位名称,招聘人数,薪资待遇\n淮南控制台测试有限公司,仓库管理员,2,4500元/月\n';
  await admin.getByLabel('岗位表文件', { exact: true }).setInputFiles({ name: 'admin-test.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await admin.getByRole('button', { name: '试运行' }).click();
  await admin.locator('[data-batch-status="preview"]').waitFor();
  await admin.getByRole('button', { name: '正式导入' }).click();
  await admin.locator('[data-batch-status="completed"]').waitFor();
  await visit(admin, 'admin', 'imports');
  assert.equal(await admin.locator('tr', { hasText: 'console-test.csv' }).count(), 1, 'the recruiter\'s import is in the history');
  const batch = admin.locator('tr', { hasText: 'admin-test.csv' });
  await shot(admin, 'admin-imports.png');
  await batch.getByRole('button', { name: '撤销' }).click();
  await ready(admin, 'admin-imports');
  await admin.locator('tr', { hasText: 'admin-test.csv' }).locator('[data-status="reverted"]').waitFor();

  await visit(admin, 'admin', 'plan');
  const before = await admin.locator('p', { hasText: '尚无导师的企业' }).textContent();
  await admin.getByRole('button', { name: '生成最优分配方案' }).click();
  await admin.locator('[data-plan="proposal"]').waitFor();
  await shot(admin, 'admin-plan.png');
  await admin.getByRole('button', { name: '采纳选中的分配' }).click();
  await admin.waitForFunction((text) => {
    const p = [...document.querySelectorAll('[data-page="admin-plan"][data-ready] p')].find((e) => e.textContent.includes('尚无导师的企业'));
    return p && p.textContent !== text;
  }, before);

  await visit(admin, 'admin', 'links');
  await admin.getByLabel('查找单位（名称）', { exact: true }).fill('国瑞');
  await admin.getByLabel('查找单位（名称）', { exact: true }).press('Enter');
  await admin.getByLabel('单位', { exact: true }).selectOption({ label: '国瑞药业有限公司' });
  await admin.locator('td', { hasText: 'demo-recruiter' }).waitFor(); // a subject that is no account is shown as it is
  await shot(admin, 'admin-links.png'); // linking by picking an account: staff-accounts.test.mjs
  await admin.context().close();
});

test('the console switches to English and fits a 360 px wide phone', async () => {
  const phone = await newPage(browser, service.url, { width: 360, height: 740 });
  await signIn(phone, 'demo-veteran-1');
  await visit(phone, 'veteran', 'matches');
  await phone.getByRole('button', { name: 'Switch to English' }).or(phone.locator('#lang')).first().click();
  await phone.getByRole('heading', { name: 'Matches', level: 1 }).waitFor();
  await ready(phone, 'veteran-matches');
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing overflows sideways');
  await shot(phone, 'veteran-matches-phone-en.png');
  await phone.locator('#lang').click(); // back to Chinese for anyone sharing the browser profile
  await phone.context().close();
});

// The console in plain words, read as a veteran and a clerk read it: no raw scores, places left said right in both
// languages, the funnel's first bar named for what it counts, and the models page saying which model ranks now.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launch, newPage, ready, signIn, visit } from './browser.mjs';
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

/** Switches the console's language with its own button, as a person does, and waits for the page to redraw. */
async function switchTo(page, name, language) {
  if (await page.evaluate(() => document.documentElement.lang) === (language === 'en' ? 'en' : 'zh-CN')) return;
  const old = await page.$(`[data-page="${name}"]`);
  await page.locator('#lang').click();
  await page.waitForFunction((view) => !view.isConnected, old); // the page is drawn again, in the other language
  await ready(page, name);
}

test('a veteran\'s matches give reasons and a plain recommendation, never a raw score, and count places left in both languages', async () => {
  const veteran = await newPage(browser, service.url);
  await signIn(veteran, 'demo-veteran-1');
  await visit(veteran, 'veteran', 'matches');
  const answer = await apiAs(veteran, '/api/veterans/me/matches?limit=20');
  assert.ok(answer.ranked && answer.items.length > 1, 'the demo veteran gets ranked matches');
  const expected = {
    zh: (n) => `剩余 ${n} 个名额`,
    en: (n) => (n === 1 ? '1 place left' : `${n} places left`),
  };
  for (const language of ['zh', 'en']) {
    await switchTo(veteran, 'veteran-matches', language);
    const text = await veteran.locator('main').innerText();
    assert.doesNotMatch(text, /匹配分|score|\d\.\d{2}\b/i, `${language}: no raw score is shown`);
    assert.doesNotMatch(text, /启发式|heuristic|…[0-9a-f]{6}/i, `${language}: how the list is ranked is said in plain words`);
    assert.doesNotMatch(text, /\b1 places\b/, `${language}: one place is singular`);
    const cards = await veteran.$$eval('[data-opening]', (els) => Object.fromEntries(els.map((e) => [e.dataset.opening, e.innerText])));
    for (const m of answer.items) {
      const words = cards[m.openingId];
      if (m.remaining != null) assert.ok(words.includes(expected[language](m.remaining)), `${language}: "${words}" says ${m.remaining} left`);
      for (const reason of m.reasons) assert.ok(words.includes(reason[language]), `${language}: the reason "${reason[language]}" is shown`);
    }
    assert.match(cards[answer.items[0].openingId], language === 'zh' ? /推荐程度：高/ : /Recommendation: high/, `${language}: the best match is recommended highly`);
  }
  await veteran.context().close();
});

test('the funnel\'s first bar is named for what it counts, and the page says what each bar means', async () => {
  const admin = await newPage(browser, service.url);
  await signIn(admin, 'demo-admin');
  await ready(admin, 'admin-funnels');
  const fairs = await apiAs(admin, '/api/job-fairs?limit=100');
  const fair = await apiAs(admin, `/api/reports/job-fairs/${fairs.items[0].id}`);
  assert.notEqual(fair.positions, fair.openings, 'the demo fair has positions hiring more than one person');
  for (const [language, first, positions] of [['zh', '招聘人数', `${fair.positions} 个岗位`], ['en', 'People wanted', `${fair.positions} positions`]]) {
    await switchTo(admin, 'admin-funnels', language);
    const section = admin.locator('section', { hasText: fair.fairName }).first();
    const row = section.locator('tbody tr').first();
    assert.equal(await row.locator('th').textContent(), first, `${language}: the first bar says it counts people wanted`);
    assert.equal(await row.locator('td').textContent(), String(fair.openings), `${language}: and counts them`);
    const text = await section.innerText();
    assert.ok(text.includes(positions), `${language}: the positions are counted beside the people wanted`);
    assert.doesNotMatch(text, /岗位数/, `${language}: the bar is not called positions`);
  }
  await admin.context().close();
});

test('the models page says in words which model ranks now', async () => {
  const admin = await newPage(browser, service.url);
  await signIn(admin, 'demo-admin');
  await visit(admin, 'admin', 'models');
  const page = await apiAs(admin, '/api/models?limit=20');
  const promoted = (page.items ?? page).find((m) => m.status === 'promoted' && m.usable);
  const now = admin.locator('[data-ranks-now]');
  const words = await now.innerText();
  assert.match(words, /现在为退役军人排序的是/);
  if (promoted) assert.match(words, /训练的模型/, 'the promoted model ranks');
  else assert.match(words, /按技能、地区和学历的规则/, 'the rules rank until a model is promoted');
  const latest = (page.items ?? page).find((m) => m.metrics && m.decision);
  if (latest) assert.match(await admin.locator('[data-verdict]').innerText(), /(高|低) \d+%|相当/, 'the newest model against the one in use, in words');
  await switchTo(admin, 'admin-models', 'en');
  assert.match(await now.innerText(), /ranks veterans' matches now/);
  await admin.context().close();
});

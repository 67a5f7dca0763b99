// Issue 23, the veteran's screens: search the open positions by keyword and district, open one (duties, address),
// save it and find it in the saved list, remove it, and page the ranked matches past the first 20; in Chinese and
// English on a 360 px phone. demo-veteran-1 only saves and views (no application), so other files' data stay as they are.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launch, newPage, ready, shot, signIn, visit } from './browser.mjs';
import { startService } from './service.mjs';

let service, browser, page;

before(async () => {
  service = await startService();
  browser = await launch();
  page = await newPage(browser, service.url, { width: 360, height: 740 });
});

after(async () => {
  await browser?.close();
  await service?.stop();
});

const fits = async (where) => assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), `${where}: nothing overflows sideways at 360 px`);

/** The console's own language button; waits for the page to be drawn again in that language. */
async function switchTo(name, language) {
  if (await page.evaluate(() => document.documentElement.lang) === (language === 'en' ? 'en' : 'zh-CN')) return;
  const old = await page.$(`[data-page="${name}"]`);
  await page.locator('#lang').click();
  await page.waitForFunction((view) => !view.isConnected, old);
  await ready(page, name);
}

test('a veteran searches, opens a position, saves it, finds it saved, removes it, and pages the matches past 20', async () => {
  await signIn(page, 'demo-veteran-1');
  const keyword = '保安员';
  // Ids and the expected count only: the search itself is done through the screen.
  const [sample] = (await apiAs(page, `/api/openings?q=${encodeURIComponent(keyword)}&limit=1`)).items;
  const expected = await apiAs(page, `/api/openings?q=${encodeURIComponent(keyword)}&district=${sample.districtCode}&limit=100`);
  const target = expected.items[0];

  // Search: the keyword, then the district; every row shown is that kind of position, and the count is the API's.
  await visit(page, 'veteran', 'search');
  await page.getByLabel('关键词').fill(keyword);
  await page.getByLabel('区县').selectOption(sample.districtCode);
  await page.getByRole('button', { name: '筛选' }).click();
  await page.locator('[data-list-count]', { hasText: `共 ${expected.total} 条` }).waitFor();
  const titles = await page.locator('tr[data-opening]').evaluateAll((rows) => rows.map((r) => r.dataset.title));
  assert.ok(titles.length > 0 && titles.every((t) => t.includes(keyword)), titles.join(', '));
  assert.ok(page.url().includes(`district=${sample.districtCode}`), 'the search stays in the address');
  await fits('search');
  await page.locator('tr[data-opening]').last().scrollIntoViewIfNeeded(); // the results, below the form on a phone
  await shot(page, 'veteran-search.png');
  await switchTo('veteran-search', 'en');
  assert.equal(await page.getByLabel('Keyword').inputValue(), keyword, 'the search survives the language switch');
  await page.locator('[data-list-count]', { hasText: `of ${expected.total} shown` }).waitFor();
  await switchTo('veteran-search', 'zh');

  // The position's page: its duties and address; save it.
  await page.locator(`tr[data-opening="${target.id}"] a`).click();
  await ready(page, 'veteran-search');
  const card = page.locator(`[data-position="${target.id}"]`);
  assert.equal(await page.locator('h1').textContent(), target.title);
  assert.equal((await card.locator('[data-fact="duties"]').textContent()).trim(), target.duties);
  assert.ok((await card.locator('[data-fact="address"]').textContent()).includes(target.location), 'the address is shown');
  const save = card.locator(`[data-save="${target.id}"]`);
  assert.equal(await save.getAttribute('aria-pressed'), 'false');
  await save.click();
  await card.locator(`[data-save="${target.id}"][aria-pressed="true"]`).waitFor();
  await fits('position');
  await shot(page, 'veteran-position.png');
  await switchTo('veteran-search', 'en');
  assert.equal(await card.locator('dt', { hasText: 'Duties' }).count(), 1, 'the page in English');
  assert.equal(await page.locator(`[data-save="${target.id}"]`).textContent(), 'Saved', 'and still saved when drawn again');

  // The saved list shows it, open; removing it takes it off the list.
  await page.getByRole('link', { name: 'Saved', exact: true }).click();
  await ready(page, 'veteran-saved');
  const row = page.locator(`tr[data-saved="${target.id}"]`);
  assert.equal(await row.getAttribute('data-status'), 'open');
  assert.ok((await row.textContent()).includes(target.title));
  await fits('saved');
  await switchTo('veteran-saved', 'zh');
  await page.evaluate(() => { document.getElementById('status').textContent = ''; }); // the "saved" notice, gone by now for a person
  await shot(page, 'veteran-saved.png');
  await page.locator(`tr[data-saved="${target.id}"]`).getByRole('button', { name: '移除' }).click();
  await page.locator(`tr[data-saved="${target.id}"]`).waitFor({ state: 'detached' });
  await switchTo('veteran-saved', 'en');
  assert.equal(await page.locator(`tr[data-saved="${target.id}"]`).count(), 0, 'gone after drawing the list again');

  // The matches page past 20: "more" adds the next cards, ranked on from 21, with their reasons and apply buttons.
  await visit(page, 'veteran', 'matches');
  assert.equal(await page.locator('li[data-opening]').count(), 20);
  await page.getByRole('button', { name: 'Load more' }).click();
  await page.locator('li[data-opening]').nth(20).waitFor();
  const twentyFirst = page.locator('li[data-opening]').nth(20);
  assert.match(await twentyFirst.locator('h2').textContent(), /^21\. /);
  assert.ok(await twentyFirst.getByRole('button', { name: 'Apply' }).isVisible(), 'a later card applies as the first do');
  assert.ok(await page.locator('li[data-opening]').count() > 20);
  await fits('matches');
});

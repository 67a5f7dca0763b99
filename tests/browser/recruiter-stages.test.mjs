// A recruiter calls a candidate to interview without recording screening first (issue #22): the console offers the
// skip as its own button, and the application is at interview after it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launch, newPage, ready, signIn } from './browser.mjs';
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

test('the recruiter skips screening and invites a submitted applicant to interview', async () => {
  const recruiter = await newPage(browser, service.url);
  await signIn(recruiter, 'demo-recruiter');
  // Setup, not the flow: the recruiter's company posts a job and the demo veteran applies to it.
  const veteran = await newPage(browser, service.url);
  await signIn(veteran, 'demo-veteran-1');
  const send = (page, path, body) => page.evaluate(async ([p, b]) => {
    const r = await fetch(p, { method: 'POST', headers: { Authorization: `Bearer ${sessionStorage.getItem('jobmatch.token')}`,
      ...(b ? { 'Content-Type': 'application/json' } : {}) }, body: b ? JSON.stringify(b) : undefined });
    return { status: r.status, body: await r.json() };
  }, [path, body]);
  const [companyId] = (await apiAs(recruiter, '/api/me')).companyIds;
  const posted = await send(recruiter, '/api/openings', { companyId, title: '跳过初筛测试岗位', headcount: 2, district: '田家庵区', location: '洞山路' });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const applied = await send(veteran, `/api/openings/${posted.body.id}/applications`);
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const found = { id: applied.body.application.id, positionId: posted.body.id };
  await recruiter.goto(`/#/recruiter/positions/${found.positionId}`);
  await ready(recruiter, 'recruiter-positions');
  await recruiter.locator('tr', { has: recruiter.locator(`[data-row-state="${found.id}"]`) }).locator('button.link').click();
  const skip = recruiter.locator(`[data-application="${found.id}"] button[data-state="interview"]`);
  assert.equal((await skip.textContent()).trim(), '跳过初筛，直接转为：面试');
  await skip.click();
  await recruiter.locator(`[data-application="${found.id}"] [data-current-state="interview"]`, { hasText: '面试' }).waitFor();
  assert.equal(await recruiter.locator(`[data-row-state="${found.id}"]`).textContent(), '面试');
});

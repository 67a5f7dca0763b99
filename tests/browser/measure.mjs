// How fast the console's first page is on the demo: several cold loads in fresh browser contexts, median reported.
// Not a test: figures depend on the machine. Usage: node measure.mjs [runs] (JOBMATCH_URL to use a running service).
import { execSync } from 'node:child_process';
import { launch, newPage } from './browser.mjs';
import { startService } from './service.mjs';

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const service = await startService();
const browser = await launch();

async function load(path, token) {
  const page = await newPage(browser, service.url);
  if (token) await page.addInitScript((t) => sessionStorage.setItem('jobmatch.token', t), token);
  await page.goto(path);
  await page.waitForSelector('[data-ready]', { timeout: 60000 });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { ready: performance.now(), dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
      bytes: performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, nav.transferSize) };
  });
  await page.context().close();
  return timing;
}

const signIn = await (await fetch(`${service.url}/api/demo/sign-in`, {
  method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
  body: JSON.stringify({ role: 'veteran', subject: 'demo-veteran-1' }),
})).json();
await load('/'); // warm the service (JIT) once; the browser cache is fresh for every run anyway
for (const [name, path, token] of [['sign-in page (/)', '/', null], ['veteran matches', '/#/veteran/matches', signIn.token]]) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await load(path, token));
  const pick = (k) => median(results.map((r) => r[k])).toFixed(0);
  console.log(`${name}: median of ${runs} cold loads — DOMContentLoaded ${pick('dcl')} ms, load ${pick('load')} ms, `
    + `page drawn ${pick('ready')} ms, ${(median(results.map((r) => r.bytes)) / 1024).toFixed(0)} KB transferred`);
}
console.log(`load average: ${execSync('uptime').toString().trim()}`);
await browser.close();
await service.stop();

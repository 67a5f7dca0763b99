// Debian's Chromium driven by playwright-core: no browser download. As root Chromium needs --no-sandbox.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { repo } from './service.mjs';

export const shots = join(repo, 'docs/screenshots');

export async function launch() {
  await mkdir(shots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** A fresh page at desktop size (or the given one) that fails the test on any script error. */
export async function newPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, baseURL: url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('dialog', (dialog) => dialog.accept());
  return page;
}

/** Waits until a page module has finished drawing, then checks that every form control has a label. */
export async function ready(page, name) {
  await page.waitForSelector(`[data-page="${name}"][data-ready]`, { timeout: 60000 });
  const unlabelled = await page.$$eval('main input, main select, main textarea', (controls) => controls
    .filter((c) => c.type !== 'hidden' && !c.labels?.length && !c.getAttribute('aria-label'))
    .map((c) => c.name || c.outerHTML.slice(0, 60)));
  if (unlabelled.length) throw new Error(`Controls without a label on ${name}: ${unlabelled.join(', ')}`);
  if (page.errors.length) throw new Error(`Script errors on ${name}: ${page.errors.join('; ')}`);
}

export async function signIn(page, subject) {
  await page.goto('/#/signin');
  await ready(page, 'signin');
  await page.click(`button[data-subject="${subject}"]`);
  await page.waitForFunction(() => /^#\/\w+\/\w+/.test(location.hash));
}

export async function visit(page, role, name) {
  await page.goto(`/#/${role}/${name}`);
  await ready(page, `${role}-${name}`);
}

export const shot = (page, file) => page.screenshot({ path: join(shots, file) });

/** Calls the API as the signed-in user (for ids the test needs, never to do the flow's work). */
export const apiAs = (page, path) => page.evaluate(async (p) =>
  (await fetch(p, { headers: { Authorization: `Bearer ${sessionStorage.getItem('jobmatch.token')}` } })).json(), path);

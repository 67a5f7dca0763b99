// Every word of the console in both languages: the same keys, and the same {placeholders} in each pair (no browser),
// and no key in two areas (the later one would silently win).
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repo } from './service.mjs';

const folder = join(repo, 'src/JobMatch.Api/wwwroot/js/i18n');
const load = async (file) => (await import(pathToFileURL(join(folder, file)).href)).default;
const holes = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

function same(zh, en, where) {
  // A '.one' form ("1 place left") exists only in a language that has a singular.
  const only = (a, b) => Object.keys(a).filter((k) => !(k in b) && !k.endsWith('.one'));
  assert.deepEqual(only(zh, en), [], `${where}: keys in Chinese only`);
  assert.deepEqual(only(en, zh), [], `${where}: keys in English only`);
  for (const key of Object.keys(zh).filter((k) => k in en)) assert.equal(holes(en[key]), holes(zh[key]), `${where}: ${key} has other placeholders in English`);
}

test('the shell and every area say each thing in Chinese and in English, with the same placeholders', async () => {
  same(await load('zh.js'), await load('en.js'), 'zh.js / en.js');
  const areas = (await readdir(folder)).filter((f) => !['zh.js', 'en.js'].includes(f));
  assert.ok(areas.length > 0);
  const seen = new Map();
  for (const file of areas) {
    const { zh, en } = await load(file);
    same(zh, en, file);
    for (const key of Object.keys(zh)) {
      assert.ok(!seen.has(key), `${key} is in both ${seen.get(key)} and ${file}`);
      seen.set(key, file);
    }
  }
});

test('every dictionary is loaded by i18n.js and preloaded by the first page, so none is fetched late or forgotten', async () => {
  const { readFile } = await import('node:fs/promises');
  const shell = await readFile(join(folder, '..', 'i18n.js'), 'utf8');
  const index = await readFile(join(folder, '..', '..', 'index.html'), 'utf8');
  for (const file of await readdir(folder)) {
    // An area that adds itself with words() when a module that uses it loads (i18n/notices.js) is neither.
    if ((await readFile(join(folder, file), 'utf8')).includes("import { words } from '../i18n.js'")) continue;
    assert.ok(shell.includes(`'./i18n/${file}'`), `i18n.js does not import ${file}`);
    assert.ok(index.includes(`href="/js/i18n/${file}"`), `index.html does not preload ${file}`);
  }
});

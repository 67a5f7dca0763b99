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

test('each module imports the areas whose words it shows, and every word it asks for by name exists', async () => {
  const { readFile } = await import('node:fs/promises');
  const root = join(folder, '..');
  const areas = new Map();
  for (const file of (await readdir(folder)).filter((f) => !['zh.js', 'en.js'].includes(f))) {
    const { zh } = await load(file);
    for (const key of Object.keys(zh)) areas.set(key.split('.')[0], file);
  }
  const known = new Set([...Object.keys(await load('zh.js')), ...(await Promise.all([...new Set(areas.values())].map(load))).flatMap((a) => Object.keys(a.zh))]);
  const problems = [];
  for (const file of (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.js') && !f.startsWith('i18n'))) {
    const source = await readFile(join(root, file), 'utf8');
    for (const [, key] of source.matchAll(/\b(?:t|count)\(\s*'([\w.-]+)'/g)) {
      if (!known.has(key)) problems.push(`${file} asks for ${key}, which no dictionary has`);
      const area = areas.get(key.split('.')[0]);
      if (area && !source.includes(`i18n/${area}'`)) problems.push(`${file} shows ${key} but does not import i18n/${area}`);
    }
  }
  assert.deepEqual(problems, []);
});

test("the first page preloads the Chinese shell's words and none of the areas (a page loads its own)", async () => {
  const { readFile } = await import('node:fs/promises');
  const index = await readFile(join(folder, '..', '..', 'index.html'), 'utf8');
  const preloaded = [...index.matchAll(/href="\/js\/i18n\/([\w-]+\.js)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(preloaded, ['zh.js']); // English is loaded when someone switches to it
});

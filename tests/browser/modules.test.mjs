// Every named import of the console's modules names a file that exists and a name it exports: a page whose import is
// broken never draws (its module fails to load), which no other test of another page would notice. No browser.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { repo } from './service.mjs';

const root = join(repo, 'src/JobMatch.Api/wwwroot/js');
const exported = (source, name) => new RegExp(`export\\s+(async\\s+)?(function|const|let|class)\\s+${name}\\b`).test(source)
  || new RegExp(`export\\s*\\{[^}]*\\b${name}\\b`).test(source);

test('every import of the console names an existing module and a name it exports', async () => {
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.js'));
  assert.ok(files.length > 20);
  const broken = [];
  for (const file of files) {
    const source = await readFile(join(root, file), 'utf8');
    for (const [, from] of source.matchAll(/^import\s+'([^']+)';/gm)) { // for its side effect: an area's words
      if (await readFile(resolve(dirname(join(root, file)), from), 'utf8').catch(() => null) === null) broken.push(`${file}: no module ${from}`);
    }
    for (const [, names, from] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
      const target = resolve(dirname(join(root, file)), from);
      const text = await readFile(target, 'utf8').catch(() => null);
      if (text === null) { broken.push(`${file}: no module ${from}`); continue; }
      for (const name of names.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean)) {
        if (!exported(text, name)) broken.push(`${file}: ${relative(root, target)} exports no ${name}`);
      }
    }
  }
  assert.deepEqual(broken, []);
});

// Starts the real service on the embedded database in a temporary directory (demo data loaded on first start),
// or uses JOBMATCH_URL when CI started one already (and JOBMATCH_DATA, its embedded database's data directory, for the
// command line run against the running service's cluster).
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The built service, as CI builds it (the command line runs from the same file). */
export const dll = process.env.JOBMATCH_DLL ?? join(repo, 'src/JobMatch.Api/bin/Debug/net10.0/JobMatch.Api.dll');

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => ok(port)); });
    server.on('error', fail);
  });
}

async function waitReady(url, child, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child?.exitCode != null) throw new Error(`The service exited with ${child.exitCode} before it was ready.`);
    try { if ((await fetch(`${url}/health/ready`)).ok) return; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The service at ${url} was not ready within ${seconds} s.`);
}

export async function startService() {
  if (process.env.JOBMATCH_URL) {
    await waitReady(process.env.JOBMATCH_URL, null, 240);
    return { url: process.env.JOBMATCH_URL, dataDirectory: process.env.JOBMATCH_DATA, stop: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'jobmatch-browser-'));
  await chmod(dir, 0o755); // as root, the embedded PostgreSQL runs as postgres and must reach its data directory
  const url = `http://127.0.0.1:${await freePort()}`;
  const env = { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production' };
  delete env.ConnectionStrings__JobMatch;
  const dataDirectory = join(dir, 'pgdata');
  const child = spawn('dotnet', [dll, '--urls', url, `--Embedded:DataDirectory=${dataDirectory}`], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  child.stdout.on('data', (d) => log.push(d));
  child.stderr.on('data', (d) => log.push(d));
  try {
    await waitReady(url, child, 240);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${error.message}\n${Buffer.concat(log).toString().slice(-3000)}`);
  }
  return {
    url,
    dataDirectory,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM'); // stops the embedded PostgreSQL cleanly
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30000))]);
      await writeFile(join(dir, 'service.log'), Buffer.concat(log)).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Short-link redirect benchmark (issue 11; not a timed test): starts the compiled `bijak serve` on loopback with the
 * demo organisation, makes short links the way employees do (log in, POST /api/v1/feed/:id/share), then runs
 * autocannon against GET /s/<code> over those codes. Every answer must be a 302 to the item's URL; the clicks are
 * counted as in production (in-memory batch, written every second).
 *
 *   npm run build && npx tsx bench/shortlink.ts
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=32 npx tsx bench/shortlink.ts
 *
 * Target: >= 5,000 req/s with p99 < 20 ms on this machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TARGET_RPS = 5000;
const TARGET_P99 = 20;
const PASSWORD = 'bench-Demo-Sandi-2026';

/** CPU time (ms) used so far by a process (Linux /proc; 0 elsewhere). */
function cpuMs(pid: number): number {
  const statFile = `/proc/${pid}/stat`;
  if (!existsSync(statFile)) return 0;
  const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks (100 Hz)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function loginAs(base: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

async function main(): Promise<void> {
  let root = here;
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  if (!existsSync(join(root, 'dist', 'src', 'server', 'routes', 'library-share.js'))) throw new Error('build first: npm run build');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bijak-bench-'));
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : []), join(root, 'bin', 'bijak.js'), 'serve'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
        BIJAK_DEMO_PASSWORD: PASSWORD,
        BIJAK_LOG: '0',
        BIJAK_WORKERS: '1',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // starting
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    // short links as employees make them: every employee, every feed item, several platforms
    const codes: string[] = [];
    for (const user of ['pegawai', 'pegawai2']) {
      const s = await loginAs(base, user);
      const feed = (await (await fetch(`${base}/api/v1/feed`, { headers: { cookie: s.cookie } })).json()) as Array<{ id: string }>;
      for (const item of feed)
        for (const platform of ['x', 'whatsapp', 'facebook', 'linkedin']) {
          const r = await fetch(`${base}/api/v1/feed/${item.id}/share`, {
            method: 'POST',
            headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
            body: JSON.stringify({ platform }),
          });
          if (r.ok) codes.push(((await r.json()) as { code: string }).code);
        }
    }
    if (!codes.length) throw new Error('no short links made');
    const requests = codes.map((c) => ({ method: 'GET', path: `/s/${c}` }));
    await autocannon({ url: base, connections, duration: 3, requests }); // warm-up
    console.log(`GET /s/<code>, ${seconds} s, ${connections} connections, one server process, ${codes.length} different links`);
    const load0 = loadavg()[0];
    const serverCpu0 = cpuMs(child.pid ?? 0);
    const clientCpu0 = process.cpuUsage();
    const result = await autocannon({ url: base, connections, duration: seconds, requests });
    const serverUs = ((cpuMs(child.pid ?? 0) - serverCpu0) * 1000) / (result.requests.total || 1);
    const cc = process.cpuUsage(clientCpu0);
    const clientUs = (cc.user + cc.system) / (result.requests.total || 1);
    const rps = result.requests.average;
    const p99 = result.latency.p99;
    const redirects = result['3xx'] ?? 0;
    console.log(`requests: ${result.requests.total} total, ${redirects} redirects (3xx), ${result['4xx']} 4xx, ${result['5xx']} 5xx, ${result.errors} errors`);
    console.log(`req/s: ${rps.toFixed(0)} (mean), p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${p99} ms, max ${result.latency.max} ms`);
    const cores = availableParallelism();
    console.log(
      `CPU per request: server ${serverUs.toFixed(0)} µs, autocannon ${clientUs.toFixed(0)} µs; load average ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)} on ${cores} cores (shared machine)`,
    );
    if (serverUs > 0) {
      console.log(
        `one server process on an otherwise idle core: ~${Math.floor(1e6 / serverUs)} req/s; server + client on ${cores} idle cores: ~${Math.floor((cores * 1e6) / (serverUs + clientUs))} req/s`,
      );
    }
    // the clicks were counted: read them back through the humas statistics
    await new Promise((r) => setTimeout(r, 1500));
    const h = await loginAs(base, 'humas');
    const stats = (await (await fetch(`${base}/api/v1/library/stats`, { headers: { cookie: h.cookie } })).json()) as { totals: { clicks: number } };
    console.log(`clicks counted in the statistics: ${stats.totals.clicks} (includes the demo's seeded clicks and the warm-up)`);
    const ok = rps >= TARGET_RPS && p99 < TARGET_P99 && redirects === result.requests.total && result.errors === 0;
    console.log(`target: >= ${TARGET_RPS} req/s with p99 < ${TARGET_P99} ms, all 302: ${ok ? 'MET' : 'NOT MET'}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

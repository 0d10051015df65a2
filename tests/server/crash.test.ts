/**
 * Crash safety on SQLite: a server child process receives a stream of writes; it is killed with SIGKILL in
 * the middle; after a restart every write it acknowledged is present.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const PASSWORD = 'crash-test-password';
const dir = mkdtempSync(join(tmpdir(), 'bijak-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function start(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'helpers', 'serve-child.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      BIJAK_DEMO_PASSWORD: PASSWORD,
      BIJAK_LOG: '0',
      RATE_LIMIT_USER: '1000000',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (b) => {
    out += b;
  });
  child.stderr?.on('data', (b) => {
    out += b;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${out}`);
}

async function loginAt(base: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'pegawai', password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`login failed: ${r.status}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe('crash safety (SQLite)', () => {
  it('keeps every acknowledged write after kill -9', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await start(port);
    const { cookie, csrfToken } = await loginAt(base);
    const acked: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const note = `crash-${w}-${i}`;
        try {
          const r = await fetch(`${base}/api/v1/me/self-checks`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({ twoFactor: true, passwordChanged: false, displayNameOk: true, postsReviewed: true, note }),
          });
          if (r.ok) {
            await r.json();
            acked.push(note);
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // kill once a good number of writes were acknowledged
    const deadline = Date.now() + 30_000;
    while (acked.length < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    stop = true;
    await Promise.all(writers);
    const ackedAtKill = [...acked];
    expect(ackedAtKill.length).toBeGreaterThan(20);

    await start(port);
    const s2 = await loginAt(base);
    const r = await fetch(`${base}/api/v1/me/self-checks?limit=1000`, { headers: { cookie: s2.cookie } });
    const rows = (await r.json()) as Array<{ note: string }>;
    const present = new Set(rows.map((x) => x.note));
    const missing = ackedAtKill.filter((n) => !present.has(n));
    console.log(`crash test: ${ackedAtKill.length} writes acknowledged before kill -9, ${rows.length - 1} stored after restart, ${missing.length} missing`);
    expect(missing).toEqual([]);
  }, 120_000);
});

/**
 * Soak benchmark (issue 12; a bench, not a test): three `bijak serve` nodes (child processes on loopback ports)
 * on one PostgreSQL database, a small round-robin HTTP client in this script, mixed load for SOAK_SECONDS:
 * checks, dashboard reads (employee home and supervisor unit dashboard), self-check writes, a login every second
 * and an audit upload every 10 s. Partway through (SOAK_KILL_AT of the run) one node is killed with SIGKILL; the client drops
 * it from the rotation at that moment (the stand-in for a load balancer's health check), so only requests in
 * flight on it can fail. Afterwards every acknowledged write is looked up in the database, and every uploaded
 * audit must finish (the killed node's audits are finished by the others through pg-boss).
 *
 *   SOAK_DATABASE_URL=postgres://bijak:bijak@127.0.0.1:5432/bijak_soak npm run bench:soak
 *   SOAK_SECONDS=60 SOAK_CONNECTIONS=48 npm run bench:soak
 *
 * Variables: SOAK_DATABASE_URL (or DATABASE_URL_PG; required), SOAK_SECONDS (300), SOAK_NODES (3),
 * SOAK_CONNECTIONS (48 concurrent client loops), SOAK_KILL_AT (0.5; 0 = no kill), SOAK_USERS (24), SOAK_MIX (the request mix,
 * default check=55,home=20,dashboard=10,selfcheck=15), SOAK_NODE_ARGS
 * (extra node options of the server processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 * A fresh schema is created for the run and dropped afterwards. The rate limits are raised so they never refuse,
 * but the limiter still counts every request in PostgreSQL (the shared store).
 * Target: >= 2,000 req/s total, zero errors, p99 < 50 ms, every audit finished, flat memory per node.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { makeZip, xArchive } from '../tests/audit/fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const DB_URL = process.env.SOAK_DATABASE_URL ?? process.env.DATABASE_URL_PG;
const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const NODES = Number(process.env.SOAK_NODES ?? 3);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 48);
const KILL_AT = Number(process.env.SOAK_KILL_AT ?? 0.5);
const USERS = Number(process.env.SOAK_USERS ?? 24);
const PASSWORD = 'soak-password-123';
/** The request mix of the client loops (SOAK_MIX=check=55,home=20,dashboard=10,selfcheck=15; e.g. check=1 for checks only). */
const MIX: Array<[string, number]> = (process.env.SOAK_MIX ?? 'check=55,home=20,dashboard=10,selfcheck=15').split(',').map((kv) => {
  const [k, w] = kv.split('=');
  if (!['check', 'home', 'dashboard', 'selfcheck'].includes(k) || !(Number(w) > 0)) throw new Error(`SOAK_MIX: ${kv}?`);
  return [k, Number(w)];
});
const TARGET_RPS = 2000;
const TARGET_P99 = 50;

const POSTS = [
  { text: 'Alhamdulillah, pelaporan SPT Tahunan sekarang bisa lewat DJP Online. Yuk lapor sebelum 31 Maret! #PajakKuatIndonesiaMaju', platform: 'x' },
  { text: 'SEBARKAN!!! Info dari orang dalam, tarif PPN naik jadi 15% bulan depan, sebelum dihapus!!', platform: 'facebook' },
  { text: 'Ayo coblos no. 2 biar Indonesia maju! Jangan lupa ajak keluarga ke TPS ya #menangkan02', platform: 'instagram' },
  { text: 'Dinas rasa liburan, makasih APBN 😎 hotel bintang lima, kolam renang pribadi', platform: 'instagram' },
  { text: 'Selamat pagi rekan-rekan. Hari ini kami melayani konsultasi perpajakan di KPP Pratama Kebayoran Baru mulai pukul 08.00.', platform: 'threads' },
  { text: 'Bangsat lu semua, kerja gak becus!!', platform: 'x' },
  { text: 'Gunakan hak pilih Anda pada 14 Februari. Cek DPT di situs KPU.', platform: 'x' },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function rssMb(pid: number | undefined): number {
  if (!pid || !existsSync(`/proc/${pid}/status`)) return Number.NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** CPU seconds (user + system) a process has used, from /proc (all its threads). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100; // utime, stime in clock ticks (USER_HZ 100 on Linux)
  } catch {
    return Number.NaN;
  }
}

/** The machine's busy and total CPU seconds since boot (/proc/stat), to tell the run's share from everything else. */
function machineCpu(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const idle = f[3] + (f[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

/** CPU seconds of the PostgreSQL backends connected to the soak's database, by pid. */
async function pgBackendCpu(admin: pg.Client): Promise<Map<number, number>> {
  const r = await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return new Map(r.rows.map((x: { pid: number }) => [x.pid, cpuSeconds(x.pid)]));
}

interface Node {
  i: number;
  port: number;
  child: ChildProcess;
  agent: http.Agent;
  alive: boolean;
  rss: number[];
}

interface Res {
  status: number;
  body: string;
  cookie?: string;
}

function request(node: Node, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: node.port, method, path, headers, agent: node.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const sc = res.headers['set-cookie'];
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookie: sc?.[0]?.split(';')[0] });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

async function startNode(i: number, dataRoot: string, schema: string, bin: string): Promise<Node> {
  const port = await freePort();
  const nodeArgs = (process.env.SOAK_NODE_ARGS ?? '').split(' ').filter(Boolean); // e.g. --cpu-prof for a profile
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dataRoot, `node${i}`),
      DATABASE_URL: DB_URL,
      PG_SCHEMA: schema,
      BIJAK_DEMO: '1',
      BIJAK_DEMO_PASSWORD: PASSWORD,
      BIJAK_LOG: '0',
      BIJAK_WORKERS: '1',
      RATE_LIMIT_IP: '100000000',
      RATE_LIMIT_USER: '100000000',
      RATE_LIMIT_CHECK: '100000000',
      AUDIT_RETRY_DELAY_SECONDS: '2',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const node: Node = { i, port, child, agent: new http.Agent({ keepAlive: true, maxSockets: 256 }), alive: true, rss: [] };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node ${i} exited during start`);
    try {
      if ((await request(node, 'GET', '/healthz', {})).status === 200) return node;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error(`node ${i} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; unitId: string; role: string };
}

async function login(node: Node, username: string, password = PASSWORD): Promise<Session> {
  const r = await request(node, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username, password }));
  if (r.status !== 200 || !r.cookie) throw new Error(`login ${username}: ${r.status} ${r.body}`);
  const b = JSON.parse(r.body);
  return { cookie: r.cookie, csrf: b.csrfToken, user: b.user };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function archive(n: number): Buffer {
  const texts = [
    'Selamat pagi, semoga harimu menyenangkan',
    'Dasar bangsat semua pejabat itu',
    'Ayo coblos nomor 2 pada pemilu nanti!',
    'Rapat anggaran lancar',
  ];
  const tweets = Array.from({ length: n }, (_, i) => ({
    id: String(1_770_000_000_000_000_000n + BigInt(i)),
    text: texts[i % texts.length],
    date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
  }));
  return makeZip(Object.entries(xArchive({ username: 'pegawai_soak', tweets })).map(([name, data]) => ({ name, data })));
}

function multipart(data: Buffer): { body: Buffer; type: string } {
  const b = `----soak${randomBytes(8).toString('hex')}`;
  return {
    body: Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="archive"; filename="twitter-arsip.zip"\r\nContent-Type: application/zip\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
    type: `multipart/form-data; boundary=${b}`,
  };
}

async function main(): Promise<void> {
  if (!DB_URL) throw new Error('set SOAK_DATABASE_URL (or DATABASE_URL_PG) to a PostgreSQL database the soak may create a schema in');
  if (!(SECONDS > 0) || !(NODES >= 2) || !(CONNECTIONS >= 1)) throw new Error('SOAK_SECONDS > 0, SOAK_NODES >= 2 and SOAK_CONNECTIONS >= 1 please');
  let root = here;
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  const bin = join(root, 'bin', 'bijak.js');
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('build first: npm run build');
  const schema = `soak_${randomBytes(5).toString('hex')}`;
  const dataRoot = mkdtempSync(join(tmpdir(), 'bijak-soak-'));
  const nodes: Node[] = [];
  const admin = new pg.Client({ connectionString: DB_URL });
  await admin.connect();
  try {
    // the first node migrates and seeds; the others join the same schema
    nodes.push(await startNode(0, dataRoot, schema, bin));
    for (let i = 1; i < NODES; i++) nodes.push(await startNode(i, dataRoot, schema, bin));
    console.log(
      `${NODES} nodes on ports ${nodes.map((n) => n.port).join(', ')}, schema ${schema}; ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}`,
    );

    // users: one per client loop group, created through the admin API (argon2 hashes)
    const adminS = await login(nodes[0], 'admin');
    const emp = await login(nodes[0], 'pegawai');
    const atasan = await login(nodes[0], 'atasan');
    const names: string[] = [];
    for (let u = 0; u < USERS; u++) {
      const username = `soak${String(u).padStart(2, '0')}`;
      const r = await request(
        nodes[u % NODES],
        'POST',
        '/api/v1/admin/users',
        { 'content-type': 'application/json', cookie: adminS.cookie, 'x-csrf-token': adminS.csrf },
        JSON.stringify({ username, name: `Pegawai Soak ${u}`, role: 'pegawai', unitId: emp.user.unitId, password: PASSWORD }),
      );
      if (r.status !== 200 && r.status !== 201) throw new Error(`create user: ${r.status} ${r.body}`);
      names.push(username);
    }
    const sessions: Session[] = [];
    for (const [u, n] of names.entries()) sessions.push(await login(nodes[u % NODES], n));
    const auditSession = await login(nodes[1 % NODES], 'pegawai2');

    let rr = 0;
    const pick = (): Node => {
      for (let k = 0; k < nodes.length; k++) {
        const n = nodes[rr++ % nodes.length];
        if (n.alive) return n;
      }
      throw new Error('no node alive');
    };

    const lat: number[] = [];
    const byKind = new Map<string, { n: number; errors: number }>();
    let errors = 0;
    let inflightFailed = 0;
    const errorSamples: string[] = [];
    const acked: string[] = [];
    const audits: Array<{ id: string; node: number }> = [];
    let measuring = false;
    let stop = false;

    const kinds = MIX;
    const totalW = kinds.reduce((s, [, w]) => s + w, 0);
    const chooseKind = (): string => {
      let x = Math.random() * totalW;
      for (const [k, w] of kinds) {
        x -= w;
        if (x < 0) return k;
      }
      return 'check';
    };

    const one = async (loop: number, kind: string): Promise<void> => {
      const s = sessions[loop % sessions.length];
      const node = pick();
      const h = (json: boolean, csrf: boolean): Record<string, string> => ({
        ...(json ? { 'content-type': 'application/json' } : {}),
        cookie: s.cookie,
        ...(csrf ? { 'x-csrf-token': s.csrf } : {}),
      });
      const t0 = performance.now();
      let note = '';
      try {
        let r: Res;
        if (kind === 'check') r = await request(node, 'POST', '/api/v1/check', h(true, true), JSON.stringify(POSTS[(Math.random() * POSTS.length) | 0]));
        else if (kind === 'home') r = await request(node, 'GET', '/api/v1/me/home', h(false, false));
        else if (kind === 'dashboard') r = await request(node, 'GET', `/api/v1/units/${atasan.user.unitId}/dashboard`, { cookie: atasan.cookie });
        else if (kind === 'selfcheck') {
          note = `soak-${loop}-${randomBytes(6).toString('hex')}`;
          r = await request(
            node,
            'POST',
            '/api/v1/me/self-checks',
            h(true, true),
            JSON.stringify({ twoFactor: true, passwordChanged: false, displayNameOk: true, postsReviewed: true, note }),
          );
        } else
          r = await request(
            node,
            'POST',
            '/api/v1/auth/login',
            { 'content-type': 'application/json' },
            JSON.stringify({ username: names[loop % names.length], password: PASSWORD }),
          );
        const ms = performance.now() - t0;
        const k = byKind.get(kind) ?? { n: 0, errors: 0 };
        byKind.set(kind, k);
        if (measuring) {
          lat.push(ms);
          k.n++;
        }
        if (r.status >= 400) {
          errors++;
          k.errors++;
          if (errorSamples.length < 5) errorSamples.push(`${kind} on node ${node.i}: ${r.status} ${r.body.slice(0, 120)}`);
        } else if (kind === 'selfcheck') acked.push(JSON.parse(r.body).id);
      } catch (e) {
        if (!node.alive) inflightFailed++;
        else {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${kind} on node ${node.i}: ${(e as Error).message}`);
        }
      }
    };

    const loop = async (i: number) => {
      while (!stop) await one(i, chooseKind());
    };

    // logins at a fixed rate (argon2 costs tens of ms of CPU each: a share of the mix would be a password-hashing bench)
    const logins = async () => {
      for (let i = 0; !stop; i++) {
        await one(i, 'login');
        for (let t = 0; t < 10 && !stop; t++) await new Promise((r) => setTimeout(r, 100));
      }
    };

    const zip = archive(300);
    const uploader = async () => {
      while (!stop) {
        const node = pick();
        const { body, type } = multipart(zip);
        try {
          const r = await request(
            node,
            'POST',
            '/api/v1/me/audits',
            { 'content-type': type, cookie: auditSession.cookie, 'x-csrf-token': auditSession.csrf },
            body,
          );
          if (r.status === 202) audits.push({ id: JSON.parse(r.body).id, node: node.i });
          else if (errorSamples.length < 5) errorSamples.push(`audit upload on node ${node.i}: ${r.status} ${r.body.slice(0, 120)}`);
        } catch (e) {
          if (!node.alive) inflightFailed++;
          else errorSamples.push(`audit upload: ${(e as Error).message}`);
        }
        for (let t = 0; t < 100 && !stop; t++) await new Promise((r) => setTimeout(r, 100));
      }
    };

    // warm-up (JIT, caches, pools)
    const warm = Array.from({ length: CONNECTIONS }, (_, i) => loop(i));
    await new Promise((r) => setTimeout(r, 10_000));
    stop = true;
    await Promise.all(warm);
    stop = false;
    for (const n of nodes) n.rss.push(rssMb(n.child.pid));
    errors = 0; // warm-up errors are not counted (its acknowledged writes are checked with the rest)
    errorSamples.length = 0;

    const bigZip = archive(30_000); // built before the measurement, so the client's CPU figure is its requests'
    measuring = true;
    const cpu0 = { nodes: nodes.map((n) => cpuSeconds(n.child.pid)), client: process.cpuUsage(), pg: await pgBackendCpu(admin), machine: machineCpu() };
    const t0 = Date.now();
    const clients = [...Array.from({ length: CONNECTIONS }, (_, i) => loop(i)), uploader(), logins()];
    let victim = nodes[1];
    let killedAt = -1;
    let victimAudit = '';
    const sampler = setInterval(() => {
      for (const n of nodes) if (n.alive) n.rss.push(rssMb(n.child.pid));
    }, 5000);
    // the kill: a big archive is uploaded, and the node that runs it is killed -9 in the middle of it
    const killer =
      KILL_AT > 0
        ? setTimeout(
            async () => {
              const { body, type } = multipart(bigZip);
              const up = await request(pick(), 'POST', '/api/v1/me/audits', { 'content-type': type, cookie: emp.cookie, 'x-csrf-token': emp.csrf }, body).catch(
                () => null,
              );
              if (up?.status === 202) {
                const id = JSON.parse(up.body).id as string;
                audits.push({ id, node: -1 });
                for (let t = 0; t < 300; t++) {
                  const r = await admin.query(`SELECT runner, progress_json FROM ${schema}.audit_reports WHERE id = $1 AND status = 'running'`, [id]);
                  const pid = Number(
                    String(r.rows[0]?.runner ?? '')
                      .split(':')
                      .pop(),
                  );
                  const running = nodes.find((n) => n.child.pid === pid);
                  if (running && r.rows[0].progress_json && JSON.parse(r.rows[0].progress_json).scanned > 0) {
                    victim = running;
                    victimAudit = id;
                    break;
                  }
                  await new Promise((res) => setTimeout(res, 100));
                }
              }
              killedAt = (Date.now() - t0) / 1000;
              victim.alive = false; // the load balancer's health check
              victim.child.kill('SIGKILL');
            },
            SECONDS * KILL_AT * 1000,
          )
        : null;
    const progress = setInterval(() => {
      const el = (Date.now() - t0) / 1000;
      console.log(
        `  ${el.toFixed(0)} s: ${lat.length} requests (${(lat.length / el).toFixed(0)} req/s), ${errors} errors, ${audits.length} audits; RSS ${nodes.map((n) => (n.alive ? `${rssMb(n.child.pid).toFixed(0)}` : '-')).join(' / ')} MB; load ${loadavg()[0].toFixed(1)}`,
      );
    }, 30_000);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    stop = true;
    await Promise.all(clients);
    const elapsed = (Date.now() - t0) / 1000;
    measuring = false;
    clearInterval(sampler);
    clearInterval(progress);
    if (killer) clearTimeout(killer);
    const endRss = nodes.map((n) => (n.alive ? rssMb(n.child.pid) : Number.NaN));
    // CPU of the run (the killed node's share up to its death is lost with its /proc entry)
    const nodeCpu = nodes.map((n, k) => (n.alive ? cpuSeconds(n.child.pid) - cpu0.nodes[k] : Number.NaN));
    const clientUsage = process.cpuUsage(cpu0.client);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;
    const pgEnd = await pgBackendCpu(admin);
    let pgCpu = 0;
    for (const [pid, c] of pgEnd) if (Number.isFinite(c)) pgCpu += c - (cpu0.pg.get(pid) ?? 0);
    const m1 = machineCpu();
    const machineBusy = m1.busy - cpu0.machine.busy;
    const machineTotal = m1.total - cpu0.machine.total;

    // every audit finishes (the dead node's ones through another node); wait up to 2 minutes
    const ids = audits.map((a) => a.id);
    const waitUntil = Date.now() + 120_000;
    let states: Record<string, number> = {};
    for (;;) {
      const r = await admin.query(`SELECT status, count(*)::int AS n FROM ${schema}.audit_reports WHERE id = ANY($1) GROUP BY status`, [ids]);
      states = Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
      if (!states.queued && !states.running) break;
      if (Date.now() > waitUntil) break;
      await new Promise((res) => setTimeout(res, 1000));
    }
    const dup = await admin.query(
      `SELECT count(*)::int AS n FROM (SELECT report_id, seq FROM ${schema}.audit_flagged WHERE report_id = ANY($1) GROUP BY report_id, seq HAVING count(*) > 1) d`,
      [ids],
    );
    const retried = await admin.query(`SELECT count(*)::int AS n FROM ${schema}_jobs.job WHERE name = 'bijak-audit' AND retry_count > 0`);
    const found = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.self_checks WHERE id = ANY($1)`, [acked]);
    const lost = acked.length - found.rows[0].n;

    const sorted = Float64Array.from(lat).sort();
    const rps = lat.length / elapsed;
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    console.log(`\nsoak: ${elapsed.toFixed(0)} s, ${NODES} nodes, ${CONNECTIONS} client loops, ${USERS} users`);
    console.log(
      `requests: ${lat.length} (${[...byKind].map(([k, v]) => `${k} ${v.n}`).join(', ')}), ${rps.toFixed(0)} req/s; errors ${errors}; failed in flight on the killed node ${inflightFailed}`,
    );
    console.log(
      `latency: p50 ${p50.toFixed(1)} ms, p90 ${percentile(sorted, 90).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
    );
    if (errorSamples.length) console.log(`error samples:\n  ${errorSamples.join('\n  ')}`);
    console.log(
      `audits: ${audits.length} uploaded${killedAt >= 0 ? ` (${audits.filter((a) => a.node === victim.i).length} through the killed node)` : ''}, ${JSON.stringify(states)}; ${retried.rows[0].n} run again after a failed attempt; duplicate flagged rows ${dup.rows[0].n}`,
    );
    console.log(`acknowledged writes (self-checks): ${acked.length}, lost ${lost}`);
    if (killedAt >= 0) {
      const v = victimAudit ? (await admin.query(`SELECT status, attempt, runner FROM ${schema}.audit_reports WHERE id = $1`, [victimAudit])).rows[0] : null;
      const by = v ? Number(String(v.runner).split(':').pop()) : 0;
      console.log(
        v
          ? `node ${victim.i} killed -9 at ${killedAt.toFixed(0)} s in the middle of an audit of 30,000 posts, which ended ${v.status} on attempt ${v.attempt} run by ${by === victim.child.pid ? 'THE KILLED NODE' : `node ${nodes.findIndex((n) => n.child.pid === by)}`}`
          : `node ${victim.i} killed -9 at ${killedAt.toFixed(0)} s (no audit was seen running on a node in time)`,
      );
    }
    for (const [k, n] of nodes.entries()) {
      const max = Math.max(...n.rss.filter(Number.isFinite));
      console.log(
        `node ${k}: RSS start ${n.rss[0].toFixed(0)} MB, end ${Number.isFinite(endRss[k]) ? `${endRss[k].toFixed(0)} MB` : '(killed)'}, max ${max.toFixed(0)} MB`,
      );
    }
    const ourCpu = nodeCpu.filter(Number.isFinite).reduce((a, b) => a + b, 0) + pgCpu + clientCpu;
    const perReq = (sec: number) => ((sec * 1000) / Math.max(1, lat.length)).toFixed(3);
    console.log(
      `CPU: nodes ${nodeCpu.map((c) => (Number.isFinite(c) ? `${c.toFixed(1)}` : 'killed')).join(' + ')} s, PostgreSQL backends ${pgCpu.toFixed(1)} s, client ${clientCpu.toFixed(1)} s; ` +
        `per request: nodes ${perReq(nodeCpu.filter(Number.isFinite).reduce((a, b) => a + b, 0))} ms, PostgreSQL ${perReq(pgCpu)} ms, client ${perReq(clientCpu)} ms`,
    );
    console.log(
      `machine: ${machineBusy.toFixed(0)} of ${machineTotal.toFixed(0)} CPU-seconds busy (${((100 * machineBusy) / machineTotal).toFixed(0)} %), of which this soak ${ourCpu.toFixed(0)} s and everything else ${(machineBusy - ourCpu).toFixed(0)} s`,
    );
    console.log(`load average at the end ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
    const finished = (states.done ?? 0) === audits.length;
    const ok = rps >= TARGET_RPS && p99 < TARGET_P99 && errors === 0 && lost === 0 && finished && dup.rows[0].n === 0;
    console.log(`target: >= ${TARGET_RPS} req/s, p99 < ${TARGET_P99} ms, zero errors, no write lost, every audit finished once: ${ok ? 'MET' : 'NOT MET'}`);
  } finally {
    for (const n of nodes) {
      if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGTERM');
      n.agent.destroy();
    }
    await new Promise((r) => setTimeout(r, 1500));
    for (const n of nodes) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await admin.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`).catch(() => {});
    await admin.end();
    rmSync(dataRoot, { recursive: true, force: true });
  }
}

await main();

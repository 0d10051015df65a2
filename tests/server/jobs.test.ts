/**
 * Durable footprint-audit jobs on PostgreSQL (issue 12, pg-boss): several app nodes on one database. An audit
 * enqueued on one node runs on another and its progress streams from both; a node killed with SIGKILL in the
 * middle of an audit leaves it to another node, which stores the report once; an archive that cannot be read
 * ends dead-lettered with the reason on the report. Skipped without DATABASE_URL_PG.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgQueueOptions } from '../../src/server/audit/pg-queue.js';
import { makeZip, xArchive } from '../audit/fixtures.js';
import { DEMO_PASSWORD, dropSchema, login, makeApp, PG_URL, type Session } from './helpers/app.js';

if (!PG_URL) console.warn('durable-job tests skipped: set DATABASE_URL_PG=postgres://user:pass@host/db to run them (.ci/run does).');
const suite = PG_URL ? describe : describe.skip;

const PG = { name: 'postgres' as const, enabled: true };
const schema = `t_${randomBytes(6).toString('hex')}`;
const JOBS: PgQueueOptions = { retryLimit: 1, retryDelaySeconds: 1, heartbeatSeconds: 10, superviseSeconds: 1, pollSeconds: 0.5 };
const dirs: string[] = [];
const apps: FastifyInstance[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'bijak-jobs-'));
  dirs.push(d);
  return d;
}

async function node(jobs: PgQueueOptions): Promise<FastifyInstance> {
  const app = await makeApp(PG, { pgSchema: schema, dataDir: tempDir(), audit: { jobs } });
  apps.push(app);
  return app;
}

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

const TEXTS = [
  'Tolong cek pengaduan atas nama Siti NIK 3174015505900003 ya',
  'Dasar bangsat semua pejabat itu',
  'Selamat pagi, semoga harimu menyenangkan dan pekerjaan lancar. Jangan lupa sarapan sebelum berangkat ke kantor ya teman-teman.',
  'Ayo coblos nomor 2 pada pemilu nanti, kampanye bersama!',
];

function archive(n: number): Buffer {
  const filler = ' Hari ini rapat koordinasi anggaran berjalan lancar, terima kasih untuk semua tim yang sudah bekerja keras.'.repeat(4);
  const tweets = Array.from({ length: n }, (_, i) => ({
    id: String(1_770_000_000_000_000_000n + BigInt(i)),
    text: TEXTS[i % TEXTS.length] + (i % 4 === 2 ? filler : ''),
    date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
  }));
  return makeZip(Object.entries(xArchive({ username: 'pegawai_uji', tweets })).map(([name, data]) => ({ name, data })));
}

function multipart(filename: string, data: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const b = `----bijak${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="archive"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

async function upload(app: FastifyInstance, s: Session, data: Buffer, filename = 'twitter-arsip.zip'): Promise<string> {
  const { payload, headers } = multipart(filename, data);
  const r = await app.inject({ method: 'POST', url: '/api/v1/me/audits', payload, headers: { ...headers, cookie: s.cookie, 'x-csrf-token': s.csrf } });
  expect(r.statusCode, r.body).toBe(202);
  return r.json().id;
}

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}
function events(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((b) => b.startsWith('event: '))
    .map((b) => {
      const [e, d] = b.split('\n');
      return { event: e.slice(7), data: JSON.parse(d.slice(6)) };
    });
}

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
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

/** A server node in a child process (`bijak serve` from the sources) on the same database schema. */
async function childNode(env: Record<string, string> = {}): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'helpers', 'serve-child.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: tempDir(),
      DATABASE_URL: PG_URL,
      PG_SCHEMA: schema,
      BIJAK_DEMO_PASSWORD: DEMO_PASSWORD,
      BIJAK_LOG: '0',
      AUDIT_RETRY_LIMIT: String(JOBS.retryLimit),
      AUDIT_RETRY_DELAY_SECONDS: String(JOBS.retryDelaySeconds),
      AUDIT_HEARTBEAT_SECONDS: String(JOBS.heartbeatSeconds),
      AUDIT_SUPERVISE_SECONDS: String(JOBS.superviseSeconds),
      AUDIT_POLL_SECONDS: String(JOBS.pollSeconds),
      ...env,
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
  await until(
    `child node on port ${port}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`child node exited: ${out}`);
      return fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    90_000,
  );
  return child;
}

/** Waits until the audit's running attempt has written progress (it is in the middle of the archive). */
async function midAudit(id: string): Promise<{ scanned: number }> {
  return until(
    'a node to be mid-audit',
    async () => {
      const [r] = await query<{ status: string; progress_json: string | null }>(`SELECT status, progress_json FROM ${schema}.audit_reports WHERE id = $1`, [
        id,
      ]);
      const p = r?.progress_json ? JSON.parse(r.progress_json) : null;
      if (r?.status === 'done') throw new Error('the audit finished before the node could be killed: make the archive larger');
      return p && p.scanned > 0 ? p : null;
    },
    90_000,
  );
}

suite('durable audit jobs on PostgreSQL (pg-boss)', () => {
  let web: FastifyInstance; // enqueues only
  let pegawai: Session;

  beforeAll(async () => {
    web = await node({ ...JOBS, runJobs: false });
    pegawai = await login(web, 'pegawai');
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const a of apps) await a.close().catch(() => {});
    if (PG_URL) await dropSchema(schema);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it('enqueues on one node, runs on another, and streams progress from both', async () => {
    const worker = await node(JOBS);
    try {
      const data = archive(400);
      const id = await upload(web, pegawai, data);
      // the upload left the enqueuing node's disk: it is in the database until the audit has read it
      expect(readdirSync(join(web.bijakConfig.dataDir as string, 'audit-uploads'))).toEqual([]);
      const stream = (app: FastifyInstance) =>
        app.inject({ method: 'GET', url: `/api/v1/me/audits/${id}/events`, headers: { cookie: pegawai.cookie } }).then((r) => events(r.body));
      const [onWeb, onWorker] = await Promise.all([stream(web), stream(worker)]);
      for (const ev of [onWeb, onWorker]) {
        expect(ev[0].event).toBe('progress');
        expect(ev.filter((e) => e.event === 'done')).toHaveLength(1);
        expect(ev.at(-1)?.event).toBe('done');
      }
      const summary = onWeb.at(-1)?.data.summary as { scanned: number; flagged: number };
      expect(summary.scanned).toBe(400);
      expect(onWorker.at(-1)?.data.summary).toEqual(summary);
      // the report reads the same from both nodes
      const a = (await pegawai.req('GET', `/api/v1/me/audits/${id}?flagged=none`)).json();
      const b = (await worker.inject({ method: 'GET', url: `/api/v1/me/audits/${id}?flagged=none`, headers: { cookie: pegawai.cookie } })).json();
      expect(a.status).toBe('done');
      expect(b).toEqual(a);
      expect(a.storedPosts).toBe(summary.flagged);
      const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.audit_uploads WHERE report_id = $1`, [id]);
      expect(Number(n)).toBe(0);
      const jobs = await query<{ name: string; state: string }>(`SELECT name, state FROM ${schema}_jobs.job WHERE id = $1`, [id]);
      expect(jobs).toEqual([{ name: 'bijak-audit', state: 'completed' }]);
    } finally {
      await worker.close();
    }
  }, 120_000);

  it('an archive that cannot be read ends dead-lettered, with the reason on the report', async () => {
    const worker = await node(JOBS);
    try {
      const id = await upload(web, pegawai, Buffer.from('ini bukan arsip zip sama sekali'), 'arsip.zip');
      const report = await until('the failed audit', async () => {
        const r = (await pegawai.req('GET', `/api/v1/me/audits/${id}?flagged=none`)).json();
        return r.status === 'error' ? r : null;
      });
      expect(report.error).toMatch(/ \/ /); // Indonesian / English
      expect(report.error.length).toBeGreaterThan(10);
      // the job failed without retries (no retry reads an unreadable archive) and went to the dead letter queue
      const jobs = await until('the dead-lettered job', async () => {
        const rows = await query<{ name: string; state: string; retry_count: number }>(
          `SELECT name, state, retry_count FROM ${schema}_jobs.job WHERE id = $1::uuid OR (name = 'bijak-audit-dead' AND data->>'id' = $2) ORDER BY name`,
          [id, id],
        );
        return rows.length === 2 ? rows : null;
      });
      expect(jobs.map((j) => j.name)).toEqual(['bijak-audit', 'bijak-audit-dead']);
      expect(jobs[0]).toMatchObject({ state: 'failed', retry_count: 0 });
      // the SSE stream of any node gives the reason
      const sse = await web.inject({ method: 'GET', url: `/api/v1/me/audits/${id}/events`, headers: { cookie: pegawai.cookie } });
      const ev = events(sse.body);
      expect(ev).toHaveLength(1);
      expect(ev[0].event).toBe('error');
      expect(`${ev[0].data.message} / ${ev[0].data.messageEn}`).toBe(report.error);
    } finally {
      await worker.close();
    }
  }, 120_000);

  it('a node killed -9 in the middle of an audit: another node finishes it and the report exists once', async () => {
    const child = await childNode(); // the only node running jobs
    const data = archive(40_000);
    const id = await upload(web, pegawai, data);
    const sse = web.inject({ method: 'GET', url: `/api/v1/me/audits/${id}/events`, headers: { cookie: pegawai.cookie } });
    // progress written by the child node, read through the database
    const mid = await midAudit(id);
    expect(mid.scanned).toBeLessThan(40_000);
    child.kill('SIGKILL');
    await until('the child to die', async () => child.signalCode === 'SIGKILL');
    const rescuer = await node(JOBS);
    try {
      const ev = events((await sse).body);
      expect(ev.filter((e) => e.event === 'done')).toHaveLength(1);
      expect(ev.filter((e) => e.event === 'error')).toHaveLength(0);
      // progress from the first attempt (child node) came through the web node's stream
      expect(ev.some((e) => e.event === 'progress' && (e.data.scanned as number) > 0)).toBe(true);
      const summary = ev.at(-1)?.data.summary as { scanned: number; flagged: number };
      expect(summary.scanned).toBe(40_000);
      const [row] = await query<{ status: string; attempt: number; n: string; seqs: string }>(
        `SELECT r.status, r.attempt, (SELECT count(*) FROM ${schema}.audit_flagged f WHERE f.report_id = r.id AND f.list = 'posts') AS n,
                (SELECT count(DISTINCT seq) FROM ${schema}.audit_flagged f WHERE f.report_id = r.id) AS seqs
           FROM ${schema}.audit_reports r WHERE r.id = $1`,
        [id],
      );
      expect(row.status).toBe('done');
      expect(row.attempt).toBe(1); // the second attempt stored it
      expect(Number(row.n)).toBe(summary.flagged); // once, not twice
      expect(Number(row.seqs)).toBe(Number(row.n));
      const jobs = await query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM ${schema}_jobs.job WHERE id = $1`, [id]);
      expect(jobs).toEqual([{ state: 'completed', retry_count: 1 }]);
      const list = (await pegawai.req('GET', '/api/v1/me/audits')).json() as Array<{ id: string }>;
      expect(list.filter((r) => r.id === id)).toHaveLength(1);
    } finally {
      await rescuer.close();
    }
  }, 240_000);

  it('an audit whose node dies on its last attempt is dead-lettered, and the user sees why', async () => {
    // no retries for jobs sent from now on (the queue's settings are copied into each job)
    const child = await childNode({ AUDIT_RETRY_LIMIT: '0' });
    const id = await upload(web, pegawai, archive(40_000));
    await midAudit(id);
    child.kill('SIGKILL');
    await until('the child to die', async () => child.signalCode === 'SIGKILL');
    const other = await node(JOBS); // runs the dead letter queue
    try {
      const report = await until(
        'the dead-lettered audit',
        async () => {
          const r = (await pegawai.req('GET', `/api/v1/me/audits/${id}?flagged=none`)).json();
          return r.status === 'error' ? r : null;
        },
        90_000,
      );
      expect(report.error).toMatch(/^Audit gagal setelah beberapa kali dicoba.* \/ The audit failed after several attempts/);
      // the dead letter job is settled just after its handler wrote the reason
      const jobs = await until('the settled dead letter job', async () => {
        const rows = await query<{ name: string; state: string; retry_count: number }>(
          `SELECT name, state, retry_count FROM ${schema}_jobs.job WHERE id = $1::uuid OR (name = 'bijak-audit-dead' AND data->>'id' = $2) ORDER BY name`,
          [id, id],
        );
        return rows.length === 2 && rows[1].state !== 'active' && rows[1].state !== 'created' ? rows : null;
      });
      expect(jobs.map((j) => [j.name, j.state])).toEqual([
        ['bijak-audit', 'failed'],
        ['bijak-audit-dead', 'completed'],
      ]);
      expect(jobs[0].retry_count).toBe(0);
      const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.audit_uploads WHERE report_id = $1`, [id]);
      expect(Number(n)).toBe(0); // the upload is gone with the failed audit
    } finally {
      await other.close();
    }
  }, 240_000);
});

/**
 * Issue 13, audit side: a post longer than `limits.maxPostChars` (50,000) is cut there for checking and
 * reported as cut; the server checks every upload, however small, in a worker thread (never on its event
 * loop), and fails the audit rather than fall back to its own thread.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, cutPost } from '../../src/audit/pipeline.js';
import { DEFAULT_LIMITS } from '../../src/audit/types.js';
import { DEFAULT_POLICY } from '../../src/core/index.js';
import { closeApp, describeEachDb, login, makeApp } from '../server/helpers/app.js';
import { makeZip, writeFolder, xArchive } from './fixtures.js';
import { tempDir, testChecker } from './helpers.js';

const LONG = `bangsat ${'1.'.repeat(60_000)} anjing`; // 120,015 characters: the word at the end lies past the limit

describe('long posts in an export', () => {
  const dir = tempDir('bijak-long-');

  it('a post over 50,000 characters is checked up to the limit and reported as cut', async () => {
    const path = writeFolder(
      `${dir}/x`,
      xArchive({
        tweets: [
          { id: '1', text: LONG, date: '2024-01-01T00:00:00Z' },
          { id: '2', text: 'dasar anjing', date: '2024-01-02T00:00:00Z' },
        ],
      }),
    );
    const report = await audit(path, { checker: testChecker() });
    expect(DEFAULT_LIMITS.maxPostChars).toBe(50_000);
    expect(report.scanned).toBe(2);
    expect(report.postsTruncated).toBe(1);
    const long = report.flagged.find((p) => p.id === '1');
    expect(long?.textTruncated).toBe(true);
    expect(long?.text.length).toBe(50_000);
    // only "bangsat" (at the start) was seen: "anjing" lies beyond the cut
    expect(long?.findings.map((f) => long.text.slice(f.range[0], f.range[1]))).toEqual(['bangsat']);
    expect(report.flagged.find((p) => p.id === '2')?.textTruncated).toBeUndefined();
    expect(report.warnings.some((w) => w.en.includes('longer than 50,000 characters'))).toBe(true);
    expect(report.warnings.some((w) => w.id.includes('50.000 karakter'))).toBe(true);
  });

  it('a lower limit applies, and the cut never splits a surrogate pair', async () => {
    const path = writeFolder(`${dir}/y`, xArchive({ tweets: [{ id: '7', text: `bangsat ${'😀'.repeat(100)}`, date: '2024-01-01T00:00:00Z' }] }));
    const report = await audit(path, { checker: testChecker(), limits: { maxPostChars: 19 } });
    expect(report.postsTruncated).toBe(1);
    const text = report.flagged[0]?.text ?? '';
    expect(text.length).toBe(18); // "bangsat " + 5 emoji (10 units); the 19th unit, a high surrogate without its pair, is dropped
    expect(/[\uD800-\uDBFF]$/.test(text)).toBe(false);
    const post = { platform: 'x' as const, kind: 'post' as const, id: 'a', date: null, url: null, text: 'abc😀' };
    cutPost(post, 4);
    expect(post).toMatchObject({ text: 'abc', textTruncated: true });
  });

  it('with minBytes 0 and required, even a tiny export is checked in a worker thread', async () => {
    const path = writeFolder(`${dir}/z`, xArchive({ tweets: [{ id: '3', text: 'dasar bangsat', date: '2024-01-01T00:00:00Z' }] }));
    // the calling thread's checker throws: the result must come from the worker's own checker
    const poisoned = {
      ...testChecker(),
      check: () => {
        throw new Error('checked on the calling thread');
      },
    };
    const report = await audit(path, { checker: poisoned, parallel: { policy: DEFAULT_POLICY, workers: 1, minBytes: 0, required: true } });
    expect(report.workers).toBe(1);
    expect(report.scanned).toBe(1);
    expect(report.flagged).toHaveLength(1);
  });
});

describeEachDb('the audit route checks in a worker, never on the event loop', (v) => {
  let app: FastifyInstance;
  const dataDir = tempDir('bijak-audit-worker-');
  beforeAll(async () => {
    app = await makeApp(v, { dataDir });
  });
  afterAll(() => closeApp(app));

  it('a small upload is checked by the worker (the server thread’s checker is never called)', async () => {
    const calls: string[] = [];
    const real = await app.getChecker();
    // swap the server's checker for one that records main-thread calls; the route must not use it to check posts
    (app as unknown as { getChecker: () => Promise<unknown> }).getChecker = async () => ({
      ...real,
      check: (i: { text?: string }) => {
        calls.push(i.text ?? '');
        return real.check(i as never);
      },
    });
    const s = await login(app, 'pegawai');
    const zip = makeZip(
      Object.entries(xArchive({ tweets: [{ id: '9', text: `Dasar bangsat ${'1.'.repeat(30_000)}`, date: '2024-01-01T00:00:00Z' }] })).map(([name, data]) => ({
        name,
        data,
      })),
    );
    const b = `----bijak${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="archive"; filename="x.zip"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      zip,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/me/audits',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(r.statusCode).toBe(202);
    let rep: { status: string; flagged: unknown[]; summary: { scanned: number } } | undefined;
    for (let i = 0; i < 400; i++) {
      rep = (await s.req('GET', `/api/v1/me/audits/${r.json().id}`)).json();
      if (rep?.status === 'done' || rep?.status === 'error') break;
      await new Promise((res) => setTimeout(res, 25));
    }
    expect(rep?.status).toBe('done');
    expect(rep?.summary.scanned).toBe(1);
    expect(rep?.flagged).toHaveLength(1);
    expect(calls).toEqual([]);
  });
});

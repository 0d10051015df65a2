/**
 * Shared limits on PostgreSQL (issue 12): two app nodes on one database enforce one request limit (the
 * @fastify/rate-limit store in src/server/rate-store.ts) and one login throttle, also under concurrent
 * failures on both nodes. Skipped without DATABASE_URL_PG.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dropSchema, makeApp, PG_URL } from './helpers/app.js';

if (!PG_URL) console.warn('shared-limit tests skipped: set DATABASE_URL_PG=postgres://user:pass@host/db to run them (.ci/run does).');
const suite = PG_URL ? describe : describe.skip;

suite('limits shared by the nodes of one PostgreSQL database', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    const cfg = {
      pgSchema: schema,
      rateLimit: { perIp: 8, windowMs: 60_000 },
      loginMaxFailures: 4,
      audit: { jobs: { runJobs: false } },
    };
    a = await makeApp({ name: 'postgres', enabled: true }, cfg);
    b = await makeApp({ name: 'postgres', enabled: true }, cfg);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (PG_URL) await dropSchema(schema);
  });

  it('counts requests of one client on both nodes against one limit', async () => {
    const get = (app: FastifyInstance, ip: string) => app.inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: ip });
    const ip = '10.1.0.1';
    const codes: number[] = [];
    const remaining: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await get(i % 2 ? b : a, ip);
      codes.push(r.statusCode);
      remaining.push(String(r.headers['x-ratelimit-remaining']));
    }
    expect(codes).toEqual(Array(8).fill(200));
    // one counter: the remaining count goes down across the nodes
    expect(remaining).toEqual(['7', '6', '5', '4', '3', '2', '1', '0']);
    const over = [await get(a, ip), await get(b, ip)];
    expect(over.map((r) => r.statusCode)).toEqual([429, 429]);
    expect(over[1].json().error.code).toBe('rate_limited');
    // another client is not limited
    expect((await get(b, '10.1.0.2')).statusCode).toBe(200);
  });

  it('counts concurrent requests on both nodes exactly', async () => {
    const ip = '10.1.0.3';
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a).inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: ip })));
    expect(rs.filter((r) => r.statusCode === 200)).toHaveLength(8);
    expect(rs.filter((r) => r.statusCode === 429)).toHaveLength(12);
  });

  it('locks a login after failures on either node, also when they come at once', async () => {
    const ip = '10.1.0.4';
    const attempt = (app: FastifyInstance, password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'pegawai2', password }, remoteAddress: ip });
    const fails = await Promise.all([attempt(a, 'salah-1'), attempt(b, 'salah-2'), attempt(a, 'salah-3'), attempt(b, 'salah-4')]);
    expect(fails.map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    for (const app of [a, b]) {
      const locked = await attempt(app, DEMO_PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('rate_limited');
    }
  });
});

suite('request limits leased in blocks by the nodes (src/server/rate-store.ts)', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let a: FastifyInstance;
  let b: FastifyInstance;
  // 100 a window: each node leases blocks of min(100, 100 / 20) = 5
  const LIMIT = 100;
  const BLOCK = 5;

  beforeAll(async () => {
    const cfg = { pgSchema: schema, rateLimit: { perIp: LIMIT, windowMs: 60_000 }, audit: { jobs: { runJobs: false } } };
    a = await makeApp({ name: 'postgres', enabled: true }, cfg);
    b = await makeApp({ name: 'postgres', enabled: true }, cfg);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (PG_URL) await dropSchema(schema);
  });

  const get = (app: FastifyInstance, ip: string) => app.inject({ method: 'GET', url: '/api/v1/platforms', remoteAddress: ip });
  const leased = async (ip: string) =>
    Number((await a.systemDb.selectFrom('rate_counters').select('count').where('key', '=', `g|ip:${ip}`).executeTakeFirst())?.count ?? 0);

  it('takes a block from the shared counter, not a round trip per request', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 3; i++) expect((await get(a, ip)).statusCode).toBe(200);
    expect(await leased(ip)).toBe(BLOCK);
    for (let i = 0; i < 3; i++) expect((await get(a, ip)).statusCode).toBe(200);
    expect(await leased(ip)).toBe(2 * BLOCK);
  });

  it('never admits more than the limit across the nodes, and refuses at most (nodes - 1) x (block - 1) early', async () => {
    const ip = '10.2.0.2';
    // b leases a block and uses 3 of it; a then takes everything that is left
    for (let i = 0; i < 3; i++) expect((await get(b, ip)).statusCode).toBe(200);
    let onA = 0;
    for (let i = 0; i < LIMIT + 20; i++) if ((await get(a, ip)).statusCode === 200) onA++;
    expect(onA).toBe(LIMIT - BLOCK); // refused while b still holds 2 of its block: 2 <= (2 - 1) x (5 - 1)
    // b serves the rest of its block, then refuses too: exactly the limit in all
    let onB = 0;
    for (let i = 0; i < 10; i++) if ((await get(b, ip)).statusCode === 200) onB++;
    expect(onB).toBe(BLOCK - 3);
    expect(3 + onA + onB).toBe(LIMIT);
    const over = await get(a, ip);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
  });

  it('under concurrent requests on both nodes admits at most the limit and at least the limit minus the slack', async () => {
    const ip = '10.2.0.3';
    const rs = await Promise.all(Array.from({ length: 160 }, (_, i) => get(i % 2 ? b : a, ip)));
    const ok = rs.filter((r) => r.statusCode === 200).length;
    expect(ok).toBeLessThanOrEqual(LIMIT);
    expect(ok).toBeGreaterThanOrEqual(LIMIT - (2 - 1) * (BLOCK - 1));
    expect(rs.filter((r) => r.statusCode === 429)).toHaveLength(160 - ok);
  });
});

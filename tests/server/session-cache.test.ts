/**
 * The session cache (src/server/session-cache.ts, issue 12 speed): a node keeps resolved sessions for a few
 * seconds, and every node forgets them as soon as another node ends or changes them (PostgreSQL NOTIFY).
 * The nodes here cache for a minute, so only the notification can make a change visible in time.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from '../../src/db/tenant.js';
import { SessionCache } from '../../src/server/session-cache.js';
import type { SessionUser } from '../../src/server/types.js';
import { dropSchema, login, makeApp, PG_URL } from './helpers/app.js';

const user = (id: string): SessionUser => ({
  id,
  username: id,
  name: id,
  role: 'pegawai',
  unitId: 'u',
  unitName: 'U',
  locale: 'id',
  orgId: DEFAULT_ORG_ID,
  orgName: 'O',
  superAdmin: false,
});

describe('SessionCache', () => {
  const entry = (id: string, at = Date.now()) => ({ user: user(id), csrfToken: 'c', expiresAt: at + 3_600_000, at });

  it('answers only while live, within its time to live and before the session expires', () => {
    const c = new SessionCache(1000);
    c.put('h1', entry('a'), c.generation());
    expect(c.get('h1')).toBeUndefined(); // not live: nothing is cached
    c.setLive(true);
    c.put('h1', entry('a'), c.generation());
    expect(c.get('h1')?.user.id).toBe('a');
    expect(c.get('h1', Date.now() + 1500)).toBeUndefined();
    c.put('h2', { ...entry('b'), expiresAt: Date.now() - 1 }, c.generation());
    expect(c.get('h2')).toBeUndefined();
    c.put('h3', entry('c'), c.generation());
    c.setLive(false); // the listening connection dropped: everything is forgotten
    c.setLive(true);
    expect(c.get('h3')).toBeUndefined();
  });

  it('forgets a user, or everyone, and does not cache a lookup that started before a change', () => {
    const c = new SessionCache(60_000);
    c.setLive(true);
    c.put('a1', entry('a'), c.generation());
    c.put('a2', entry('a'), c.generation());
    c.put('b1', entry('b'), c.generation());
    c.forget('a');
    expect([c.get('a1'), c.get('a2')]).toEqual([undefined, undefined]);
    expect(c.get('b1')?.user.id).toBe('b');
    const before = c.generation();
    c.forget('x'); // a notification arrives while a lookup is on its way
    c.put('b2', entry('b'), before);
    expect(c.get('b2')).toBeUndefined();
    c.forget('*');
    expect(c.size).toBe(0);
  });

  it('keeps at most its number of entries', () => {
    const c = new SessionCache(60_000, 3);
    c.setLive(true);
    for (const k of ['1', '2', '3', '4']) c.put(k, entry(k), c.generation());
    expect(c.size).toBe(3);
    expect(c.get('1')).toBeUndefined();
    expect(c.get('4')?.user.id).toBe('4');
  });
});

const suite = PG_URL ? describe : describe.skip;

suite('sessions cached on two nodes of one PostgreSQL database', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    const cfg = { pgSchema: schema, sessionCacheMs: 60_000, audit: { jobs: { runJobs: false } } };
    a = await makeApp({ name: 'postgres', enabled: true }, cfg);
    b = await makeApp({ name: 'postgres', enabled: true }, cfg);
    for (let i = 0; i < 100 && !(a.sessionCache?.isLive && b.sessionCache?.isLive); i++) await new Promise((r) => setTimeout(r, 50));
    expect(a.sessionCache?.isLive && b.sessionCache?.isLive).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (PG_URL) await dropSchema(schema);
  });

  const me = (app: FastifyInstance, cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  /** Polls until the node answers `status` (a notification takes milliseconds; the cache would keep it a minute). */
  const until = async (app: FastifyInstance, cookie: string, ok: (r: Awaited<ReturnType<typeof me>>) => boolean) => {
    for (let i = 0; i < 60; i++) {
      const r = await me(app, cookie);
      if (ok(r)) return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    return me(app, cookie);
  };

  it('serves a session from the cache (a row deleted behind the server’s back stays valid until a notification)', async () => {
    const s = await login(a, 'pegawai');
    expect((await me(b, s.cookie)).statusCode).toBe(200);
    // the session row goes without the server knowing: the cache still answers (which is why every change notifies)
    await b.systemDb.deleteFrom('sessions').where('user_id', '=', s.user.id).execute();
    expect((await me(b, s.cookie)).statusCode).toBe(200);
    await a.authChanged(s.user.id);
    expect((await until(b, s.cookie, (r) => r.statusCode === 401)).statusCode).toBe(401);
  });

  it('a logout on one node ends the session on the other at once', async () => {
    const s = await login(a, 'pegawai2');
    expect((await me(b, s.cookie)).statusCode).toBe(200); // cached on b
    expect((await me(a, s.cookie)).statusCode).toBe(200); // and on a
    const out = await b.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.statusCode).toBe(200);
    expect((await me(b, s.cookie)).statusCode).toBe(401); // the node that logged out: at once
    expect((await until(a, s.cookie, (r) => r.statusCode === 401)).statusCode).toBe(401); // the other: by notification
  });

  it('a role change by an admin on one node ends the user’s sessions on the other; a settings change shows there', async () => {
    const admin = await login(a, 'admin');
    const s = await login(a, 'humas');
    const t = await login(b, 'atasan');
    expect((await me(b, s.cookie)).json().user.role).toBe('humas');
    expect((await me(a, t.cookie)).json().user.locale).toBe('id');
    const ch = await admin.req('PUT', `/api/v1/admin/users/${s.user.id}`, { role: 'pegawai' });
    expect(ch.statusCode).toBe(200);
    expect((await until(b, s.cookie, (r) => r.statusCode === 401)).statusCode).toBe(401);
    const set = await t.req('PUT', '/api/v1/me/settings', { saveHistory: true, locale: 'en' });
    expect(set.statusCode).toBe(200);
    expect((await until(a, t.cookie, (r) => r.json().user?.locale === 'en')).json().user.locale).toBe('en');
  });
});

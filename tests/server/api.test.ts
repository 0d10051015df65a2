import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiError, closeApp, DEMO_PASSWORD, demoDb, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

describeEachDb('public API, auth, CSRF, validation', (v) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp(v, { rateLimit: { check: 1000 } });
  });
  afterAll(() => closeApp(app));

  it('answers /healthz with the database kind', async () => {
    const r = await app.inject('/healthz');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', db: v.name });
  });

  it('serves the OpenAPI 3.1 document with every route', async () => {
    const r = await app.inject('/api/v1/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/check', '/api/v1/auth/login', '/api/v1/me/accounts/{id}', '/api/v1/units/{unitId}/dashboard', '/api/v1/admin/policy'])
      expect(doc.paths[p]).toBeTruthy();
    expect(doc.paths['/api/v1/check'].post.requestBody.content['application/json'].schema).toBeTruthy();
  });

  it('lists platforms with their limits', async () => {
    const r = await app.inject('/api/v1/platforms');
    const x = r.json().find((p: { id: string }) => p.id === 'x');
    expect(x).toEqual({ id: 'x', label: expect.any(String), limit: 280 });
  });

  it('checks posts and accounts anonymously and stores nothing', async () => {
    const before = await demoDb(app)
      .selectFrom('drafts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const r = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'Selamat pagi, jangan lupa lapor SPT.', platform: 'x' } });
    expect(r.statusCode).toBe(200);
    expect(Array.isArray(r.json().findings)).toBe(true);
    const a = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { handle: 'kemenkeu_ri_fans', displayName: 'Kemenkeu RI' } });
    expect(a.statusCode).toBe(200);
    expect(Array.isArray(a.json().findings)).toBe(true);
    const after = await demoDb(app)
      .selectFrom('drafts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it('rejects invalid bodies with the one error format naming the field', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 42 } });
    expect(r.statusCode).toBe(400);
    const e = apiError(r);
    expect(e.code).toBe('validation_error');
    expect(e.details?.[0].path).toBe('body.text');
    const long = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'a'.repeat(20_001) } });
    expect(long.statusCode).toBe(400);
    const plat = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'hai', platform: 'myspace' } });
    expect(apiError(plat).details?.[0].path).toBe('body.platform');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/check', headers: { 'content-type': 'application/json' }, payload: '{"text": ' });
    expect(bad.statusCode).toBe(400);
    expect(apiError(bad).code).toBe('validation_error');
    const unknown = await app.inject('/api/v1/does-not-exist');
    expect(unknown.statusCode).toBe(404);
    expect(apiError(unknown).code).toBe('not_found');
  });

  it('limits body size (413)', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/check',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(300_000) }),
    });
    expect(r.statusCode).toBe(413);
    expect(apiError(r).code).toBe('payload_too_large');
  });

  it('sets security headers', async () => {
    // API answers carry the fixed headers with a CSP that allows nothing (src/server/route.ts); pages keep helmet's
    const r = await app.inject('/api/v1/platforms');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    const me = await app.inject('/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.headers['content-security-policy']).toBeTruthy(); // errors too
    expect(me.headers['x-content-type-options']).toBe('nosniff');
    const c = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'halo' } });
    expect(c.headers['x-content-type-options']).toBe('nosniff');
    expect(c.headers['content-security-policy']).toContain("default-src 'none'");
    expect(c.headers['strict-transport-security']).toBeTruthy();
  });

  it('logs in with an httpOnly SameSite=Lax cookie, returns the user and CSRF token, logs out', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'pegawai', password: DEMO_PASSWORD } });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^bijak_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = r.json();
    expect(body.user).toMatchObject({ username: 'pegawai', role: 'pegawai', unitName: 'Kanwil DJP Jakarta Selatan', locale: 'id' });
    expect(body.user.password_hash).toBeUndefined();
    expect(typeof body.csrfToken).toBe('string');
    const c = cookie.split(';')[0];
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: c } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });
    // logout needs the CSRF token
    const noToken = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c } });
    expect(noToken.statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c, 'x-csrf-token': body.csrfToken } });
    expect(out.json()).toEqual({ ok: true });
    const after = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: c } });
    expect(after.statusCode).toBe(401);
    expect(apiError(after).code).toBe('unauthenticated');
  });

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const s = await login(app, 'humas');
    const token = decodeURIComponent(s.cookie.split('=')[1]);
    const rows = await demoDb(app).selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const u = await demoDb(app).selectFrom('users').select('password_hash').where('username', '=', 'humas').executeTakeFirstOrThrow();
    expect(u.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rejects wrong credentials with 401', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'pegawai', password: 'wrong-password' },
      remoteAddress: '10.0.0.9',
    });
    expect(r.statusCode).toBe(401);
    const u = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: '10.0.0.9' });
    expect(u.statusCode).toBe(401);
    expect(apiError(u).message).toBe(apiError(r).message);
  });

  it('throttles logins per username+IP after 5 failures, even with the right password', async () => {
    const ip = '10.0.0.77';
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'pegawai2', password: `wrong-${i}` }, remoteAddress: ip });
      expect(r.statusCode).toBe(401);
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'pegawai2', password: DEMO_PASSWORD },
      remoteAddress: ip,
    });
    expect(locked.statusCode).toBe(429);
    expect(apiError(locked).code).toBe('rate_limited');
    expect(locked.headers['retry-after']).toBeTruthy();
    // another IP is not locked out
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'pegawai2', password: DEMO_PASSWORD },
      remoteAddress: '10.0.0.78',
    });
    expect(other.statusCode).toBe(200);
  });

  it('requires the CSRF token bound to the session for cookie requests that change state', async () => {
    const a = await login(app, 'pegawai');
    const b = await login(app, 'pegawai2');
    const body = { saveHistory: true, locale: 'en' };
    expect((await a.req('PUT', '/api/v1/me/settings', body, { csrf: null })).statusCode).toBe(403);
    expect((await a.req('PUT', '/api/v1/me/settings', body, { csrf: 'forged' })).statusCode).toBe(403);
    // another session's token does not work
    const cross = await a.req('PUT', '/api/v1/me/settings', body, { csrf: b.csrf });
    expect(cross.statusCode).toBe(403);
    expect(apiError(cross).details?.[0].path).toBe('headers.x-csrf-token');
    const ok = await a.req('PUT', '/api/v1/me/settings', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual(body);
    // GET needs no token
    expect((await a.req('GET', '/api/v1/me/settings', undefined, { csrf: null })).json()).toEqual(body);
    await a.req('PUT', '/api/v1/me/settings', { saveHistory: true, locale: 'id' });
  });

  it('requires login for the workspace routes', async () => {
    for (const url of ['/api/v1/me/home', '/api/v1/me/accounts', '/api/v1/me/visibility', '/api/v1/admin/users', '/api/v1/me/audits']) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(401);
      expect(apiError(r).code).toBe('unauthenticated');
    }
  });
});

describeEachDb('rate limits and configuration', (v) => {
  let app: FastifyInstance;
  let locked: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp(v, { rateLimit: { check: 3, perIp: 8, perUser: 1000 } });
    locked = await makeApp(v, { checkRequiresLogin: true });
  });
  afterAll(async () => {
    await closeApp(app);
    await closeApp(locked);
  });

  it('rate-limits /check per IP with the one error format', async () => {
    const send = (ip: string) => app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'halo' }, remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await send('10.1.0.1')).statusCode).toBe(200);
    const r = await send('10.1.0.1');
    expect(r.statusCode).toBe(429);
    expect(apiError(r).code).toBe('rate_limited');
    expect((await send('10.1.0.2')).statusCode).toBe(200);
  });

  it('rate-limits every route per IP for anonymous callers and per user when logged in', async () => {
    for (let i = 0; i < 8; i++) expect((await app.inject({ url: '/api/v1/platforms', remoteAddress: '10.2.0.1' })).statusCode).toBe(200);
    const r = await app.inject({ url: '/api/v1/platforms', remoteAddress: '10.2.0.1' });
    expect(r.statusCode).toBe(429);
    // a logged-in user from the same IP has their own (higher) budget
    const s = await login(app, 'pegawai', DEMO_PASSWORD, '10.2.0.2');
    const r2 = await app.inject({ url: '/api/v1/platforms', remoteAddress: '10.2.0.1', headers: { cookie: s.cookie } });
    expect(r2.statusCode).toBe(200);
  });

  it('can require login for /check', async () => {
    const r = await locked.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'halo' } });
    expect(r.statusCode).toBe(401);
    const s = await login(locked, 'pegawai');
    const ok = await s.req('POST', '/api/v1/check', { text: 'halo' });
    expect(ok.statusCode).toBe(200);
  });
});

export type { Session };

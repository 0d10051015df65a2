// GET /api/v1/policy: the active policy for any signed-in user (the browser extension's policy source), on both
// databases; it follows policy edits and is refused without a session.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeApp, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

describeEachDb('policy for the browser extension', (v) => {
  let app: FastifyInstance;
  let peg: Session;
  let admin: Session;
  beforeAll(async () => {
    app = await makeApp(v);
    peg = await login(app, 'pegawai');
    admin = await login(app, 'admin');
  });
  afterAll(() => closeApp(app));

  it('is refused without a session', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/policy' });
    expect(r.statusCode).toBe(401);
  });

  it('gives an employee the active policy, and follows an edit', async () => {
    const r0 = await peg.req('GET', '/api/v1/policy');
    expect(r0.statusCode).toBe(200);
    const cur = (await admin.req('GET', '/api/v1/admin/policy')).json();
    expect(r0.json()).toEqual({ version: cur.version, policy: cur.policy, updatedAt: cur.updatedAt });
    expect(r0.json()).not.toHaveProperty('updatedBy');
    const next = { ...cur.policy, selfCheckIntervalDays: 30 };
    const put = await admin.req('PUT', '/api/v1/admin/policy', { policy: next });
    expect(put.statusCode).toBe(200);
    const r1 = (await peg.req('GET', '/api/v1/policy')).json();
    expect(r1.version).toBe(cur.version + 1);
    expect(r1.policy.selfCheckIntervalDays).toBe(30);
  });
});

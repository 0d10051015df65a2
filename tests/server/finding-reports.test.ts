// Wrong-finding reports (sent by the browser extension after the user's consent): stored per user, validated at the
// edge with errors naming the field, readable by admin and humas only; on SQLite and PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeApp, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

describeEachDb('wrong-finding reports', (v) => {
  let app: FastifyInstance;
  let peg: Session;
  let admin: Session;
  let humas: Session;
  beforeAll(async () => {
    app = await makeApp(v);
    [peg, admin, humas] = await Promise.all(['pegawai', 'admin', 'humas'].map((u) => login(app, u)));
  });
  afterAll(() => closeApp(app));

  const report = { text: 'Dasar goblok lu', site: 'x', ruleId: 'abusive/profanity', category: 'abusive', range: [6, 12], note: 'kutipan berita' };

  it('is refused without a session, and without the CSRF token of a cookie session', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/v1/feedback/findings', payload: report })).statusCode).toBe(401);
    expect((await peg.req('POST', '/api/v1/feedback/findings', report, { csrf: null })).statusCode).toBe(403);
  });

  it('names the bad field', async () => {
    const r = await peg.req('POST', '/api/v1/feedback/findings', { ...report, range: [6, 99] });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json().error.details)).toContain('range');
    const c = await peg.req('POST', '/api/v1/feedback/findings', { ...report, category: 'rude' });
    expect(c.statusCode).toBe(400);
    expect(JSON.stringify(c.json().error.details)).toContain('category');
    const big = await peg.req('POST', '/api/v1/feedback/findings', { ...report, text: 'a'.repeat(70_001) });
    expect(big.statusCode).toBe(400);
  });

  it('stores a report that admin and humas read back, and an employee cannot', async () => {
    const r = await peg.req('POST', '/api/v1/feedback/findings', report);
    expect(r.statusCode).toBe(201);
    const { id } = r.json();
    for (const s of [admin, humas]) {
      const list = (await s.req('GET', '/api/v1/admin/finding-reports')).json();
      expect(list.find((x: { id: string }) => x.id === id)).toMatchObject({ ...report, userName: expect.any(String) });
    }
    expect((await peg.req('GET', '/api/v1/admin/finding-reports')).statusCode).toBe(403);
  });
});

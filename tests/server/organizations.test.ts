/**
 * Organisations (issue 12): only a super-admin lists and creates them; bad input is refused naming the field and
 * nothing is stored; a taken code is a 409; the new organisation's admin logs in (with the code when the username
 * exists elsewhere too), starts with the default policy, an empty KB and library, and sees only its own users.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiError, closeApp, DEMO_PASSWORD, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

const body = (code: string) => ({
  code,
  name: 'Kementerian Dalam Negeri',
  unit: { code: 'KEMENDAGRI', name: 'Kementerian Dalam Negeri' },
  admin: { username: 'admin.dagri', name: 'Admin Dagri', password: DEMO_PASSWORD },
});

describeEachDb('organisations (super-admin)', (v) => {
  let app: FastifyInstance;
  let admin: Session;

  beforeAll(async () => {
    app = await makeApp(v);
    admin = await login(app, 'admin');
  });
  afterAll(() => closeApp(app));

  it('lists the demo organisation for a super-admin only', async () => {
    const r = await admin.req('GET', '/api/v1/organizations');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual([expect.objectContaining({ code: 'kemenkeu', name: 'Kementerian Keuangan', users: 6 })]);
    for (const u of ['humas', 'atasan', 'pegawai']) {
      const s = await login(app, u);
      const f = await s.req('GET', '/api/v1/organizations');
      expect(f.statusCode).toBe(403);
      expect(apiError(f).message).toMatch(/super-admin/);
      expect((await s.req('POST', '/api/v1/organizations', body('x-org'))).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/organizations' })).statusCode).toBe(401);
  });

  it('refuses bad input naming the field and stores nothing', async () => {
    const bad = await admin.req('POST', '/api/v1/organizations', { ...body('Bukan Kode!'), admin: { ...body('x').admin, password: 'pendek' } });
    expect(bad.statusCode).toBe(400);
    const paths = apiError(bad).details?.map((d) => d.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.admin.password']));
    expect((await admin.req('GET', '/api/v1/organizations')).json()).toHaveLength(1);
  });

  it('creates an organisation with its root unit and first admin; a taken code is a 409', async () => {
    const r = await admin.req('POST', '/api/v1/organizations', body('kemendagri'));
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ code: 'kemendagri', name: 'Kementerian Dalam Negeri' });
    const again = await admin.req('POST', '/api/v1/organizations', body('kemendagri'));
    expect(again.statusCode).toBe(409);
    expect(apiError(again).details?.[0].path).toBe('body.code');
    const list = (await admin.req('GET', '/api/v1/organizations')).json() as Array<{ code: string; users: number }>;
    expect(list.find((o) => o.code === 'kemendagri')?.users).toBe(1);

    const dagri = await login(app, 'admin.dagri');
    expect(dagri.user).toMatchObject({ role: 'admin', orgName: 'Kementerian Dalam Negeri', superAdmin: false });
    expect(((await dagri.req('GET', '/api/v1/admin/users')).json() as unknown[]).length).toBe(1);
    expect((await dagri.req('GET', '/api/v1/admin/units')).json()).toEqual([expect.objectContaining({ code: 'KEMENDAGRI', parentId: null })]);
    expect((await dagri.req('GET', '/api/v1/admin/policy')).json().version).toBe(0);
    expect((await dagri.req('GET', '/api/v1/kb/entries')).json().total).toBe(0);
    expect((await dagri.req('GET', '/api/v1/library/items')).json()).toEqual([]);
    expect((await dagri.req('GET', '/api/v1/organizations')).statusCode).toBe(403);
    // its log starts with its creation
    const log = (await dagri.req('GET', '/api/v1/admin/audit-log')).json() as Array<{ action: string }>;
    expect(log.map((e) => e.action)).toEqual(['org_create']);
    // a policy change in one organisation does not change the other's
    const p = (await dagri.req('GET', '/api/v1/admin/policy')).json().policy;
    expect((await dagri.req('PUT', '/api/v1/admin/policy', { policy: { ...p, allow: ['frasa dagri'] } })).statusCode).toBe(200);
    expect((await admin.req('GET', '/api/v1/admin/policy')).json().policy.allow).not.toContain('frasa dagri');
  });
});

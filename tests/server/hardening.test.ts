/**
 * Issue 13, server side: the CSV user import goes through the same safeguards as PUT /admin/users
 * ((a) the last admin, (b) sessions end on a password or role change, (c) one audit-log entry per changed
 * user saying what changed, (d) the 5,000-row limit counts data rows), on SQLite and PostgreSQL; and request
 * bodies: invalid UTF-8 gets 400, an unknown-keys error names each key once and is bounded.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, runAsTenant } from '../../src/db/tenant.js';
import { MAX_IMPORT_ROWS } from '../../src/server/routes/admin-users.js';
import { changeUser } from '../../src/server/user-change.js';
import { apiError, closeApp, DEMO_PASSWORD, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

const CSV = { headers: { 'content-type': 'text/csv' } };
const HEADER = 'username,name,role,unit_code,password';

interface Entry {
  action: string;
  subjectUserId: string | null;
  detail: Record<string, unknown>;
}

describeEachDb('CSV user import: the safeguards of PUT /admin/users', (v) => {
  let app: FastifyInstance;
  let admin: Session;
  const userId = async (username: string): Promise<string> =>
    (await admin.req('GET', '/api/v1/admin/users')).json().find((u: { username: string }) => u.username === username).id;
  const logOf = async (id: string): Promise<Entry[]> => (await admin.req('GET', `/api/v1/admin/audit-log?userId=${id}`)).json();

  beforeAll(async () => {
    app = await makeApp(v);
    admin = await login(app, 'admin');
  });
  afterAll(() => closeApp(app));

  it('(a) the last admin cannot be demoted through the CSV (a row error, as PUT answers 409)', async () => {
    const put = await admin.req('PUT', `/api/v1/admin/users/${admin.user.id}`, { role: 'pegawai' });
    expect(put.statusCode).toBe(409);
    const r = await admin.req('POST', '/api/v1/admin/users/import', [HEADER, 'admin,Admin Bijak,pegawai,KEMENKEU,'].join('\n'), CSV);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.updated).toBe(0);
    expect(b.errors).toHaveLength(1);
    expect(b.errors[0].line).toBe(2);
    expect(b.errors[0].message).toMatch(/admin/i);
    const admins = (await admin.req('GET', '/api/v1/admin/users')).json().filter((u: { role: string }) => u.role === 'admin');
    expect(admins.map((u: { username: string }) => u.username)).toEqual(['admin']);
    // the shared path refuses the last admin whoever acts (a future bulk tool, the system)
    await expect(runAsTenant(DEFAULT_ORG_ID, () => changeUser(app, null, admin.user.id, { role: 'pegawai' }, 'bulk'))).rejects.toMatchObject({
      code: 'conflict',
      statusCode: 409,
    });
    expect((await admin.req('GET', '/api/v1/auth/me')).json().user.role).toBe('admin');
  });

  it('(a) another admin may be demoted by CSV, and that ends their sessions', async () => {
    const unitId = admin.user.unitId;
    const created = await admin.req('POST', '/api/v1/admin/users', {
      username: 'admin2',
      name: 'Admin Dua',
      role: 'admin',
      unitId,
      password: 'admin2-password',
    });
    expect(created.statusCode).toBe(200);
    const admin2 = await login(app, 'admin2', 'admin2-password');
    const r = await admin.req(
      'POST',
      '/api/v1/admin/users/import',
      [HEADER, 'admin2,Admin Dua,pegawai,KEMENKEU,', 'admin,Admin Bijak,humas,KEMENKEU,'].join('\n'),
      CSV,
    );
    const b = r.json();
    expect(b.updated).toBe(1);
    expect(b.errors.map((e: { line: number }) => e.line)).toEqual([3]); // your own admin role stays
    expect((await admin2.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('(b) a password reset by CSV ends that user’s sessions, and the new password works', async () => {
    const pegawai = await login(app, 'pegawai');
    expect((await pegawai.req('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const r = await admin.req(
      'POST',
      '/api/v1/admin/users/import',
      [HEADER, 'pegawai,Siti Rahmawati,pegawai,KANWIL-DJP-JAKSEL,csv-new-password-1'].join('\n'),
      CSV,
    );
    expect(r.json()).toMatchObject({ created: 0, updated: 1, unchanged: 0, errors: [] });
    expect((await pegawai.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    await expect(login(app, 'pegawai', DEMO_PASSWORD)).rejects.toThrow(/401/);
    expect((await login(app, 'pegawai', 'csv-new-password-1')).user.username).toBe('pegawai');
    // a role change by CSV ends sessions too; a row that changes nothing does not
    const agus = await login(app, 'pegawai2');
    const same = await admin.req('POST', '/api/v1/admin/users/import', [HEADER, 'pegawai2,Agus Pratama,pegawai,DJBC,'].join('\n'), CSV);
    expect(same.json()).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await agus.req('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await admin.req('POST', '/api/v1/admin/users/import', [HEADER, 'pegawai2,Agus Pratama,atasan,DJBC,'].join('\n'), CSV);
    expect((await agus.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('(c) one audit-log entry per changed user, saying what changed and never the password', async () => {
    const atasanId = await userId('atasan');
    const before = (await logOf(atasanId)).length;
    const csv = [
      HEADER,
      'atasan,Budi Santoso S.E.,atasan,DJBC,atasan-secret-pw',
      'baru,Pegawai Baru,pegawai,DJP,baru-secret-pw',
      'humas,Humas Kemenkeu,humas,KEMENKEU,',
    ].join('\n');
    const r = await admin.req('POST', '/api/v1/admin/users/import', csv, CSV);
    expect(r.json()).toMatchObject({ created: 1, updated: 1, unchanged: 1, errors: [] });
    const entries = await logOf(atasanId);
    expect(entries.length).toBe(before + 1);
    const e = entries[0] as Entry;
    expect(e.action).toBe('admin_update_user');
    expect(e.subjectUserId).toBe(atasanId);
    expect(e.detail).toMatchObject({
      source: 'csv',
      username: 'atasan',
      passwordChanged: true,
      sessionsEnded: true,
      changes: { name: { from: 'Budi Santoso', to: 'Budi Santoso S.E.' }, unitId: { to: expect.any(String) } },
    });
    expect((e.detail.changes as Record<string, unknown>).role).toBeUndefined();
    const baru = await logOf(await userId('baru'));
    expect(baru.map((x) => x.action)).toEqual(['admin_create_user']);
    expect(baru[0]?.detail).toMatchObject({ source: 'csv', username: 'baru', role: 'pegawai' });
    // the unchanged row left no entry; no entry anywhere holds a password
    expect((await logOf(await userId('humas'))).some((x) => x.action === 'admin_update_user')).toBe(false);
    const all = (await admin.req('GET', '/api/v1/admin/audit-log?limit=500')).body;
    expect(all).not.toContain('atasan-secret-pw');
    expect(all).not.toContain('baru-secret-pw');
    expect(all).not.toContain('csv-new-password-1');
    // PUT writes the same kind of entry through the same path
    await admin.req('PUT', `/api/v1/admin/users/${atasanId}`, { name: 'Budi Santoso', password: 'put-secret-pw-1' });
    const put = (await logOf(atasanId))[0] as Entry;
    expect(put.detail).toMatchObject({ source: 'api', passwordChanged: true, changes: { name: { from: 'Budi Santoso S.E.', to: 'Budi Santoso' } } });
    expect(JSON.stringify(put)).not.toContain('put-secret-pw-1');
  });

  it('(d) the 5,000-row limit counts data rows: 5,000 are read, row 5,001 is refused whole and nothing changes', async () => {
    const rows = (n: number, first: string) => [HEADER, first, ...Array.from({ length: n - 1 }, (_, i) => `user${i},Nama ${i},pegawai,NO-UNIT,`)].join('\n');
    const ok = await admin.req('POST', '/api/v1/admin/users/import', rows(MAX_IMPORT_ROWS, 'limit5000,Lima Ribu,pegawai,NO-UNIT,'), CSV);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().errors).toHaveLength(MAX_IMPORT_ROWS); // every data row read (unknown unit), none dropped
    const users = (await admin.req('GET', '/api/v1/admin/users')).json().length;
    const over = await admin.req('POST', '/api/v1/admin/users/import', rows(MAX_IMPORT_ROWS + 1, 'limit5001,Lima Ribu Satu,pegawai,DJP,limit-password-1'), CSV);
    expect(over.statusCode).toBe(400);
    const e = apiError(over);
    expect(e.message).toContain('5.000');
    expect(e.messageEn).toContain('5,000');
    expect(e.details?.[0]).toMatchObject({ line: MAX_IMPORT_ROWS + 2 });
    expect((await admin.req('GET', '/api/v1/admin/users')).json().length).toBe(users);
  });
});

describeEachDb('request bodies: strict UTF-8 and bounded unknown-keys errors', (v) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp(v);
  });
  afterAll(() => closeApp(app));

  it('invalid UTF-8 in a JSON body gets 400 naming the problem, not replacement characters', async () => {
    const body = Buffer.concat([Buffer.from('{"text":"anjing '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const r = await app.inject({ method: 'POST', url: '/api/v1/check', headers: { 'content-type': 'application/json' }, payload: body });
    expect(r.statusCode).toBe(400);
    expect(apiError(r).messageEn).toMatch(/UTF-8/);
    // valid multi-byte UTF-8 still passes
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/check',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from('{"text":"Selamat pagi 😀 ü"}'),
    });
    expect(ok.statusCode).toBe(200);
    // prototype poisoning is still refused by Fastify's JSON parser
    const proto = await app.inject({
      method: 'POST',
      url: '/api/v1/check',
      headers: { 'content-type': 'application/json' },
      payload: '{"text":"a","__proto__":{"x":1}}',
    });
    expect(proto.statusCode).toBe(400);
  });

  it('invalid UTF-8 in a CSV upload gets 400', async () => {
    const admin = await login(app, 'admin');
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users/import',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/csv' },
      payload: Buffer.concat([Buffer.from(`${HEADER}\nandi,Andi `), Buffer.from([0xc0, 0xaf]), Buffer.from(',pegawai,DJP,andi-password-1\n')]),
    });
    expect(r.statusCode).toBe(400);
    expect(apiError(r).messageEn).toMatch(/UTF-8/);
    expect((await admin.req('GET', '/api/v1/admin/users')).json().some((u: { username: string }) => u.username === 'andi')).toBe(false);
  });

  it('an unknown-keys error lists each key once and stays bounded with thousands of keys', async () => {
    const body: Record<string, unknown> = { text: 'halo' };
    for (let i = 0; i < 3000; i++) body[`k${i}_${'x'.repeat(60)}`] = i; // about 230 KB, under the body limit
    const r = await app.inject({ method: 'POST', url: '/api/v1/check', payload: body });
    expect(r.statusCode).toBe(400);
    expect(r.body.length).toBeLessThan(4000);
    const e = apiError(r);
    expect(e.messageEn).toContain('and 2990 more');
    const few = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { text: 'halo', foo: 1, bar: 2 } });
    const fe = apiError(few);
    const keyMessages = (fe.details ?? []).filter((d) => d.message.includes('Unrecognized'));
    expect(keyMessages).toHaveLength(1);
    expect(keyMessages[0]?.message).toBe('Unrecognized keys: "foo", "bar"');
    expect(fe.messageEn.split('"foo"').length - 1).toBe(1);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfCheckStatus } from '../../src/server/serialize.js';
import { apiError, closeApp, demoDb, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

const DAY = 86_400_000;

describe('self-check schedule', () => {
  it('is due interval days after the last check, or 7 days after the account was created', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(selfCheckStatus('2026-03-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 90, now)).toEqual({
      dueAt: '2026-05-30T00:00:00.000Z',
      overdue: true,
      lastAt: '2026-03-01T00:00:00.000Z',
    });
    expect(selfCheckStatus('2026-03-10T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 90, now).overdue).toBe(false);
    expect(selfCheckStatus(null, '2026-05-30T00:00:00.000Z', 90, now)).toEqual({ dueAt: '2026-06-06T00:00:00.000Z', overdue: false, lastAt: null });
  });
});

describeEachDb('employee workspace', (v) => {
  let app: FastifyInstance;
  let peg: Session;
  let peg2: Session;
  beforeAll(async () => {
    app = await makeApp(v);
    peg = await login(app, 'pegawai');
    peg2 = await login(app, 'pegawai2');
  });
  afterAll(() => closeApp(app));

  it('shows the home overview with the self-check due date from the demo data', async () => {
    const r = await peg.req('GET', '/api/v1/me/home');
    expect(r.statusCode).toBe(200);
    const h = r.json();
    expect(h.accounts).toBe(2);
    expect(h.selfCheck.overdue).toBe(false);
    expect(Date.parse(h.selfCheck.dueAt) - Date.parse(h.selfCheck.lastAt)).toBe(90 * DAY);
    const h2 = (await peg2.req('GET', '/api/v1/me/home')).json();
    expect(h2.selfCheck.overdue).toBe(true); // last check 120 days ago
  });

  it('records a self-check and moves the due date', async () => {
    const before = Date.now();
    const r = await peg2.req('POST', '/api/v1/me/self-checks', {
      twoFactor: true,
      passwordChanged: true,
      displayNameOk: true,
      postsReviewed: false,
      note: 'cek',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ twoFactor: true, postsReviewed: false, note: 'cek', accountId: null });
    const h = (await peg2.req('GET', '/api/v1/me/home')).json();
    expect(h.selfCheck.overdue).toBe(false);
    expect(Date.parse(h.selfCheck.dueAt)).toBeGreaterThanOrEqual(before + 90 * DAY - 1000);
    const list = (await peg2.req('GET', '/api/v1/me/self-checks')).json();
    expect(list[0].note).toBe('cek');
    expect(list.length).toBe(2);
    // someone else's account id is refused
    const mine = (await peg.req('GET', '/api/v1/me/accounts')).json();
    const bad = await peg2.req('POST', '/api/v1/me/self-checks', {
      accountId: mine[0].id,
      twoFactor: true,
      passwordChanged: true,
      displayNameOk: true,
      postsReviewed: true,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('manages own accounts with findings; another employee cannot touch them', async () => {
    const r = await peg.req('POST', '/api/v1/me/accounts', { platform: 'instagram', handle: '@kemenkeu_siti', displayName: 'Siti Kemenkeu' });
    expect(r.statusCode).toBe(200);
    const acc = r.json();
    expect(acc).toMatchObject({ platform: 'instagram', handle: 'kemenkeu_siti', displayName: 'Siti Kemenkeu', bio: '' });
    expect(Array.isArray(acc.findings)).toBe(true);
    const other = await peg2.req('PUT', `/api/v1/me/accounts/${acc.id}`, { platform: 'x', handle: 'stolen' });
    expect(other.statusCode).toBe(404);
    expect((await peg2.req('DELETE', `/api/v1/me/accounts/${acc.id}`)).statusCode).toBe(404);
    const upd = await peg.req('PUT', `/api/v1/me/accounts/${acc.id}`, { platform: 'x', handle: 'siti_r' });
    expect(upd.json()).toMatchObject({ id: acc.id, platform: 'x', handle: 'siti_r' });
    expect((await peg.req('DELETE', `/api/v1/me/accounts/${acc.id}`)).json()).toEqual({ ok: true });
    const bad = await peg.req('POST', '/api/v1/me/accounts', { platform: 'x', handle: '' });
    expect(apiError(bad).details?.[0].path).toBe('body.handle');
  });

  it('keeps drafts only when history is on, unless shared with the supervisor', async () => {
    const off = await peg2.req('POST', '/api/v1/me/drafts', { text: 'Draf pertama' });
    expect(off.statusCode).toBe(409);
    expect(apiError(off).code).toBe('history_disabled');
    const shared = await peg2.req('POST', '/api/v1/me/drafts', { text: 'Draf dibagikan', shareWithSupervisor: true });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ text: 'Draf dibagikan', sharedWithSupervisor: true, findings: expect.any(Array) });
    const list = (await peg2.req('GET', '/api/v1/me/drafts')).json();
    expect(list.every((d: { sharedWithSupervisor: boolean }) => d.sharedWithSupervisor)).toBe(true);
    await peg2.req('PUT', '/api/v1/me/settings', { saveHistory: true, locale: 'id' });
    const on = await peg2.req('POST', '/api/v1/me/drafts', { text: 'Draf pribadi', platform: 'x' });
    expect(on.json()).toMatchObject({ text: 'Draf pribadi', platform: 'x', sharedWithSupervisor: false });
    expect((await peg2.req('GET', '/api/v1/me/drafts')).json().some((d: { id: string }) => d.id === on.json().id)).toBe(true);
    // another employee cannot delete it
    expect((await peg.req('DELETE', `/api/v1/me/drafts/${on.json().id}`)).statusCode).toBe(404);
    // turning history off deletes unshared drafts
    await peg2.req('PUT', '/api/v1/me/settings', { saveHistory: false, locale: 'id' });
    const n = await demoDb(app).selectFrom('drafts').select('id').where('id', '=', on.json().id).executeTakeFirst();
    expect(n).toBeUndefined();
  });

  it('says what the supervisor can see', async () => {
    const r = (await peg.req('GET', '/api/v1/me/visibility')).json();
    expect(r.supervisorCanSee.length).toBeGreaterThan(2);
    expect(Array.isArray(r.accessLog)).toBe(true);
  });
});

describeEachDb('authorisation and the audit log', (v) => {
  let app: FastifyInstance;
  let admin: Session;
  let atasan: Session;
  let humas: Session;
  let peg: Session;
  let peg2: Session;
  let units: Record<string, string>;
  beforeAll(async () => {
    app = await makeApp(v);
    [admin, atasan, humas, peg, peg2] = await Promise.all(['admin', 'atasan', 'humas', 'pegawai', 'pegawai2'].map((u) => login(app, u)));
    units = Object.fromEntries((await admin.req('GET', '/api/v1/admin/units')).json().map((u: { code: string; id: string }) => [u.code, u.id]));
  });
  afterAll(() => closeApp(app));

  const accessLogOf = async (s: Session) =>
    (await s.req('GET', '/api/v1/me/visibility')).json().accessLog as Array<{ actorId: string; action: string; subjectUserId: string }>;

  it('lets a supervisor see their unit and sub-units only', async () => {
    const own = await atasan.req('GET', `/api/v1/units/${units.DJP}/dashboard`);
    expect(own.statusCode).toBe(200);
    const d = own.json();
    expect(d.unit.name).toBe('Direktorat Jenderal Pajak');
    expect(d.subunits.map((u: { name: string }) => u.name)).toEqual(['Kanwil DJP Jakarta Selatan']);
    expect(d.employees).toBe(1);
    expect(d.accountsRegistered).toBe(2);
    expect(d.sharedFindings.every((f: { userName: string }) => f.userName === 'Siti Rahmawati')).toBe(true);
    expect(Array.isArray(d.findingsOverTime)).toBe(true);
    expect((await atasan.req('GET', `/api/v1/units/${units['KANWIL-DJP-JAKSEL']}/dashboard`)).statusCode).toBe(200);
    for (const code of ['DJBC', 'KEMENKEU']) {
      const r = await atasan.req('GET', `/api/v1/units/${units[code]}/dashboard`);
      expect(r.statusCode, code).toBe(403);
      expect(apiError(r).code).toBe('forbidden');
      expect((await atasan.req('GET', `/api/v1/units/${units[code]}/employees`)).statusCode).toBe(403);
    }
    expect((await atasan.req('GET', '/api/v1/units/no-such-unit/dashboard')).statusCode).toBe(403);
  });

  it('gives employees and humas no unit dashboards; admin sees all', async () => {
    for (const s of [peg, peg2, humas]) expect((await s.req('GET', `/api/v1/units/${units.KEMENKEU}/dashboard`)).statusCode).toBe(403);
    const all = await admin.req('GET', `/api/v1/units/${units.KEMENKEU}/dashboard`);
    expect(all.statusCode).toBe(200);
    expect(all.json().employees).toBe(5); // humas, humas2, atasan, pegawai, pegawai2
    expect((await admin.req('GET', '/api/v1/units/no-such-unit/dashboard')).statusCode).toBe(404);
  });

  it('stops a supervisor reading an employee of another unit, and an employee reading another employee', async () => {
    const r = await atasan.req('GET', `/api/v1/employees/${peg2.user.id}`);
    expect(r.statusCode).toBe(403);
    expect((await peg.req('GET', `/api/v1/employees/${peg2.user.id}`)).statusCode).toBe(403);
    expect((await peg2.req('GET', `/api/v1/employees/${peg.user.id}`)).statusCode).toBe(403);
    expect((await humas.req('GET', `/api/v1/employees/${peg.user.id}`)).statusCode).toBe(403);
    expect((await atasan.req('GET', '/api/v1/employees/no-such-user')).statusCode).toBe(403);
    // nothing was logged for refused views
    const refused = [atasan.user.id, peg.user.id, humas.user.id];
    expect((await accessLogOf(peg2)).filter((e) => refused.includes(e.actorId))).toEqual([]);
  });

  it('writes every view of an individual by someone else to the audit log the employee can read', async () => {
    const before = (await accessLogOf(peg)).length;
    const r = await atasan.req('GET', `/api/v1/employees/${peg.user.id}`);
    expect(r.statusCode).toBe(200);
    const e = r.json();
    expect(e.user.username).toBe('pegawai');
    expect(e.accounts.length).toBe(2);
    expect(e.sharedDrafts.every((d: { sharedWithSupervisor: boolean }) => d.sharedWithSupervisor)).toBe(true);
    expect(e.sharedDrafts.length).toBe(2); // the unshared demo draft is not shown
    expect(e.sharedDrafts.map((d: { text: string }) => d.text).join(' ')).not.toContain('DJP Online');
    let log = await accessLogOf(peg);
    expect(log.length).toBe(before + 1);
    expect(log[0]).toMatchObject({ actorId: atasan.user.id, actorName: 'Budi Santoso', action: 'view_employee', subjectUserId: peg.user.id });
    // the employee list and the dashboard's shared findings name individuals: logged too
    // (a shared draft with a stored finding, independent of which rules the checker has)
    const finding = {
      ruleId: 'partisanship/campaign-call',
      category: 'partisanship',
      severity: 'error',
      message: { id: 'x', en: 'x' },
      field: 'text',
      range: [4, 10],
      references: [],
      suggestions: [],
    };
    await demoDb(app)
      .insertInto('drafts')
      .values({
        id: 'd-test-1',
        user_id: peg.user.id,
        text: 'Ayo coblos nomor 2',
        platform: 'x',
        findings_json: JSON.stringify([finding]),
        shared: 1,
        created_at: new Date().toISOString(),
      })
      .execute();
    await atasan.req('GET', `/api/v1/units/${units.DJP}/employees`);
    await atasan.req('GET', `/api/v1/units/${units.DJP}/dashboard`);
    const dash = (await atasan.req('GET', `/api/v1/units/${units.DJP}/dashboard`)).json();
    expect(dash.sharedFindings.find((f: { draftId: string }) => f.draftId === 'd-test-1')).toMatchObject({
      userName: 'Siti Rahmawati',
      category: 'partisanship',
      excerpt: 'Ayo coblos nomor 2',
    });
    expect(dash.findingsByCategory.partisanship).toBeGreaterThanOrEqual(1);
    log = await accessLogOf(peg);
    expect(log.slice(0, 3).map((x) => x.action)).toEqual(['view_shared_findings', 'view_shared_findings', 'view_employee_list']);
    // admin views are logged as well; looking at oneself is not
    await admin.req('GET', `/api/v1/employees/${peg2.user.id}`);
    expect((await accessLogOf(peg2))[0]).toMatchObject({ actorId: admin.user.id, action: 'view_employee' });
    const self = await peg.req('GET', `/api/v1/employees/${peg.user.id}`);
    expect(self.statusCode).toBe(200);
    const own = await demoDb(app).selectFrom('audit_log').select('id').where('actor_id', '=', peg.user.id).execute();
    expect(own.length).toBe(0);
    // the admin audit log shows the same entries
    const adminLog = (await admin.req('GET', `/api/v1/admin/audit-log?userId=${peg.user.id}&limit=50`)).json();
    expect(adminLog.filter((x: { action: string }) => x.action === 'view_employee').length).toBeGreaterThanOrEqual(1);
  });

  it('keeps the audit log append-only in the database', async () => {
    await expect(demoDb(app).updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(demoDb(app).deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('keeps users, units and the audit log for admins', async () => {
    for (const s of [peg, atasan, humas]) {
      for (const url of ['/api/v1/admin/users', '/api/v1/admin/units', '/api/v1/admin/audit-log']) expect((await s.req('GET', url)).statusCode, url).toBe(403);
      expect((await s.req('POST', '/api/v1/admin/units', { code: 'X', name: 'X', parentId: null })).statusCode).toBe(403);
    }
    for (const s of [peg, atasan]) expect((await s.req('GET', '/api/v1/admin/policy')).statusCode).toBe(403);
  });
});

describeEachDb('admin: users, units, CSV import, policy versions', (v) => {
  let app: FastifyInstance;
  let admin: Session;
  let humas: Session;
  beforeAll(async () => {
    app = await makeApp(v);
    admin = await login(app, 'admin');
    humas = await login(app, 'humas');
  });
  afterAll(() => closeApp(app));

  it('creates units and users, refuses duplicates and cycles', async () => {
    const root = (await admin.req('GET', '/api/v1/admin/units')).json().find((u: { code: string }) => u.code === 'DJBC');
    const u = await admin.req('POST', '/api/v1/admin/units', { code: 'KPPBC-TPK', name: 'KPPBC Tanjung Priok', parentId: root.id });
    expect(u.statusCode).toBe(200);
    const unit = u.json();
    expect((await admin.req('POST', '/api/v1/admin/units', { code: 'KPPBC-TPK', name: 'dup', parentId: null })).statusCode).toBe(409);
    expect((await admin.req('PUT', `/api/v1/admin/units/${root.id}`, { parentId: unit.id })).statusCode).toBe(400);
    const user = await admin.req('POST', '/api/v1/admin/users', {
      username: 'dewi',
      name: 'Dewi Lestari',
      role: 'pegawai',
      unitId: unit.id,
      password: 'rahasia-dewi-1',
    });
    expect(user.statusCode).toBe(200);
    expect(user.json()).toMatchObject({ username: 'dewi', unitName: 'KPPBC Tanjung Priok', role: 'pegawai' });
    expect(
      (await admin.req('POST', '/api/v1/admin/users', { username: 'dewi', name: 'x', role: 'pegawai', unitId: unit.id, password: 'rahasia-dewi-1' }))
        .statusCode,
    ).toBe(409);
    const weak = await admin.req('POST', '/api/v1/admin/users', { username: 'eko', name: 'Eko', role: 'raja', unitId: unit.id, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(apiError(weak).details?.map((d) => d.path)).toEqual(['body.role', 'body.password']);
    const dewi = await login(app, 'dewi', 'rahasia-dewi-1');
    expect(dewi.user.role).toBe('pegawai');
    expect((await admin.req('DELETE', `/api/v1/admin/units/${unit.id}`)).statusCode).toBe(409);
    const upd = await admin.req('PUT', `/api/v1/admin/users/${dewi.user.id}`, { role: 'atasan' });
    expect(upd.json().role).toBe('atasan');
    // a role change ends the user's sessions
    expect((await dewi.req('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await admin.req('DELETE', `/api/v1/admin/users/${dewi.user.id}`)).json()).toEqual({ ok: true });
    expect((await admin.req('DELETE', `/api/v1/admin/units/${unit.id}`)).json()).toEqual({ ok: true });
    expect((await admin.req('DELETE', `/api/v1/admin/users/${admin.user.id}`)).statusCode).toBe(409);
  });

  it('imports employees from CSV and reports bad lines', async () => {
    const csv = [
      'username,name,role,unit_code,password',
      'andi,Andi Wijaya,pegawai,DJP,andi-password-1',
      'bad user,Spasi,pegawai,DJP,password-123',
      'rina,Rina,pegawai,NO-SUCH-UNIT,password-123',
      'pegawai2,Agus Pratama Baru,pegawai,DJBC,',
      'tono,Tono,pegawai,DJP,',
      '"maya","Maya, S.E.",atasan,KANWIL-DJP-JAKSEL,maya-password-1',
    ].join('\n');
    const r = await admin.req('POST', '/api/v1/admin/users/import', csv, { headers: { 'content-type': 'text/csv' } });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.created).toBe(2);
    expect(b.updated).toBe(1);
    expect(b.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 6]);
    const users = (await admin.req('GET', '/api/v1/admin/users')).json();
    expect(users.find((u: { username: string }) => u.username === 'maya')).toMatchObject({
      name: 'Maya, S.E.',
      role: 'atasan',
      unitName: 'Kanwil DJP Jakarta Selatan',
    });
    expect(users.find((u: { username: string }) => u.username === 'pegawai2').name).toBe('Agus Pratama Baru');
    const noHeader = await admin.req('POST', '/api/v1/admin/users/import', 'a,b,c\n', { headers: { 'content-type': 'text/csv' } });
    expect(noHeader.statusCode).toBe(400);
    expect((await humas.req('POST', '/api/v1/admin/users/import', csv, { headers: { 'content-type': 'text/csv' } })).statusCode).toBe(403);
  });

  it('versions the policy, rejects an invalid one naming the field, and the checker follows the active version', async () => {
    const cur = (await admin.req('GET', '/api/v1/admin/policy')).json();
    expect(cur.version).toBe(0);
    expect(cur.policy.selfCheckIntervalDays).toBe(90);
    const bad = await admin.req('PUT', '/api/v1/admin/policy', { policy: { ...cur.policy, categories: { hoax: { severity: 'fatal' } } } });
    expect(bad.statusCode).toBe(400);
    const e = apiError(bad);
    expect(e.code).toBe('validation_error');
    expect(e.details?.[0].path).toBe('policy.categories.hoax.severity');
    expect((await admin.req('GET', '/api/v1/admin/policy')).json().version).toBe(0);

    const next = { ...cur.policy, selfCheckIntervalDays: 30, categories: { ...cur.policy.categories, extravagance: { enabled: false } } };
    const ok = await admin.req('PUT', '/api/v1/admin/policy', { policy: next });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, updatedBy: 'Admin Bijak' });
    const checker = await app.getChecker();
    expect(checker.policy.selfCheckIntervalDays).toBe(30);
    expect(checker.policy.categories.extravagance?.enabled).toBe(false);
    // the self-check due date follows the new interval
    const peg = await login(app, 'pegawai');
    const h = (await peg.req('GET', '/api/v1/me/home')).json();
    expect(Date.parse(h.selfCheck.dueAt) - Date.parse(h.selfCheck.lastAt)).toBe(30 * DAY);

    // humas may change official accounts and the election file, nothing else
    const active = (await humas.req('GET', '/api/v1/admin/policy')).json();
    const withAccount = {
      ...active.policy,
      officialAccounts: [...active.policy.officialAccounts, { platform: 'x', handle: 'KanwilDJPJaksel', owner: 'Kanwil DJP Jakarta Selatan' }],
    };
    const h1 = await humas.req('PUT', '/api/v1/admin/policy', { policy: withAccount });
    expect(h1.statusCode).toBe(200);
    expect(h1.json().version).toBe(2);
    const h2 = await humas.req('PUT', '/api/v1/admin/policy', { policy: { ...withAccount, selfCheckIntervalDays: 365 } });
    expect(h2.statusCode).toBe(403);
    expect(apiError(h2).details?.[0].path).toBe('policy.selfCheckIntervalDays');

    const versions = (await admin.req('GET', '/api/v1/admin/policy/versions')).json();
    expect(versions.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ updatedBy: 'Humas Kemenkeu', summary: expect.stringContaining('officialAccounts') });
    expect(versions[1].summary).toContain('selfCheckIntervalDays');
    const log = (await admin.req('GET', '/api/v1/admin/audit-log')).json();
    expect(log.filter((x: { action: string }) => x.action === 'policy_update').length).toBe(2);
  });
});

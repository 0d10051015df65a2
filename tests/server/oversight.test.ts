// Issue 8 item 4: readable oversight — log entries carry the names of people and units; no "self-check overdue" for
// users who registered no account.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeI18n } from '../../web/src/i18n';
import { entrySentence } from '../../web/src/log-text';
import { closeApp, describeEachDb, login, makeApp, type Session } from './helpers/app.js';

describeEachDb('readable oversight', (v) => {
  let app: FastifyInstance;
  let peg: Session;
  let peg2: Session;
  let atasan: Session;
  let admin: Session;
  beforeAll(async () => {
    app = await makeApp(v);
    peg = await login(app, 'pegawai');
    peg2 = await login(app, 'pegawai2');
    atasan = await login(app, 'atasan');
    admin = await login(app, 'admin');
  });
  afterAll(() => closeApp(app));

  it('the access log names the supervisor, the employee and the unit, and reads as a sentence', async () => {
    expect((await atasan.req('GET', `/api/v1/employees/${peg.user.id}`)).statusCode).toBe(200);
    const log = (await peg.req('GET', '/api/v1/me/visibility')).json().accessLog;
    const view = log.find((e: { action: string }) => e.action === 'view_employee');
    expect(view).toMatchObject({ actorName: 'Budi Santoso', subjectName: 'Siti Rahmawati' });
    expect(view.unitName).toBeTruthy();
    const id = entrySentence(
      view,
      makeI18n('id', () => {}),
    );
    expect(id).toBe(`Budi Santoso melihat rincian pegawai Siti Rahmawati (${view.unitName}).`);
    expect(id).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(
      entrySentence(
        view,
        makeI18n('en', () => {}),
      ),
    ).toMatch(/^Budi Santoso viewed the details of employee Siti Rahmawati/);
    const adminLog = (await admin.req('GET', '/api/v1/admin/audit-log')).json();
    for (const e of adminLog) {
      const s = entrySentence(
        e,
        makeI18n('id', () => {}),
      );
      expect(s).not.toContain(e.action); // every action id has its sentence
      expect(s).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });

  it('no "self-check overdue" without a registered account', async () => {
    // pegawai2's last self-check is 120 days old in the demo data; pegawai checked 30 days ago; both have an account
    const before = (await peg2.req('GET', '/api/v1/me/home')).json();
    const accounts = (await peg2.req('GET', '/api/v1/me/accounts')).json();
    expect(accounts.length).toBeGreaterThan(0);
    expect(before.selfCheck.overdue).toBe(true);
    const overdueIn = async () => {
      const rows = (await admin.req('GET', `/api/v1/units/${peg2.user.unitId}/employees`)).json() as Array<{ id: string; selfCheckOverdue: boolean }>;
      return rows.find((e) => e.id === peg2.user.id)?.selfCheckOverdue;
    };
    expect(await overdueIn()).toBe(true);
    const dashBefore = (await admin.req('GET', `/api/v1/units/${peg2.user.unitId}/dashboard`)).json();
    expect(dashBefore.selfChecksOverdue).toBeGreaterThanOrEqual(1);
    for (const a of accounts) expect((await peg2.req('DELETE', `/api/v1/me/accounts/${a.id}`)).statusCode).toBe(200);
    const after = (await peg2.req('GET', '/api/v1/me/home')).json();
    expect(after.accounts).toBe(0);
    expect(after.selfCheck.overdue).toBe(false);
    const list = (await admin.req('GET', `/api/v1/units/${peg2.user.unitId}/employees`)).json();
    const row = list.find((e: { id: string }) => e.id === peg2.user.id);
    expect(row.selfCheckOverdue).toBe(false);
    const dashAfter = (await admin.req('GET', `/api/v1/units/${peg2.user.unitId}/dashboard`)).json();
    expect(dashAfter.selfChecksOverdue).toBe(dashBefore.selfChecksOverdue - 1);
  });
});

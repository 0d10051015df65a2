/** The employee's own workspace (any logged-in user, about themself). */

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { namedEntries } from '../audit-names.js';
import { ApiError, notFound } from '../errors.js';
import { settingsOf } from '../queries.js';
import { idParams, route } from '../route.js';
import { accountBody, draftBody, listQuery, selfCheckBody, settingsBody } from '../schemas.js';
import * as S from '../serialize.js';

/** Most social accounts one user may register. */
export const MAX_ACCOUNTS = 50;

/** What a supervisor can see of an employee (shown to the employee). */
export const SUPERVISOR_CAN_SEE = [
  'Nama, unit, dan jumlah akun media sosial yang Anda daftarkan di "Akun saya" (beserta temuan aturan nama akun).',
  'Tanggal dan isi daftar periksa cek mandiri berkala Anda, serta apakah cek mandiri Anda terlambat.',
  'Draf yang Anda pilih untuk dibagikan ke atasan, beserta temuannya.',
  'Ringkasan audit jejak digital yang Anda pilih untuk dibagikan (bukan isi unggahannya).',
  'Atasan TIDAK dapat melihat draf yang tidak Anda bagikan, riwayat pemeriksaan Anda, atau isi audit jejak digital Anda.',
  'Setiap kali orang lain melihat data Anda, hal itu dicatat dan tampil di log akses di bawah ini.',
];

export async function meRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

  route(app, { method: 'GET', url: '/me/home', summary: 'My overview', tag: 'me', access: 'user' }, async ({ user }) => {
    // one round trip for the counts (the home page is read often); the shared drafts' findings only when there are any
    const [row, pol] = await Promise.all([
      db
        .selectFrom('users as u')
        .where('u.id', '=', user.id)
        .select((eb) => [
          'u.created_at',
          eb.selectFrom('self_checks').select(eb.fn.max('created_at').as('m')).where('user_id', '=', user.id).as('last_check'),
          eb.selectFrom('social_accounts').select(eb.fn.countAll().as('n')).where('user_id', '=', user.id).as('accounts'),
          eb.selectFrom('user_settings').select('save_history').where('user_id', '=', user.id).as('save_history'),
          eb.selectFrom('drafts').select(eb.fn.countAll().as('n')).where('user_id', '=', user.id).as('drafts'),
          eb.selectFrom('drafts').select(eb.fn.countAll().as('n')).where('user_id', '=', user.id).where('shared', '=', 1).as('shared_drafts'),
        ])
        .executeTakeFirstOrThrow(),
      app.getPolicy(),
    ]);
    const saveHistory = Number(row.save_history ?? 0) === 1;
    const shared = Number(row.shared_drafts ?? 0);
    const sharedFindings = shared
      ? (await db.selectFrom('drafts').select('findings_json').where('user_id', '=', user.id).where('shared', '=', 1).execute()).reduce(
          (n, d) => n + S.findingsOf(d.findings_json).length,
          0,
        )
      : 0;
    const selfCheck = S.selfCheckStatus((row.last_check as string | null) ?? null, row.created_at, pol.policy.selfCheckIntervalDays);
    const n = Number(row.accounts ?? 0);
    // a self-check is about one's social accounts: with none registered, nothing is overdue (issue 8)
    return {
      selfCheck: n > 0 ? selfCheck : { ...selfCheck, overdue: false },
      accounts: n,
      drafts: saveHistory ? Number(row.drafts ?? 0) : shared,
      sharedFindings,
    };
  });

  route(app, { method: 'GET', url: '/me/settings', summary: 'My settings', tag: 'me', access: 'user' }, ({ user }) => settingsOf(db, user.id));

  route(app, { method: 'PUT', url: '/me/settings', summary: 'Change my settings', tag: 'me', access: 'user', body: settingsBody }, async ({ user, body }) => {
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('user_settings')
        .values({ user_id: user.id, save_history: body.saveHistory ? 1 : 0, locale: body.locale, updated_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ save_history: body.saveHistory ? 1 : 0, locale: body.locale, updated_at: now }))
        .execute();
      // turning history off deletes the history (drafts shared with the supervisor stay until deleted)
      if (!body.saveHistory) await trx.deleteFrom('drafts').where('user_id', '=', user.id).where('shared', '=', 0).execute();
    });
    await app.authChanged(user.id); // the locale is part of the session's user
    return settingsOf(db, user.id);
  });

  // --- accounts -------------------------------------------------------------------------------
  route(app, { method: 'GET', url: '/me/accounts', summary: 'My social accounts', tag: 'me', access: 'user', response: 'Account[]' }, async ({ user }) => {
    const rows = await db.selectFrom('social_accounts').selectAll().where('user_id', '=', user.id).orderBy('created_at').execute();
    return rows.map(S.account);
  });

  const accountFindings = async (b: { platform: string; handle: string; displayName?: string; bio?: string }) => {
    const checker = await app.getChecker();
    return checker.check({ kind: 'account', handle: b.handle, displayName: b.displayName, bio: b.bio, platform: b.platform as never });
  };

  route(
    app,
    {
      method: 'POST',
      url: '/me/accounts',
      summary: 'Register one of my accounts (the account-name rule runs on it)',
      tag: 'me',
      access: 'user',
      body: accountBody,
      response: 'Account',
    },
    async ({ user, body }) => {
      const count = await db
        .selectFrom('social_accounts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (Number(count?.n ?? 0) >= MAX_ACCOUNTS)
        throw new ApiError('conflict', `Maksimal ${MAX_ACCOUNTS} akun per pegawai.`, `At most ${MAX_ACCOUNTS} accounts per employee.`);
      const findings = await accountFindings(body);
      const now = new Date().toISOString();
      const row = {
        id: randomUUID(),
        user_id: user.id,
        platform: body.platform,
        handle: body.handle,
        display_name: body.displayName ?? '',
        bio: body.bio ?? '',
        findings_json: JSON.stringify(findings),
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('social_accounts').values(row).execute();
      return S.account(row);
    },
  );

  route(
    app,
    {
      method: 'PUT',
      url: '/me/accounts/:id',
      summary: 'Change one of my accounts',
      tag: 'me',
      access: 'user',
      params: idParams,
      body: accountBody,
      response: 'Account',
    },
    async ({ user, params, body }) => {
      const findings = await accountFindings(body);
      const now = new Date().toISOString();
      const r = await db
        .updateTable('social_accounts')
        .set({
          platform: body.platform,
          handle: body.handle,
          display_name: body.displayName ?? '',
          bio: body.bio ?? '',
          findings_json: JSON.stringify(findings),
          updated_at: now,
        })
        .where('id', '=', params.id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound('Akun tidak ditemukan.', 'Account not found.');
      const row = await db.selectFrom('social_accounts').selectAll().where('id', '=', params.id).executeTakeFirstOrThrow();
      return S.account(row);
    },
  );

  route(
    app,
    { method: 'DELETE', url: '/me/accounts/:id', summary: 'Remove one of my accounts', tag: 'me', access: 'user', params: idParams },
    async ({ user, params }) => {
      const r = await db.deleteFrom('social_accounts').where('id', '=', params.id).where('user_id', '=', user.id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw notFound('Akun tidak ditemukan.', 'Account not found.');
      return { ok: true };
    },
  );

  // --- self-checks ----------------------------------------------------------------------------
  route(
    app,
    { method: 'POST', url: '/me/self-checks', summary: 'Record a periodic self-check', tag: 'me', access: 'user', body: selfCheckBody, response: 'SelfCheck' },
    async ({ user, body }) => {
      if (body.accountId) {
        const acc = await db.selectFrom('social_accounts').select('id').where('id', '=', body.accountId).where('user_id', '=', user.id).executeTakeFirst();
        if (!acc)
          throw new ApiError('validation_error', 'accountId bukan akun Anda.', 'accountId is not one of your accounts.', [
            { path: 'body.accountId', message: 'unknown account' },
          ]);
      }
      const row = {
        id: randomUUID(),
        user_id: user.id,
        account_id: body.accountId ?? null,
        two_factor: body.twoFactor ? 1 : 0,
        password_changed: body.passwordChanged ? 1 : 0,
        display_name_ok: body.displayNameOk ? 1 : 0,
        posts_reviewed: body.postsReviewed ? 1 : 0,
        note: body.note ?? '',
        created_at: new Date().toISOString(),
      };
      await db.insertInto('self_checks').values(row).execute();
      return S.selfCheck(row);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/me/self-checks',
      summary: 'My self-checks, newest first (?limit, default 100, max 1000)',
      tag: 'me',
      access: 'user',
      query: listQuery,
      response: 'SelfCheck[]',
    },
    async ({ user, query }) => {
      const rows = await db
        .selectFrom('self_checks')
        .selectAll()
        .where('user_id', '=', user.id)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(query.limit ?? 100)
        .execute();
      return rows.map(S.selfCheck);
    },
  );

  // --- drafts ---------------------------------------------------------------------------------
  route(
    app,
    {
      method: 'GET',
      url: '/me/drafts',
      summary: 'My saved drafts (all when saveHistory is on; else only those shared with my supervisor)',
      tag: 'me',
      access: 'user',
      query: listQuery,
      response: 'Draft[]',
    },
    async ({ user, query }) => {
      const { saveHistory } = await settingsOf(db, user.id);
      let q = db.selectFrom('drafts').selectAll().where('user_id', '=', user.id);
      if (!saveHistory) q = q.where('shared', '=', 1);
      const rows = await q
        .orderBy('created_at', 'desc')
        .limit(query.limit ?? 200)
        .execute();
      return rows.map(S.draft);
    },
  );

  route(
    app,
    { method: 'POST', url: '/me/drafts', summary: 'Save a draft (the server re-checks it)', tag: 'me', access: 'user', body: draftBody, response: 'Draft' },
    async ({ user, body }) => {
      const { saveHistory } = await settingsOf(db, user.id);
      if (!saveHistory && !body.shareWithSupervisor) throw new ApiError('history_disabled');
      const checker = await app.getChecker();
      const findings = checker.check({ text: body.text, platform: body.platform, author: user.name });
      const row = {
        id: randomUUID(),
        user_id: user.id,
        text: body.text,
        platform: body.platform ?? null,
        findings_json: JSON.stringify(findings),
        shared: body.shareWithSupervisor ? 1 : 0,
        created_at: new Date().toISOString(),
        // dismissals kept with the draft only when they point at a finding the server found again
        dismissals_json: JSON.stringify(
          (body.dismissals ?? []).filter((d) => findings.some((f) => f.ruleId === d.ruleId && f.range[0] === d.range[0] && f.range[1] === d.range[1])),
        ),
      };
      await db.insertInto('drafts').values(row).execute();
      return S.draft(row);
    },
  );

  route(
    app,
    { method: 'DELETE', url: '/me/drafts/:id', summary: 'Delete one of my drafts', tag: 'me', access: 'user', params: idParams },
    async ({ user, params }) => {
      const r = await db.deleteFrom('drafts').where('id', '=', params.id).where('user_id', '=', user.id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw notFound('Draf tidak ditemukan.', 'Draft not found.');
      return { ok: true };
    },
  );

  // --- visibility -----------------------------------------------------------------------------
  route(
    app,
    { method: 'GET', url: '/me/visibility', summary: 'What my supervisor can see of me, and who looked', tag: 'me', access: 'user', query: listQuery },
    async ({ user, query }) => {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_user_id', '=', user.id)
        .where((eb) => eb.or([eb('actor_id', 'is', null), eb('actor_id', '!=', user.id)]))
        .orderBy('id', 'desc')
        .limit(query.limit ?? 200)
        .execute();
      return { supervisorCanSee: SUPERVISOR_CAN_SEE, accessLog: await namedEntries(db, rows) };
    },
  );
}

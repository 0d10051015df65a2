/**
 * Tenants in the data layer (issue 12): the TenantPlugin's rewriting of queries (compiled SQL, so each
 * assertion names what a missing filter would be), failing closed without an organisation, and migration
 * 014_tenants moving single-organisation data into the default organisation without loss on SQLite and
 * PostgreSQL (rows, keys, the audit log's ids and append-only triggers, cascades).
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, openDatabase, runAsTenant, TENANT_TABLES, TenantScopeError, tenantDb } from '../../src/db/index.js';
import { migrate } from '../../src/db/migrations.js';
import { MIGRATED_TENANT_TABLES } from '../../src/db/tenant-schema.js';
import type { Database } from '../../src/db/types.js';
import { dropSchema, PG_URL } from '../server/helpers/app.js';

/** A Kysely that only compiles (PostgreSQL syntax). */
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => ({
      init: async () => {},
      acquireConnection: async () => {
        throw new Error('compile only');
      },
      beginTransaction: async () => {},
      commitTransaction: async () => {},
      rollbackTransaction: async () => {},
      releaseConnection: async () => {},
      destroy: async () => {},
    }),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const A = 'org-a';

describe('TenantPlugin', () => {
  const db = tenantDb(compiler, A);

  it('lists every tenant table the migration builds', () => {
    // 014 rebuilds the tables that existed; audit_uploads (015_jobs) is created with the organisation in its keys
    expect([...TENANT_TABLES].sort()).toEqual([...MIGRATED_TENANT_TABLES, 'audit_uploads'].sort());
  });

  it('filters the FROM table, each joined table (in its ON clause) and keeps the original condition in parentheses', () => {
    const q = db
      .selectFrom('users as u')
      .innerJoin('units as n', 'n.id', 'u.unit_id')
      .leftJoin('user_settings as st', 'st.user_id', 'u.id')
      .select(['u.id'])
      .where((eb) => eb.or([eb('u.role', '=', 'admin'), eb('u.role', '=', 'humas')]))
      .compile();
    expect(q.sql).toBe(
      'select "u"."id" from "users" as "u" inner join "units" as "n" on "n"."id" = "u"."unit_id" and "n"."org_id" = $1 left join "user_settings" as "st" on "st"."user_id" = "u"."id" and "st"."org_id" = $2 where (("u"."role" = $3 or "u"."role" = $4)) and "u"."org_id" = $5',
    );
    expect(q.parameters).toEqual([A, A, 'admin', 'humas', A]);
  });

  it('filters subqueries, updates and deletes; leaves non-tenant tables alone', () => {
    const sub = db
      .selectFrom('drafts')
      .select('id')
      .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('role', '=', 'pegawai'))
      .compile();
    expect(sub.sql).toBe(
      'select "id" from "drafts" where ("user_id" in (select "id" from "users" where ("role" = $1) and "users"."org_id" = $2)) and "drafts"."org_id" = $3',
    );
    const up = db.updateTable('users').set({ name: 'x' }).where('id', '=', 'u1').compile();
    expect(up.sql).toBe('update "users" set "name" = $1 where ("id" = $2) and "users"."org_id" = $3');
    const del = db.deleteFrom('sessions').where('user_id', '=', 'u1').compile();
    expect(del.sql).toBe('delete from "sessions" where ("user_id" = $1) and "sessions"."org_id" = $2');
    const all = db.deleteFrom('kb_entries').compile();
    expect(all.sql).toBe('delete from "kb_entries" where "kb_entries"."org_id" = $1');
    expect(db.selectFrom('login_throttle').selectAll().compile().sql).toBe('select * from "login_throttle"');
    expect(db.selectFrom('organizations').selectAll().compile().sql).toBe('select * from "organizations"');
  });

  it('adds the organisation to every inserted row and to the ON CONFLICT target', () => {
    const ins = db
      .insertInto('library_clicks')
      .values([
        { code: 'c1', day: '2026-01-01', clicks: 1, uniques: 1 },
        { code: 'c2', day: '2026-01-01', clicks: 2, uniques: 1 },
      ])
      .onConflict((oc) => oc.columns(['code', 'day']).doUpdateSet({ clicks: 5 }))
      .compile();
    expect(ins.sql).toBe(
      'insert into "library_clicks" ("code", "day", "clicks", "uniques", "org_id") values ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10) on conflict ("org_id", "code", "day") do update set "clicks" = $11',
    );
    expect(ins.parameters.filter((p) => p === A)).toHaveLength(2);
  });

  it('fails closed without an organisation, and refuses an insert that names another one', () => {
    const scoped = tenantDb(compiler, '');
    expect(() => scoped.selectFrom('users').selectAll().compile()).toThrow(TenantScopeError);
    // biome-ignore lint/suspicious/noExplicitAny: org_id is not insertable in the types, on purpose
    const other = db.insertInto('units').values({ id: 'u', code: 'c', name: 'n', parent_id: null, created_at: 'now', org_id: 'org-b' } as any);
    expect(() => other.compile()).toThrow(/another organisation/);
  });

  it('takes the organisation from the async context (runAsTenant) when not fixed', async () => {
    const { scopedDb } = await import('../../src/db/tenant.js');
    const ctx = scopedDb(compiler);
    expect(() => ctx.selectFrom('users').selectAll().compile()).toThrow(TenantScopeError);
    const inside = runAsTenant('org-z', () => ctx.selectFrom('users').selectAll().compile());
    expect(inside.parameters).toEqual(['org-z']);
  });
});

const variants = [
  { name: 'sqlite', url: undefined as string | undefined },
  { name: 'postgres', url: PG_URL },
];

for (const v of variants) {
  const skip = v.name === 'postgres' && !v.url;
  (skip ? describe.skip : describe)(`migration 014_tenants [${v.name}${skip ? ': skipped, DATABASE_URL_PG not set' : ''}]`, () => {
    const schemas: string[] = [];
    afterAll(async () => {
      for (const s of schemas) await dropSchema(s);
    });

    it('moves single-organisation data into the default organisation without loss', async () => {
      const pgSchema = `t_${randomBytes(6).toString('hex')}`;
      if (v.url) schemas.push(pgSchema);
      const d = await openDatabase(v.url ? { databaseUrl: v.url, pgSchema } : { sqliteFile: ':memory:' });
      // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before 014
      const old = d.db as unknown as Kysely<any>;
      await migrate(d.db, d.dialect, '013_i8_audit_rows');
      const at = '2026-01-01T00:00:00.000Z';
      await old.insertInto('units').values({ id: 'root', code: 'ROOT', name: 'Akar', parent_id: null, created_at: at }).execute();
      await old.insertInto('units').values({ id: 'sub', code: 'SUB', name: 'Cabang', parent_id: 'root', created_at: at }).execute();
      for (const id of ['u1', 'u2'])
        await old
          .insertInto('users')
          .values({
            id,
            username: id,
            name: `Nama ${id}`,
            role: id === 'u1' ? 'admin' : 'pegawai',
            unit_id: 'sub',
            password_hash: 'h',
            created_at: at,
            updated_at: at,
          })
          .execute();
      await old.insertInto('sessions').values({ token_hash: 'th', user_id: 'u1', csrf_token: 'c', created_at: at, expires_at: at }).execute();
      await old.insertInto('social_accounts').values({ id: 'acc', user_id: 'u2', platform: 'x', handle: 'h', created_at: at, updated_at: at }).execute();
      await old
        .insertInto('self_checks')
        .values({ id: 'sc', user_id: 'u2', account_id: 'acc', two_factor: 1, password_changed: 1, display_name_ok: 1, posts_reviewed: 1, created_at: at })
        .execute();
      await old.insertInto('policy_versions').values({ version: 1, policy_json: '{}', updated_by: 'u1', updated_by_name: 'A', updated_at: at }).execute();
      for (let i = 0; i < 3; i++)
        await old
          .insertInto('audit_log')
          .values({ at, actor_id: 'u1', actor_name: 'A', action: `a${i}`, subject_user_id: 'u2', detail_json: '{}' })
          .execute();
      await old.insertInto('audit_reports').values({ id: 'rep', user_id: 'u2', status: 'done', created_at: at, shared: 1 }).execute();
      await old
        .insertInto('audit_flagged')
        .values({ report_id: 'rep', seq: 0, list: 'posts', severity_rank: 0, categories: ' hoax ', search: 's', post_json: '{}' })
        .execute();
      await old
        .insertInto('finding_reports')
        .values({ id: 'fr', user_id: 'u2', reporter_name: 'B', unit_id: 'sub', source: 'check', finding_json: '{}', status: 'open', created_at: at })
        .execute();
      await old
        .insertInto('kb_entries')
        .values({ id: 'kb1', entry_json: '{}', status: 'active', source_url: '', rev: 1, created_at: at, updated_at: at, updated_by_name: 'A' })
        .execute();
      await old
        .insertInto('library_items')
        .values({ id: 'it', title: 'T', body: 'B', link: 'https://x.go.id', status: 'published', created_by: 'u1', created_at: at, updated_at: at })
        .execute();
      await old
        .insertInto('library_links')
        .values({ code: 'code12345678', item_id: 'it', user_id: 'u2', unit_id: 'sub', platform: 'x', created_at: at })
        .execute();
      await old.insertInto('library_clicks').values({ code: 'code12345678', day: '2026-01-01', clicks: 4, uniques: 2 }).execute();
      const counts = async () => {
        const out: Record<string, number> = {};
        for (const t of MIGRATED_TENANT_TABLES) {
          const r = await old.selectFrom(t).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
          out[t] = Number(r.n);
        }
        return out;
      };
      const before = await counts();

      expect(await migrate(d.db, d.dialect)).toContain('014_tenants');
      expect(await counts()).toEqual(before);
      const orgs = await d.db.selectFrom('organizations').selectAll().execute();
      expect(orgs.map((o) => o.id)).toEqual([DEFAULT_ORG_ID]);
      for (const t of MIGRATED_TENANT_TABLES) {
        const other = await old.selectFrom(t).select('org_id').where('org_id', '!=', DEFAULT_ORG_ID).execute();
        expect(other, t).toEqual([]);
      }
      const t = tenantDb(d.db, DEFAULT_ORG_ID);
      expect(
        (await t.selectFrom('users').select(['id', 'unit_id', 'super_admin']).orderBy('id').execute()).map((u) => [u.id, u.unit_id, Number(u.super_admin)]),
      ).toEqual([
        ['u1', 'sub', 0],
        ['u2', 'sub', 0],
      ]);
      expect((await t.selectFrom('units').select(['id', 'parent_id']).where('id', '=', 'sub').executeTakeFirstOrThrow()).parent_id).toBe('root');
      expect(Number((await t.selectFrom('library_clicks').select('clicks').executeTakeFirstOrThrow()).clicks)).toBe(4);
      // the audit log's ids continue after the copied ones, and it is still append-only
      await t.insertInto('audit_log').values({ at, actor_id: null, actor_name: 'sys', action: 'after', subject_user_id: null, detail_json: '{}' }).execute();
      const ids = (await t.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => Number(r.id));
      expect(ids).toEqual([1, 2, 3, 4]);
      await expect(t.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
      await expect(t.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      // composite foreign keys still hold: an unknown unit is refused; deleting an account clears only the reference
      await expect(
        t
          .insertInto('users')
          .values({ id: 'u3', username: 'u3', name: 'x', role: 'pegawai', unit_id: 'nope', password_hash: 'h', created_at: at, updated_at: at })
          .execute(),
      ).rejects.toThrow();
      await t.deleteFrom('social_accounts').where('id', '=', 'acc').execute();
      const sc = await t.selectFrom('self_checks').select(['account_id', 'user_id']).where('id', '=', 'sc').executeTakeFirstOrThrow();
      expect(sc).toEqual({ account_id: null, user_id: 'u2' });
      // deleting a user cascades to their data and keeps their finding reports without them
      await t.deleteFrom('users').where('id', '=', 'u2').execute();
      expect(await t.selectFrom('audit_flagged').select('seq').execute()).toEqual([]);
      expect((await t.selectFrom('finding_reports').select('user_id').executeTakeFirstOrThrow()).user_id).toBeNull();
      // a second organisation may reuse ids and codes (keys start with the organisation)
      await d.db.insertInto('organizations').values({ id: 'org-2', code: 'kedua', name: 'Kedua', created_at: at }).execute();
      const t2 = tenantDb(d.db, 'org-2');
      await t2.insertInto('units').values({ id: 'root', code: 'ROOT', name: 'Akar 2', parent_id: null, created_at: at }).execute();
      await t2
        .insertInto('kb_entries')
        .values({ id: 'kb1', entry_json: '{}', status: 'active', source_url: '', rev: 1, created_at: at, updated_at: at, updated_by_name: 'B' })
        .execute();
      expect((await t.selectFrom('units').select('name').where('id', '=', 'root').executeTakeFirstOrThrow()).name).toBe('Akar');
      await d.close();
    });
  });
}

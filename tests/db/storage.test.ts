import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, initDatabase, openDatabase, tenantDb } from '../../src/db/index.js';
import { migrate } from '../../src/db/migrations.js';
import { seedDemo } from '../../src/server/seed.js';
import { dropSchema, PG_URL } from '../server/helpers/app.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('SQLite storage', () => {
  it('opens in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bijak-db-'));
    dirs.push(dir);
    const d = await initDatabase({ dataDir: dir });
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(d.db);
    const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(d.db);
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(d.db);
    expect(mode.rows[0].journal_mode).toBe('wal');
    expect(sync.rows[0].synchronous).toBe(2); // FULL
    expect(fk.rows[0].foreign_keys).toBe(1);
    await d.close();
  });
});

const variants = [
  { name: 'sqlite', url: undefined as string | undefined },
  { name: 'postgres', url: PG_URL },
];

for (const v of variants) {
  const title = v.name === 'postgres' && !v.url ? 'storage [postgres: skipped, DATABASE_URL_PG not set]' : `storage [${v.name}]`;
  const suite = v.name === 'postgres' && !v.url ? describe.skip : describe;
  suite(title, () => {
    const schemas: string[] = [];
    const opts = () => {
      if (v.name === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'bijak-db-'));
        dirs.push(dir);
        return { dataDir: dir };
      }
      const pgSchema = `t_${randomBytes(6).toString('hex')}`;
      schemas.push(pgSchema);
      return { databaseUrl: v.url, pgSchema };
    };
    afterAll(async () => {
      for (const s of schemas) await dropSchema(s);
    });

    it('runs migrations idempotently', async () => {
      const o = opts();
      const d = await initDatabase(o);
      expect(await migrate(d.db, d.dialect)).toEqual([]); // nothing left to run
      await d.close();
      const again = await initDatabase(o); // a restart
      expect(await migrate(again.db, again.dialect)).toEqual([]);
      const tables = (await again.db.introspection.getTables()).map((t) => t.name);
      for (const t of [
        'units',
        'users',
        'sessions',
        'user_settings',
        'social_accounts',
        'self_checks',
        'drafts',
        'policy_versions',
        'audit_log',
        'audit_reports',
      ])
        expect(tables).toContain(t);
      await again.close();
    });

    it('survives several nodes starting at once (migrations and demo seed exactly once)', async () => {
      const o = opts();
      if (v.name === 'sqlite') return; // one SQLite file belongs to one process
      const nodes = await Promise.all([1, 2, 3].map(() => openDatabase(o)));
      const seeded = await Promise.all(
        nodes.map((n) =>
          n.withStartupLock(async () => {
            await migrate(n.db, n.dialect);
            return seedDemo(n.db, { password: 'p4ssword-demo' });
          }),
        ),
      );
      expect(seeded.filter(Boolean).length).toBe(1);
      const users = await nodes[0].db.selectFrom('users').select('username').execute();
      expect(users.length).toBe(6); // admin, humas, humas2, atasan, pegawai, pegawai2
      for (const n of nodes) await n.close();
    });

    it('keeps audit_log append-only and cascades user deletion to their data', async () => {
      const d = await initDatabase(opts());
      await seedDemo(d.db, { password: 'p4ssword-demo' });
      const t = tenantDb(d.db, DEFAULT_ORG_ID);
      await t
        .insertInto('audit_log')
        .values({ at: new Date().toISOString(), actor_id: null, actor_name: 'system', action: 'test', subject_user_id: null, detail_json: '{}' })
        .execute();
      await expect(t.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(/append-only/);
      await expect(t.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      const peg = await t.selectFrom('users').select('id').where('username', '=', 'pegawai').executeTakeFirstOrThrow();
      await t.deleteFrom('users').where('id', '=', peg.id).execute();
      const left = await t.selectFrom('social_accounts').select('id').where('user_id', '=', peg.id).execute();
      expect(left.length).toBe(0);
      // a unit with users cannot be deleted (foreign key)
      const djbc = await t.selectFrom('units').select('id').where('code', '=', 'DJBC').executeTakeFirstOrThrow();
      await expect(t.deleteFrom('units').where('id', '=', djbc.id).execute()).rejects.toThrow();
      await d.close();
    });

    it('seeds the demo organisation only into an empty database', async () => {
      const d = await initDatabase(opts());
      const logins = await seedDemo(d.db, { password: 'p4ssword-demo' });
      expect(logins?.map((l) => `${l.username}:${l.role}`)).toEqual([
        'admin:admin',
        'humas:humas',
        'humas2:humas',
        'atasan:atasan',
        'pegawai:pegawai',
        'pegawai2:pegawai',
      ]);
      expect(await seedDemo(d.db, { password: 'x' })).toBeNull();
      const units = await d.db.selectFrom('units').select(['code', 'parent_id']).execute();
      expect(units.length).toBe(4);
      await d.close();
    });
  });
}

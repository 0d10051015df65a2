/**
 * Dialect factory and start-up of the Bijak database: SQLite (better-sqlite3,
 * WAL, synchronous=FULL, foreign keys on) in DATA_DIR by default, PostgreSQL
 * (pg Pool) when the URL starts with postgres:// or postgresql://.
 * Migrations run on every start, idempotently; on PostgreSQL they run under an
 * advisory lock so several app nodes may start at once.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type DialectName, migrate } from './migrations.js';
import type { Database } from './types.js';

export type { DialectName } from './migrations.js';
export * from './types.js';

/** Where the data lives. */
export interface DbOptions {
  /** postgres://... for PostgreSQL; otherwise SQLite is used. */
  databaseUrl?: string;
  /** Folder of the SQLite file `bijak.sqlite` (created when missing); default ./data. */
  dataDir?: string;
  /** Explicit SQLite file (":memory:" for a throw-away database). Overrides dataDir. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (created when missing); tests use one schema per run. */
  pgSchema?: string;
  /** Size of the PostgreSQL pool (default 10). */
  pgPoolMax?: number;
}

/** An open database. */
export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Runs fn while holding the cluster-wide start-up lock (PostgreSQL advisory lock; SQLite: just runs it). */
  withStartupLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const STARTUP_LOCK_KEY = 0x42696a61; // "Bija"

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** Opens (without migrating) the database described by opts. */
export async function openDatabase(opts: DbOptions = {}): Promise<Db> {
  if (isPostgresUrl(opts.databaseUrl)) {
    const schema = opts.pgSchema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    if (schema) {
      const c = new pg.Client({ connectionString: opts.databaseUrl });
      await c.connect();
      try {
        await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } catch (e) {
        // two nodes creating the same schema at once: fine if it now exists
        const r = await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
        if (r.rowCount === 0) throw e;
      } finally {
        await c.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: Math.max(2, opts.pgPoolMax ?? 10),
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    pool.on('error', () => {}); // idle-client errors surface on the next query instead of crashing the process
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      async withStartupLock(fn) {
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
          try {
            return await fn();
          } finally {
            await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
          }
        } finally {
          client.release();
        }
      },
      close: () => db.destroy(),
    };
  }
  let file = opts.sqliteFile;
  if (!file) {
    const dir = resolve(opts.dataDir ?? './data');
    mkdirSync(dir, { recursive: true });
    file = join(dir, 'bijak.sqlite');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', withStartupLock: (fn) => fn(), close: () => db.destroy() };
}

/** Opens the database and brings its schema up to date. */
export async function initDatabase(opts: DbOptions = {}): Promise<Db> {
  const d = await openDatabase(opts);
  try {
    await d.withStartupLock(() => migrate(d.db, d.dialect));
  } catch (e) {
    await d.close();
    throw e;
  }
  return d;
}
export { currentOrgId, DEFAULT_ORG_ID, runAsTenant, scopedDb, TENANT_TABLES, TenantPlugin, TenantScopeError, tenantContext, tenantDb } from './tenant.js';

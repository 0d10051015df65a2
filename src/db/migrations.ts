/**
 * The one set of migrations for SQLite and PostgreSQL (Kysely Migrator with an
 * in-code provider). Column types are portable (text, integer); the only
 * dialect branches are the auto-increment key of audit_log and the syntax of
 * the triggers that keep audit_log append-only.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { jobsUp } from './jobs-schema.js';
import { libraryUp } from './library-schema.js';
import { tenantsUp } from './tenant-schema.js';
import type { Database } from './types.js';

export type DialectName = 'sqlite' | 'postgres';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('units')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('parent_id', 'text', (c) => c.references('units.id').onDelete('restrict'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();

        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('pegawai','atasan','humas','admin')`))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('restrict'))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('users_unit_idx').on('users').column('unit_id').execute();

        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

        await db.schema
          .createTable('user_settings')
          .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('save_history', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locale', 'text', (c) => c.notNull().defaultTo('id'))
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('social_accounts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('handle', 'text', (c) => c.notNull())
          .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('findings_json', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('social_accounts_user_idx').on('social_accounts').column('user_id').execute();

        await db.schema
          .createTable('self_checks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('account_id', 'text', (c) => c.references('social_accounts.id').onDelete('set null'))
          .addColumn('two_factor', 'integer', (c) => c.notNull())
          .addColumn('password_changed', 'integer', (c) => c.notNull())
          .addColumn('display_name_ok', 'integer', (c) => c.notNull())
          .addColumn('posts_reviewed', 'integer', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('self_checks_user_idx').on('self_checks').columns(['user_id', 'created_at']).execute();

        await db.schema
          .createTable('drafts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('platform', 'text')
          .addColumn('findings_json', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('drafts_user_idx').on('drafts').columns(['user_id', 'created_at']).execute();

        await db.schema
          .createTable('policy_versions')
          .addColumn('version', 'integer', (c) => c.primaryKey())
          .addColumn('policy_json', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text')
          .addColumn('updated_by_name', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
          .execute();

        let audit = db.schema.createTable('audit_log');
        audit =
          dialect === 'postgres'
            ? audit.addColumn('id', 'bigserial', (c) => c.primaryKey())
            : audit.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
        await audit
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('actor_name', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('subject_user_id', 'text')
          .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
          .execute();
        await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_user_id', 'id']).execute();
        if (dialect === 'postgres') {
          await sql`CREATE FUNCTION bijak_audit_log_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
          await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION bijak_audit_log_append_only()`.execute(db);
          await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION bijak_audit_log_append_only()`.execute(db);
        } else {
          await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
          await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
        }

        await db.schema
          .createTable('audit_reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('platform', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('finished_at', 'text')
          .addColumn('summary_json', 'text')
          .addColumn('flagged_json', 'text')
          .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('error', 'text')
          .execute();
        await db.schema.createIndex('audit_reports_user_idx').on('audit_reports').columns(['user_id', 'created_at']).execute();

        await db.schema
          .createTable('login_throttle')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('first_at', 'text', (c) => c.notNull())
          .addColumn('locked_until', 'text')
          .execute();
      },
    },
    '011_library': { up: libraryUp },
    '012_i8_feedback': {
      // issue 8: dismissed findings (counted per rule for humas) and reports of wrong findings (the feedback queue)
      // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
      async up(db: Kysely<any>) {
        await db.schema
          .alterTable('drafts')
          .addColumn('dismissals_json', 'text', (c) => c.notNull().defaultTo('[]'))
          .execute();
        await db.schema
          .createTable('finding_dismissals')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('rule_id', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('severity', 'text', (c) => c.notNull())
          .addColumn('reason_code', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('platform', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('finding_dismissals_rule_idx').on('finding_dismissals').columns(['rule_id', 'created_at']).execute();
        await db.schema
          .createTable('finding_reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
          .addColumn('reporter_name', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('platform', 'text')
          .addColumn('text', 'text')
          .addColumn('finding_json', 'text', (c) => c.notNull())
          .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('expect_json', 'text')
          .addColumn('resolution', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('resolved_by_name', 'text')
          .addColumn('resolved_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('finding_reports_status_idx').on('finding_reports').columns(['status', 'created_at']).execute();
      },
    },
    '013_i8_audit_rows': {
      // issue 8: flagged posts of an audit report as rows, so the report pages, filters, sorts and searches in SQL
      // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('audit_flagged')
          .addColumn('report_id', 'text', (c) => c.notNull().references('audit_reports.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('list', 'text', (c) => c.notNull())
          .addColumn('day', 'text')
          .addColumn('date', 'text')
          .addColumn('severity_rank', 'integer', (c) => c.notNull())
          .addColumn('categories', 'text', (c) => c.notNull())
          .addColumn('search', 'text', (c) => c.notNull())
          .addColumn('post_json', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('audit_flagged_pk', ['report_id', 'seq'])
          .execute();
        await db.schema.createIndex('audit_flagged_sev_idx').on('audit_flagged').columns(['report_id', 'list', 'severity_rank', 'date']).execute();
        await db.schema.createIndex('audit_flagged_day_idx').on('audit_flagged').columns(['report_id', 'list', 'day']).execute();
      },
    },
    // issue 12: durable audit jobs (uploads in chunks, progress and attempt on the report) and shared rate counters
    '015_jobs': { up: (db) => jobsUp(db, dialect) },
    // issue 9: the organisation's fact-check knowledge base (one row per entry, the entry as validated JSON)
    '009_kb_entries': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('kb_entries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('entry_json', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','retired')`))
          .addColumn('source_url', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('rev', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by_name', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('kb_entries_rev_idx').on('kb_entries').column('rev').execute();
        await db.schema.createIndex('kb_entries_status_idx').on('kb_entries').columns(['status', 'updated_at']).execute();
      },
    },
    // issue 12: organisations; the organisation id first in every key of the tenant tables (src/db/tenant-schema.ts)
    '014_tenants': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
      up: (db: Kysely<any>) => tenantsUp(db, dialect),
    },
  };
}

/**
 * Runs every pending migration (or those up to and including `upTo`, for tests of a migration on old data);
 * a no-op when the schema is current. Throws on failure.
 */
export async function migrate(db: Kysely<Database>, dialect: DialectName, upTo?: string): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // Kysely looks for its own tables by name across all schemas on PostgreSQL; pin them to the current schema
  let migrationTableSchema: string | undefined;
  if (dialect === 'postgres') {
    const r = await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db);
    migrationTableSchema = r.rows[0]?.s ?? undefined;
  }
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

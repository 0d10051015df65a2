/**
 * Migration '014_tenants' (issue 12): organisations, and the organisation id in every tenant table — first
 * in each primary key, unique key and foreign key, so the schema can be distributed by `org_id` with Citus
 * (docs/deploy.md). The existing single-organisation data moves into the default organisation
 * (DEFAULT_ORG_ID) without loss.
 *
 * Both databases take the same path, because SQLite cannot change a primary key in place: each table is
 * created anew as `<name>__t`, its rows are copied with the default organisation, the old tables are dropped
 * (children first) and the new ones renamed. Indexes and the append-only triggers of audit_log are created
 * again; PostgreSQL's audit_log sequence continues after the highest id.
 *
 * Two deliberate dialect differences: on SQLite `audit_log.id` stays `INTEGER PRIMARY KEY AUTOINCREMENT`
 * (SQLite allows no other auto-increment key; `(org_id, id)` is unique instead), and a nullable reference
 * that is cleared when its target goes (`self_checks.account_id`, `finding_reports.user_id`) is a composite
 * foreign key `ON DELETE SET NULL (col)` on PostgreSQL and a trigger on SQLite (whose SET NULL would clear
 * org_id too).
 */
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { DialectName } from './migrations.js';
import { DEFAULT_ORG_ID } from './tenant.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: schema builders of tables that do not exist in the types yet
type Builder = CreateTableBuilder<any, any>;

interface TableDef {
  name: string;
  build: (t: Builder, dialect: DialectName) => Builder;
  indexes?: Array<[string, string[]]>;
}

const text = 'text' as const;
const int = 'integer' as const;

function fk(t: Builder, table: string, cols: string[], target: string, targetCols: string[], onDelete: 'cascade' | 'restrict'): Builder {
  return t.addForeignKeyConstraint(`${table}_${cols.slice(1).join('_')}_ofk`, cols, `${target}__t`, targetCols, (c) => c.onDelete(onDelete));
}

/** The tenant tables in parent-first order, as they are after this migration. */
const TABLES: TableDef[] = [
  {
    name: 'units',
    build: (t) =>
      fk(
        t
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('code', text, (c) => c.notNull())
          .addColumn('name', text, (c) => c.notNull())
          .addColumn('parent_id', text)
          .addColumn('created_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('units_opk', ['org_id', 'id'])
          .addUniqueConstraint('units_code_ouq', ['org_id', 'code']),
        'units',
        ['org_id', 'parent_id'],
        'units',
        ['org_id', 'id'],
        'restrict',
      ),
    indexes: [['units_parent_idx', ['org_id', 'parent_id']]],
  },
  {
    name: 'users',
    build: (t) =>
      fk(
        t
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('username', text, (c) => c.notNull())
          .addColumn('name', text, (c) => c.notNull())
          .addColumn('role', text, (c) => c.notNull().check(sql`role in ('pegawai','atasan','humas','admin')`))
          .addColumn('unit_id', text, (c) => c.notNull())
          .addColumn('password_hash', text, (c) => c.notNull())
          .addColumn('super_admin', int, (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('updated_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('users_opk', ['org_id', 'id'])
          .addUniqueConstraint('users_username_ouq', ['org_id', 'username']),
        'users',
        ['org_id', 'unit_id'],
        'units',
        ['org_id', 'id'],
        'restrict',
      ),
    // login looks a username up across organisations (the organisation is not typed in unless needed)
    indexes: [
      ['users_unit_idx', ['org_id', 'unit_id']],
      ['users_username_idx', ['username']],
    ],
  },
  {
    name: 'sessions',
    build: (t) =>
      fk(
        t
          .addColumn('token_hash', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('csrf_token', text, (c) => c.notNull())
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('expires_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('sessions_opk', ['org_id', 'token_hash']),
        'sessions',
        ['org_id', 'user_id'],
        'users',
        ['org_id', 'id'],
        'cascade',
      ),
    indexes: [['sessions_user_idx', ['org_id', 'user_id']]],
  },
  {
    name: 'user_settings',
    build: (t) =>
      fk(
        t
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('save_history', int, (c) => c.notNull().defaultTo(0))
          .addColumn('locale', text, (c) => c.notNull().defaultTo('id'))
          .addColumn('updated_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('user_settings_opk', ['org_id', 'user_id']),
        'user_settings',
        ['org_id', 'user_id'],
        'users',
        ['org_id', 'id'],
        'cascade',
      ),
  },
  {
    name: 'social_accounts',
    build: (t) =>
      fk(
        t
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('platform', text, (c) => c.notNull())
          .addColumn('handle', text, (c) => c.notNull())
          .addColumn('display_name', text, (c) => c.notNull().defaultTo(''))
          .addColumn('bio', text, (c) => c.notNull().defaultTo(''))
          .addColumn('findings_json', text, (c) => c.notNull().defaultTo('[]'))
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('updated_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('social_accounts_opk', ['org_id', 'id']),
        'social_accounts',
        ['org_id', 'user_id'],
        'users',
        ['org_id', 'id'],
        'cascade',
      ),
    indexes: [['social_accounts_user_idx', ['org_id', 'user_id']]],
  },
  {
    name: 'self_checks',
    build: (t) =>
      fk(
        t
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('account_id', text)
          .addColumn('two_factor', int, (c) => c.notNull())
          .addColumn('password_changed', int, (c) => c.notNull())
          .addColumn('display_name_ok', int, (c) => c.notNull())
          .addColumn('posts_reviewed', int, (c) => c.notNull())
          .addColumn('note', text, (c) => c.notNull().defaultTo(''))
          .addColumn('created_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('self_checks_opk', ['org_id', 'id']),
        'self_checks',
        ['org_id', 'user_id'],
        'users',
        ['org_id', 'id'],
        'cascade',
      ),
    indexes: [['self_checks_user_idx', ['org_id', 'user_id', 'created_at']]],
  },
  {
    name: 'drafts',
    build: (t) =>
      fk(
        t
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('text', text, (c) => c.notNull())
          .addColumn('platform', text)
          .addColumn('findings_json', text, (c) => c.notNull().defaultTo('[]'))
          .addColumn('shared', int, (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('dismissals_json', text, (c) => c.notNull().defaultTo('[]'))
          .addPrimaryKeyConstraint('drafts_opk', ['org_id', 'id']),
        'drafts',
        ['org_id', 'user_id'],
        'users',
        ['org_id', 'id'],
        'cascade',
      ),
    indexes: [['drafts_user_idx', ['org_id', 'user_id', 'created_at']]],
  },
  {
    name: 'policy_versions',
    build: (t) =>
      t
        .addColumn('version', int, (c) => c.notNull())
        .addColumn('policy_json', text, (c) => c.notNull())
        .addColumn('updated_by', text)
        .addColumn('updated_by_name', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .addColumn('summary', text, (c) => c.notNull().defaultTo(''))
        .addPrimaryKeyConstraint('policy_versions_opk', ['org_id', 'version']),
  },
  {
    name: 'audit_log',
    build: (t, dialect) => {
      const withId =
        dialect === 'postgres'
          ? t.addColumn('id', 'bigserial', (c) => c.notNull())
          : // SQLite's only auto-increment key is a one-column INTEGER PRIMARY KEY; (org_id, id) is unique instead
            t.addColumn('id', int, (c) => c.primaryKey().autoIncrement());
      const cols = withId
        .addColumn('at', text, (c) => c.notNull())
        .addColumn('actor_id', text)
        .addColumn('actor_name', text, (c) => c.notNull())
        .addColumn('action', text, (c) => c.notNull())
        .addColumn('subject_user_id', text)
        .addColumn('detail_json', text, (c) => c.notNull().defaultTo('{}'));
      return dialect === 'postgres'
        ? cols.addPrimaryKeyConstraint('audit_log_opk', ['org_id', 'id'])
        : cols.addUniqueConstraint('audit_log_ouq', ['org_id', 'id']);
    },
    indexes: [['audit_log_subject_idx', ['org_id', 'subject_user_id', 'id']]],
  },
  {
    name: 'audit_reports',
    build: (t) =>
      fk(
        t
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('status', text, (c) => c.notNull())
          .addColumn('platform', text)
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('finished_at', text)
          .addColumn('summary_json', text)
          .addColumn('flagged_json', text)
          .addColumn('shared', int, (c) => c.notNull().defaultTo(0))
          .addColumn('error', text)
          .addPrimaryKeyConstraint('audit_reports_opk', ['org_id', 'id']),
        'audit_reports',
        ['org_id', 'user_id'],
        'users',
        ['org_id', 'id'],
        'cascade',
      ),
    indexes: [['audit_reports_user_idx', ['org_id', 'user_id', 'created_at']]],
  },
  {
    name: 'audit_flagged',
    build: (t) =>
      fk(
        t
          .addColumn('report_id', text, (c) => c.notNull())
          .addColumn('seq', int, (c) => c.notNull())
          .addColumn('list', text, (c) => c.notNull())
          .addColumn('day', text)
          .addColumn('date', text)
          .addColumn('severity_rank', int, (c) => c.notNull())
          .addColumn('categories', text, (c) => c.notNull())
          .addColumn('search', text, (c) => c.notNull())
          .addColumn('post_json', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('audit_flagged_opk', ['org_id', 'report_id', 'seq']),
        'audit_flagged',
        ['org_id', 'report_id'],
        'audit_reports',
        ['org_id', 'id'],
        'cascade',
      ),
    indexes: [
      ['audit_flagged_sev_idx', ['org_id', 'report_id', 'list', 'severity_rank', 'date']],
      ['audit_flagged_day_idx', ['org_id', 'report_id', 'list', 'day']],
    ],
  },
  {
    name: 'finding_dismissals',
    build: (t) =>
      fk(
        t
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('unit_id', text, (c) => c.notNull())
          .addColumn('rule_id', text, (c) => c.notNull())
          .addColumn('category', text, (c) => c.notNull())
          .addColumn('severity', text, (c) => c.notNull())
          .addColumn('reason_code', text, (c) => c.notNull())
          .addColumn('reason', text, (c) => c.notNull().defaultTo(''))
          .addColumn('platform', text)
          .addColumn('created_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('finding_dismissals_opk', ['org_id', 'id']),
        'finding_dismissals',
        ['org_id', 'user_id'],
        'users',
        ['org_id', 'id'],
        'cascade',
      ),
    indexes: [['finding_dismissals_rule_idx', ['org_id', 'rule_id', 'created_at']]],
  },
  {
    name: 'finding_reports',
    build: (t) =>
      t
        .addColumn('id', text, (c) => c.notNull())
        .addColumn('user_id', text)
        .addColumn('reporter_name', text, (c) => c.notNull())
        .addColumn('unit_id', text, (c) => c.notNull())
        .addColumn('source', text, (c) => c.notNull())
        .addColumn('platform', text)
        .addColumn('text', text)
        .addColumn('finding_json', text, (c) => c.notNull())
        .addColumn('comment', text, (c) => c.notNull().defaultTo(''))
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('expect_json', text)
        .addColumn('resolution', text, (c) => c.notNull().defaultTo(''))
        .addColumn('resolved_by_name', text)
        .addColumn('resolved_at', text)
        .addColumn('created_at', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('finding_reports_opk', ['org_id', 'id']),
    indexes: [['finding_reports_status_idx', ['org_id', 'status', 'created_at']]],
  },
  {
    name: 'kb_entries',
    build: (t) =>
      t
        .addColumn('id', text, (c) => c.notNull())
        .addColumn('entry_json', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull().check(sql`status in ('active','retired')`))
        .addColumn('source_url', text, (c) => c.notNull().defaultTo(''))
        .addColumn('rev', int, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .addColumn('updated_by_name', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('kb_entries_opk', ['org_id', 'id']),
    indexes: [
      ['kb_entries_rev_idx', ['org_id', 'rev']],
      ['kb_entries_status_idx', ['org_id', 'status', 'updated_at']],
    ],
  },
  {
    name: 'library_items',
    build: (t) =>
      t
        .addColumn('id', text, (c) => c.notNull())
        .addColumn('title', text, (c) => c.notNull())
        .addColumn('body', text, (c) => c.notNull())
        .addColumn('link', text, (c) => c.notNull())
        .addColumn('image_url', text)
        .addColumn('tags_json', text, (c) => c.notNull().defaultTo('[]'))
        .addColumn('target_units_json', text, (c) => c.notNull().defaultTo('[]'))
        .addColumn('valid_from', text)
        .addColumn('valid_until', text)
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('origin', text, (c) => c.notNull().defaultTo('manual'))
        .addColumn('created_by', text, (c) => c.notNull())
        .addColumn('submitted_by', text)
        .addColumn('reviewed_by', text)
        .addColumn('review_note', text, (c) => c.notNull().defaultTo(''))
        .addColumn('published_at', text)
        .addColumn('archived_at', text)
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('library_items_opk', ['org_id', 'id']),
    indexes: [['library_items_status_idx', ['org_id', 'status', 'published_at']]],
  },
  {
    name: 'library_variants',
    build: (t) =>
      fk(
        t
          .addColumn('item_id', text, (c) => c.notNull())
          .addColumn('platform', text, (c) => c.notNull())
          .addColumn('text', text, (c) => c.notNull())
          .addColumn('findings_json', text, (c) => c.notNull().defaultTo('[]'))
          .addColumn('override_reason', text)
          .addColumn('override_by', text)
          .addColumn('override_at', text)
          .addColumn('updated_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('library_variants_opk', ['org_id', 'item_id', 'platform']),
        'library_variants',
        ['org_id', 'item_id'],
        'library_items',
        ['org_id', 'id'],
        'cascade',
      ),
  },
  {
    name: 'library_links',
    build: (t) =>
      fk(
        fk(
          t
            .addColumn('code', text, (c) => c.notNull())
            .addColumn('item_id', text, (c) => c.notNull())
            .addColumn('user_id', text, (c) => c.notNull())
            .addColumn('unit_id', text, (c) => c.notNull())
            .addColumn('platform', text, (c) => c.notNull())
            .addColumn('created_at', text, (c) => c.notNull())
            .addPrimaryKeyConstraint('library_links_opk', ['org_id', 'code'])
            .addUniqueConstraint('library_links_owner_ouq', ['org_id', 'item_id', 'user_id', 'platform']),
          'library_links',
          ['org_id', 'item_id'],
          'library_items',
          ['org_id', 'id'],
          'cascade',
        ),
        'library_links',
        ['org_id', 'user_id'],
        'users',
        ['org_id', 'id'],
        'cascade',
      ),
    // the public short link /s/<code> is looked up by its code alone (it names no organisation)
    indexes: [['library_links_code_idx', ['code']]],
  },
  {
    name: 'library_shares',
    build: (t) =>
      fk(
        t
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('code', text, (c) => c.notNull())
          .addColumn('item_id', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('unit_id', text, (c) => c.notNull())
          .addColumn('platform', text, (c) => c.notNull())
          .addColumn('day', text, (c) => c.notNull())
          .addColumn('created_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('library_shares_opk', ['org_id', 'id']),
        'library_shares',
        ['org_id', 'code'],
        'library_links',
        ['org_id', 'code'],
        'cascade',
      ),
    indexes: [
      ['library_shares_item_idx', ['org_id', 'item_id', 'day']],
      ['library_shares_user_idx', ['org_id', 'user_id', 'day']],
    ],
  },
  {
    name: 'library_clicks',
    build: (t) =>
      fk(
        t
          .addColumn('code', text, (c) => c.notNull())
          .addColumn('day', text, (c) => c.notNull())
          .addColumn('clicks', int, (c) => c.notNull().defaultTo(0))
          .addColumn('uniques', int, (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('library_clicks_opk', ['org_id', 'code', 'day']),
        'library_clicks',
        ['org_id', 'code'],
        'library_links',
        ['org_id', 'code'],
        'cascade',
      ),
  },
];

/** Names of the tenant tables this migration rebuilds (tests compare them with TENANT_TABLES). */
export const MIGRATED_TENANT_TABLES = TABLES.map((t) => t.name);

async function appendOnlyTriggers(db: AnyDb, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    // the function bijak_audit_log_append_only() of 0001_initial outlives the old table
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
}

/** References cleared (not cascaded) when their target goes: only the referencing column becomes null. */
async function setNullReferences(db: AnyDb, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`ALTER TABLE self_checks ADD CONSTRAINT self_checks_account_ofk FOREIGN KEY (org_id, account_id)
      REFERENCES social_accounts (org_id, id) ON DELETE SET NULL (account_id)`.execute(db);
    await sql`ALTER TABLE finding_reports ADD CONSTRAINT finding_reports_user_ofk FOREIGN KEY (org_id, user_id)
      REFERENCES users (org_id, id) ON DELETE SET NULL (user_id)`.execute(db);
  } else {
    await sql`CREATE TRIGGER self_checks_account_clear AFTER DELETE ON social_accounts BEGIN
      UPDATE self_checks SET account_id = NULL WHERE org_id = OLD.org_id AND account_id = OLD.id; END`.execute(db);
    await sql`CREATE TRIGGER finding_reports_user_clear AFTER DELETE ON users BEGIN
      UPDATE finding_reports SET user_id = NULL WHERE org_id = OLD.org_id AND user_id = OLD.id; END`.execute(db);
  }
}

/** Columns of the tables in the current schema (Kysely's introspection lists every schema of PostgreSQL). */
async function currentColumns(db: AnyDb, dialect: DialectName): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (dialect === 'postgres') {
    const r = await sql<{ t: string; c: string }>`SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db);
    for (const row of r.rows) out.set(row.t, [...(out.get(row.t) ?? []), row.c]);
    return out;
  }
  for (const t of await db.introspection.getTables())
    out.set(
      t.name,
      t.columns.map((c) => c.name),
    );
  return out;
}

export async function tenantsUp(db: AnyDb, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.insertInto('organizations').values({ id: DEFAULT_ORG_ID, code: 'utama', name: 'Organisasi utama', created_at: new Date().toISOString() }).execute();

  const existing = await currentColumns(db, dialect);
  for (const def of TABLES) {
    let t = db.schema.createTable(`${def.name}__t`).addColumn('org_id', text, (c) => c.notNull().references('organizations.id').onDelete('restrict'));
    t = def.build(t, dialect);
    await t.execute();
    const old = existing.get(def.name);
    if (!old) continue;
    const cols = old.filter((c) => c !== 'org_id');
    const list = sql.join(cols.map((c) => sql.ref(c)));
    await sql`INSERT INTO ${sql.table(`${def.name}__t`)} (org_id, ${list}) SELECT ${DEFAULT_ORG_ID}, ${list} FROM ${sql.table(def.name)}`.execute(db);
  }
  // SQLite empties a table before dropping it, and checks ON DELETE RESTRICT row by row: the old units'
  // references to their parents go first (their rows are already copied)
  if (dialect === 'sqlite' && existing.has('units')) await sql`UPDATE units SET parent_id = NULL`.execute(db);
  for (const def of [...TABLES].reverse()) if (existing.has(def.name)) await db.schema.dropTable(def.name).execute();
  for (const def of TABLES) await db.schema.alterTable(`${def.name}__t`).renameTo(def.name).execute();
  for (const def of TABLES) for (const [name, cols] of def.indexes ?? []) await db.schema.createIndex(name).on(def.name).columns(cols).execute();
  if (dialect === 'postgres') {
    // the copied ids came with the rows; the new sequence continues after them
    await sql`SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT max(id) FROM audit_log), 0) + 1, false)`.execute(db);
  }
  await appendOnlyTriggers(db, dialect);
  await setNullReferences(db, dialect);
}

/**
 * Tables of durable jobs and shared limits (issue 12), used on PostgreSQL where several nodes share one database:
 * - `audit_uploads`: the uploaded export of a queued audit in 1 MiB chunks, so any node can run the audit (and
 *   run it again after a node died); written in the transaction that creates the report row and its pg-boss job,
 *   deleted in the transaction that stores the report;
 * - `audit_reports.progress_json`, `.attempt` and `.runner`: the running attempt's progress (read by the SSE stream
 *   of any node), which attempt owns the row (a stale attempt can neither write progress nor store a report) and
 *   the node running it (`host:pid`);
 * - `rate_counters` (PostgreSQL only, UNLOGGED): fixed-window request counters of @fastify/rate-limit shared by
 *   all nodes (src/server/rate-store.ts).
 * The pg-boss tables live in their own schema, created by pg-boss (src/server/audit/pg-queue.ts).
 * The migration is '015_jobs' in src/db/migrations.ts; the types join `Database` by module augmentation.
 */
import { type Kysely, sql } from 'kysely';
import type { DialectName } from './migrations.js';
import type { OrgColumn } from './types.js';

export interface AuditUploadsTable {
  /** The organisation (issue 12 tenants; added by the tenant plugin, first in every key). */
  org_id: OrgColumn;
  report_id: string;
  seq: number;
  chunk: Buffer;
}

export interface RateCountersTable {
  key: string;
  /** Start of the counter's window, epoch ms. */
  window_start: number;
  count: number;
}

declare module './types.js' {
  interface AuditReportsTable {
    /** JSON of the running attempt's progress (PostgreSQL job queue). */
    progress_json?: string | null;
    /** The pg-boss attempt (retry count) that owns the row while it runs. */
    attempt?: number | null;
    /** The node running (or last running) the audit, `host:pid` (operations; the soak bench kills that node). */
    runner?: string | null;
  }
  interface Database {
    audit_uploads: AuditUploadsTable;
    rate_counters: RateCountersTable;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function jobsUp(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('audit_reports').addColumn('progress_json', 'text').execute();
  await db.schema.alterTable('audit_reports').addColumn('attempt', 'integer').execute();
  await db.schema.alterTable('audit_reports').addColumn('runner', 'text').execute();
  // a tenant table (014_tenants): the organisation first in its keys, for Citus (docs/deploy.md)
  await db.schema
    .createTable('audit_uploads')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('chunk', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_uploads_pk', ['org_id', 'report_id', 'seq'])
    .addForeignKeyConstraint('audit_uploads_report_ofk', ['org_id', 'report_id'], 'audit_reports', ['org_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  if (dialect === 'postgres') {
    // counters are worth losing on a crash (a window restarts), not worth WAL on every request
    await sql`CREATE UNLOGGED TABLE rate_counters (key text PRIMARY KEY, window_start bigint NOT NULL, count integer NOT NULL)`.execute(db);
  }
}

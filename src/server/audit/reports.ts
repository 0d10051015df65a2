/**
 * Queries of stored footprint-audit reports shared by the audit route modules: the owner's row, the list item
 * shape, the stored JSON of flagged posts (older reports) and counts of flagged rows.
 */
import type { FastifyInstance } from 'fastify';
import type { AuditSummary, FlaggedPost } from '../../audit/index.js';
import { notFound } from '../errors.js';
import { STALE_MS } from './options.js';

export interface StoredFlagged {
  flagged: FlaggedPost[];
  likes?: { scanned: number; flagged: FlaggedPost[] };
  truncated?: boolean;
  warnings?: Array<{ id: string; en: string }>;
  /** The posts and likes are in the audit_flagged table (issue 8); `flagged` and `likes.flagged` are then empty. */
  inRows?: boolean;
  /** Count of flagged likes (when in rows). */
  likesFlagged?: number;
}

export function parseJson<T>(s: string | null, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export function parseStored(s: string | null): StoredFlagged {
  return parseJson<StoredFlagged>(s, { flagged: [] });
}

export const LIST_COLUMNS = ['id', 'status', 'platform', 'created_at', 'finished_at', 'summary_json', 'shared', 'error'] as const;

export function listItem(r: {
  id: string;
  status: string;
  platform: string | null;
  created_at: string;
  finished_at: string | null;
  summary_json: string | null;
  shared: number;
  error: string | null;
}) {
  return {
    id: r.id,
    status: r.status,
    platform: r.platform,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    summary: parseJson<AuditSummary | null>(r.summary_json, null),
    shared: Number(r.shared) === 1,
    error: r.error,
  };
}

/**
 * The user's own report row (404 otherwise). A row still queued/running that no queue knows of (`isActive`)
 * long after it started was interrupted and is marked failed.
 */
export async function ownRow(app: FastifyInstance, id: string, userId: string, isActive: (id: string) => boolean | Promise<boolean>) {
  const db = app.db;
  const row = await db.selectFrom('audit_reports').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('Laporan audit tidak ditemukan.', 'Audit report not found.');
  if ((row.status === 'queued' || row.status === 'running') && Date.now() - Date.parse(row.created_at) > STALE_MS && !(await isActive(id))) {
    row.status = 'error';
    row.error = 'Audit terhenti (server dimulai ulang); unggah arsipnya lagi. / The audit was interrupted (server restart); upload the archive again.';
    await db.updateTable('audit_reports').set({ status: row.status, error: row.error }).where('id', '=', id).execute();
  }
  return row;
}

export async function countRows(app: FastifyInstance, id: string, list: 'posts' | 'likes'): Promise<number> {
  const r = await app.db
    .selectFrom('audit_flagged')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('report_id', '=', id)
    .where('list', '=', list)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * One footprint audit from an uploaded file to a stored report, whichever queue runs it: the archive is read
 * and checked in a worker thread, the upload is deleted as soon as it is read, the flagged posts become rows
 * (src/server/audit-rows.ts) and the report row is marked done. Failures become a bilingual message for the user.
 */
import { promises as fsp } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { AuditError, type AuditPlatform, type AuditProgress, type AuditSummary, audit } from '../../audit/index.js';
import type { Database } from '../../db/types.js';
import { storeRows } from '../audit-rows.js';
import type { AuditSettings } from './options.js';
import type { StoredFlagged } from './reports.js';

/** Progress of a running audit as the SSE stream sends it. */
export interface JobProgress {
  scanned: number;
  flagged: number;
  rate: number;
  percent: number | null;
  eta: number | null;
}

export const INITIAL_PROGRESS: JobProgress = { scanned: 0, flagged: 0, rate: 0, percent: 0, eta: null };

/** What a queue needs to run one audit. */
export interface AuditJobData {
  id: string;
  /** The organisation of the upload (issue 12): the job's queries run scoped to it (runAsTenant), wherever it runs. */
  orgId: string;
  userId: string;
  /** Folder of the upload (deleted afterwards in all cases). */
  dir: string;
  file: string;
  platform?: AuditPlatform;
}

export function toJobProgress(p: AuditProgress): JobProgress {
  return {
    scanned: p.scanned,
    flagged: p.flagged,
    rate: p.rate,
    percent: p.bytesTotal > 0 ? Math.round((100 * p.bytesRead) / p.bytesTotal) : null,
    eta: p.eta === null ? null : Math.round(p.eta),
  };
}

export type AuditReport = Awaited<ReturnType<typeof audit>>;

/** Reads and checks the uploaded file (the upload folder is deleted as soon as it is read); throws on failure. */
export async function runAuditFile(
  app: FastifyInstance,
  settings: AuditSettings,
  job: Pick<AuditJobData, 'dir' | 'file' | 'platform'>,
  signal: AbortSignal,
  onProgress: (p: JobProgress) => void,
): Promise<AuditReport> {
  const checker = await app.getChecker();
  const { policy } = await app.getPolicy();
  try {
    return await audit(job.file, {
      checker,
      // checks always run in a worker thread (small exports too: one hostile post could hold the event loop);
      // without a worker the audit fails rather than check on the server's thread
      parallel: { policy, workers: 1, minBytes: 0, required: true, kb: (await app.kbStore.index())?.entries },
      platform: job.platform,
      signal: AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]),
      limits: settings.limits,
      progressInterval: 300,
      onProgress: (p: AuditProgress) => onProgress(toJobProgress(p)),
    });
  } finally {
    // the upload is deleted as soon as it is read, before the report is stored
    await fsp.rm(job.dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** Stores a finished report: its flagged rows and the report row marked done (pass a transaction to make it one step). */
export async function storeReport(db: Kysely<Database>, id: string, report: AuditReport): Promise<void> {
  await storeRows(db, id, report.flagged, report.likes.flagged);
  const stored: StoredFlagged = {
    flagged: [],
    likes: { scanned: report.likes.scanned, flagged: [] },
    likesFlagged: report.likes.flagged.length,
    truncated: report.truncated,
    warnings: report.warnings,
    inRows: true,
  };
  await db
    .updateTable('audit_reports')
    .set({
      status: 'done',
      platform: report.platforms.join(','),
      finished_at: new Date().toISOString(),
      summary_json: JSON.stringify(report.summary),
      flagged_json: JSON.stringify(stored),
      error: null,
    })
    .where('id', '=', id)
    .execute();
}

/** Runs the audit of `job` and stores its report (status done); throws on failure (the caller records it). */
export async function executeAudit(
  app: FastifyInstance,
  settings: AuditSettings,
  job: AuditJobData,
  signal: AbortSignal,
  onProgress: (p: JobProgress) => void,
): Promise<AuditSummary> {
  const report = await runAuditFile(app, settings, job, signal, onProgress);
  await storeReport(app.db, job.id, report);
  return report.summary;
}

export interface AuditFailure {
  message: string;
  messageEn: string;
  code: string;
}

/** The user's message for an audit that failed with `e` (server errors are logged, not shown). */
export function describeFailure(app: FastifyInstance, settings: AuditSettings, id: string, e: unknown): AuditFailure {
  if (e instanceof AuditError) return { message: e.message, messageEn: e.messageEn, code: e.code };
  if ((e as Error)?.name === 'TimeoutError') {
    const min = Math.round(settings.timeoutMs / 60_000);
    return {
      message: `Audit dihentikan: melebihi ${min} menit.`,
      messageEn: `The audit was stopped: it took longer than ${min} minutes.`,
      code: 'internal',
    };
  }
  app.log.error({ err: e, audit: id }, 'audit failed');
  return { message: 'Audit gagal karena kesalahan server.', messageEn: 'The audit failed on a server error.', code: 'internal' };
}

/** Marks the report row failed with the user's message (the row may have been deleted meanwhile). */
export async function markFailed(app: FastifyInstance, id: string, f: Pick<AuditFailure, 'message' | 'messageEn'>): Promise<void> {
  await app.db
    .updateTable('audit_reports')
    .set({ status: 'error', finished_at: new Date().toISOString(), error: `${f.message} / ${f.messageEn}` })
    .where('id', '=', id)
    .execute()
    .catch(() => {});
}

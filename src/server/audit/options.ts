/**
 * Settings of the footprint-audit feature, resolved once per app from the plugin options, the environment and
 * the app's config (docs/api.md "Footprint audit").
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AuditLimits } from '../../audit/index.js';
import type { PgQueueOptions } from './pg-queue.js';

/** Options of the plugin (tests lower the caps). */
export interface AuditRoutesOptions {
  /** Largest upload (default 512 MB, or env AUDIT_MAX_UPLOAD_BYTES). */
  maxUploadBytes?: number;
  /** Audits running at once on this node (default 2, or env AUDIT_CONCURRENCY); more wait in a queue. */
  concurrency?: number;
  /** Longest audit before it is stopped (default 15 min). */
  timeoutMs?: number;
  /** Limits of the archive reader (zip-bomb caps ...). */
  limits?: Partial<AuditLimits>;
  /** The durable queue on PostgreSQL (retries, heartbeats; default from the AUDIT_* environment variables). */
  jobs?: PgQueueOptions;
}

/** The resolved settings. */
export interface AuditSettings {
  maxUpload: number;
  concurrency: number;
  timeoutMs: number;
  limits: Partial<AuditLimits>;
  /** Folder of the uploads waiting for their audit (under DATA_DIR). */
  uploadRoot: string;
}

/** Rows older than this still marked queued/running without a job on this node were interrupted (restart). */
export const STALE_MS = 60 * 60_000;
export const SAFE_NAME = /[^A-Za-z0-9._-]/g;

export function envInt(v: string | undefined): number | undefined {
  const n = v ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function resolveAuditSettings(app: FastifyInstance, opts: AuditRoutesOptions): AuditSettings {
  return {
    maxUpload: opts.maxUploadBytes ?? envInt(process.env.AUDIT_MAX_UPLOAD_BYTES) ?? 512 * 1024 * 1024,
    concurrency: opts.concurrency ?? envInt(process.env.AUDIT_CONCURRENCY) ?? 2,
    timeoutMs: opts.timeoutMs ?? 15 * 60_000,
    // the flagged posts are stored as rows and paged by the API, so a big archive keeps all of them (issue 8)
    limits: { maxFlagged: envInt(process.env.AUDIT_MAX_FLAGGED) ?? 100_000, ...opts.limits },
    uploadRoot: join(app.bijakConfig?.dataDir ?? tmpdir(), 'audit-uploads'),
  };
}

/** The uploaded file's name made safe for the temp folder; the readers detect formats by name, so it is kept when harmless. */
export function safeUploadName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(SAFE_NAME, '_').replace(/^[.]+/, '').slice(-100);
  return clean || 'upload';
}

/**
 * Settings of the footprint-audit feature, resolved once per app from the plugin options (the app's resolved
 * config `audit`, which `configFromEnv` fills from the AUDIT_* variables) and the app's config (docs/api.md
 * "Footprint audit"). Nothing here reads the environment.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AuditLimits } from '../../audit/index.js';
import type { PgQueueOptions } from './pg-queue.js';

/** Options of the plugin (tests lower the caps). */
export interface AuditRoutesOptions {
  /** Largest upload (default 512 MB; `bijak serve`: AUDIT_MAX_UPLOAD_BYTES). */
  maxUploadBytes?: number;
  /** Audits running at once on this node (default 2; `bijak serve`: AUDIT_CONCURRENCY); more wait in a queue. */
  concurrency?: number;
  /** Longest audit before it is stopped (default 15 min). */
  timeoutMs?: number;
  /** Limits of the archive reader (zip-bomb caps ...; maxFlagged default 100,000, `bijak serve`: AUDIT_MAX_FLAGGED). */
  limits?: Partial<AuditLimits>;
  /** The durable queue on PostgreSQL (retries, heartbeats; `bijak serve`: the AUDIT_RETRY_*, AUDIT_HEARTBEAT_SECONDS ... variables). */
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

export function resolveAuditSettings(app: FastifyInstance, opts: AuditRoutesOptions): AuditSettings {
  return {
    maxUpload: opts.maxUploadBytes ?? 512 * 1024 * 1024,
    concurrency: opts.concurrency ?? 2,
    timeoutMs: opts.timeoutMs ?? 15 * 60_000,
    // the flagged posts are stored as rows and paged by the API, so a big archive keeps all of them (issue 8)
    limits: { maxFlagged: 100_000, ...opts.limits },
    uploadRoot: join(app.bijakConfig?.dataDir ?? tmpdir(), 'audit-uploads'),
  };
}

/** The uploaded file's name made safe for the temp folder; the readers detect formats by name, so it is kept when harmless. */
export function safeUploadName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(SAFE_NAME, '_').replace(/^[.]+/, '').slice(-100);
  return clean || 'upload';
}

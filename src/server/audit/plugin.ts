/**
 * Footprint audit (docs/api.md "Footprint audit"): the employee uploads a platform export (multipart field
 * `archive`, streamed to a temp file under DATA_DIR with a size cap), the audit runs in the background, progress
 * streams as server-sent events, and only the report is kept (the upload is deleted after processing in all
 * cases). The owner alone reads, exports, shares (summary only) and deletes a report; supervisors see shared
 * summaries through the employee endpoint (routes/supervisor.ts).
 *
 * This plugin builds the shared context (settings, queue) and registers the route modules, which never import
 * each other: routes/audit-upload.ts, audit-jobs.ts, audit-progress.ts, audit-report.ts.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { auditJobRoutes } from '../routes/audit-jobs.js';
import { auditProgressRoutes } from '../routes/audit-progress.js';
import { auditReportRoutes } from '../routes/audit-report.js';
import { auditUploadRoutes } from '../routes/audit-upload.js';
import { auditContext } from './context.js';
import { LocalAuditQueue } from './local-queue.js';
import { type AuditRoutesOptions, resolveAuditSettings, STALE_MS } from './options.js';
import { PgAuditQueue } from './pg-queue.js';
import type { AuditQueue } from './queue.js';

export type { AuditRoutesOptions } from './options.js';

/** Registers the /api/v1/me/audits routes. */
export async function auditRoutes(app: FastifyInstance, opts: AuditRoutesOptions = {}): Promise<void> {
  const settings = resolveAuditSettings(app, opts);
  const { uploadRoot } = settings;

  await fsp.mkdir(uploadRoot, { recursive: true, mode: 0o700 });
  // uploads left by a crash are removed: only reports are kept
  for (const d of await fsp.readdir(uploadRoot).catch(() => [] as string[])) {
    const p = join(uploadRoot, d);
    const st = await fsp.stat(p).catch(() => null);
    if (st && Date.now() - st.mtimeMs > STALE_MS) await fsp.rm(p, { recursive: true, force: true });
  }

  await app.register(multipart, {
    limits: { fileSize: settings.maxUpload, files: 1, fields: 4, fieldSize: 200, parts: 6, headerPairs: 100 },
  });

  // PostgreSQL: durable pg-boss jobs any node runs; SQLite (one node): the in-process queue
  const databaseUrl = app.bijakConfig?.databaseUrl;
  let queue: AuditQueue;
  if (app.dbDialect === 'postgres' && databaseUrl) {
    const pgQueue = new PgAuditQueue(app, settings, databaseUrl, opts.jobs ?? {});
    await pgQueue.start();
    queue = pgQueue;
  } else queue = new LocalAuditQueue(app, settings);
  app.addHook('onClose', async () => {
    await queue.close();
  });

  const ctx = auditContext(app, settings, queue);
  auditJobRoutes(app, ctx);
  auditUploadRoutes(app, ctx);
  auditProgressRoutes(app, ctx);
  auditReportRoutes(app, ctx);
}

/**
 * Footprint-audit routes (docs/api.md "Footprint audit"): the employee
 * uploads a platform export (multipart field `archive`, streamed to a temp
 * file under DATA_DIR with a size cap), the audit runs in the background,
 * progress streams as server-sent events, and only the report is kept (the
 * upload is deleted after processing in all cases). The owner alone reads,
 * exports, shares (summary only) and deletes a report; supervisors see shared
 * summaries through the employee endpoint (routes/supervisor.ts).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AUDIT_PLATFORMS,
  AuditError,
  type AuditLimits,
  type AuditPlatform,
  type AuditProgress,
  type AuditSummary,
  audit,
  type FlaggedPost,
  flaggedCsv,
  formatBytes,
} from '../../audit/index.js';
import { allRows, groupInMemory, groupRows, groupsQuery, hasRows, pageInMemory, pageRows, postsQuery, storeRows } from '../audit-rows.js';
import { ApiError, notFound } from '../errors.js';
import { idParams, route } from '../route.js';

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
}

type Status = 'queued' | 'running' | 'done' | 'error';

interface Job {
  id: string;
  userId: string;
  status: Status;
  progress: { scanned: number; flagged: number; rate: number; percent: number | null; eta: number | null };
  listeners: Set<(event: string, data: unknown) => void>;
  abort: AbortController;
  done: Promise<void>;
}

/** Rows older than this still marked queued/running without a job on this node were interrupted (restart). */
const STALE_MS = 60 * 60_000;
const SAFE_NAME = /[^A-Za-z0-9._-]/g;

function envInt(v: string | undefined): number | undefined {
  const n = v ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** The uploaded file's name made safe for the temp folder; the readers detect formats by name, so it is kept when harmless. */
export function safeUploadName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(SAFE_NAME, '_').replace(/^[.]+/, '').slice(-100);
  return clean || 'upload';
}

function parseJson<T>(s: string | null, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

interface StoredFlagged {
  flagged: FlaggedPost[];
  likes?: { scanned: number; flagged: FlaggedPost[] };
  truncated?: boolean;
  warnings?: Array<{ id: string; en: string }>;
  /** The posts and likes are in the audit_flagged table (issue 8); `flagged` and `likes.flagged` are then empty. */
  inRows?: boolean;
  /** Count of flagged likes (when in rows). */
  likesFlagged?: number;
}

const platformField = z.enum(AUDIT_PLATFORMS);
/** `?flagged=none` answers the report without its posts (the web pages them with /posts); `all` (default) includes them. */
const reportQuery = z.object({ flagged: z.enum(['all', 'none']).default('all') }).strict();

/** Registers the /api/v1/me/audits routes. */
export async function auditRoutes(app: FastifyInstance, opts: AuditRoutesOptions = {}): Promise<void> {
  const maxUpload = opts.maxUploadBytes ?? envInt(process.env.AUDIT_MAX_UPLOAD_BYTES) ?? 512 * 1024 * 1024;
  const concurrency = opts.concurrency ?? envInt(process.env.AUDIT_CONCURRENCY) ?? 2;
  const timeoutMs = opts.timeoutMs ?? 15 * 60_000;
  // the flagged posts are stored as rows and paged by the API, so a big archive keeps all of them (issue 8)
  const limits: Partial<AuditLimits> = { maxFlagged: envInt(process.env.AUDIT_MAX_FLAGGED) ?? 100_000, ...opts.limits };
  const uploadRoot = join(app.bijakConfig?.dataDir ?? tmpdir(), 'audit-uploads');
  const jobs = new Map<string, Job>();
  let running = 0;
  const waiting: Array<() => void> = [];
  const db = app.db;

  await fsp.mkdir(uploadRoot, { recursive: true, mode: 0o700 });
  // uploads left by a crash are removed: only reports are kept
  for (const d of await fsp.readdir(uploadRoot).catch(() => [] as string[])) {
    const p = join(uploadRoot, d);
    const st = await fsp.stat(p).catch(() => null);
    if (st && Date.now() - st.mtimeMs > STALE_MS) await fsp.rm(p, { recursive: true, force: true });
  }

  await app.register(multipart, { limits: { fileSize: maxUpload, files: 1, fields: 4, fieldSize: 200, parts: 6, headerPairs: 100 } });

  app.addHook('onClose', async () => {
    for (const j of jobs.values()) j.abort.abort();
    await Promise.allSettled([...jobs.values()].map((j) => j.done));
  });

  const emit = (job: Job, event: string, data: unknown) => {
    for (const l of job.listeners) l(event, data);
  };

  const slot = async () => {
    if (running < concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  async function runJob(job: Job, dir: string, file: string, platform: AuditPlatform | undefined): Promise<void> {
    try {
      await slot();
      try {
        if (job.abort.signal.aborted) throw new AuditError('aborted', 'Audit dibatalkan.', 'The audit was cancelled.');
        job.status = 'running';
        await db.updateTable('audit_reports').set({ status: 'running' }).where('id', '=', job.id).execute();
        emit(job, 'progress', job.progress);
        const checker = await app.getChecker();
        const { policy } = await app.getPolicy();
        const signal = AbortSignal.any([job.abort.signal, AbortSignal.timeout(timeoutMs)]);
        let report: Awaited<ReturnType<typeof audit>>;
        try {
          report = await audit(file, {
            checker,
            // checks always run in a worker thread (small exports too: one hostile post could hold the event loop);
            // without a worker the audit fails rather than check on the server's thread
            parallel: { policy, workers: 1, minBytes: 0, required: true, kb: (await app.kbStore.index())?.entries },
            platform,
            signal,
            limits,
            progressInterval: 300,
            onProgress: (p: AuditProgress) => {
              job.progress = {
                scanned: p.scanned,
                flagged: p.flagged,
                rate: p.rate,
                percent: p.bytesTotal > 0 ? Math.round((100 * p.bytesRead) / p.bytesTotal) : null,
                eta: p.eta === null ? null : Math.round(p.eta),
              };
              emit(job, 'progress', job.progress);
            },
          });
        } finally {
          // the upload is deleted as soon as it is read, before the report is stored
          await fsp.rm(dir, { recursive: true, force: true }).catch(() => {});
        }
        await storeRows(db, job.id, report.flagged, report.likes.flagged);
        const stored: StoredFlagged = {
          flagged: [],
          likes: { scanned: report.likes.scanned, flagged: [] },
          likesFlagged: report.likes.flagged.length,
          truncated: report.truncated,
          warnings: report.warnings,
          inRows: true,
        };
        job.status = 'done';
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
          .where('id', '=', job.id)
          .execute();
        jobs.delete(job.id);
        emit(job, 'done', { summary: report.summary });
      } finally {
        release();
      }
    } catch (e) {
      job.status = 'error';
      await fsp.rm(dir, { recursive: true, force: true }).catch(() => {});
      let message: string;
      let messageEn: string;
      if (e instanceof AuditError) {
        message = e.message;
        messageEn = e.messageEn;
      } else if ((e as Error)?.name === 'TimeoutError') {
        message = `Audit dihentikan: melebihi ${Math.round(timeoutMs / 60_000)} menit.`;
        messageEn = `The audit was stopped: it took longer than ${Math.round(timeoutMs / 60_000)} minutes.`;
      } else {
        app.log.error({ err: e, audit: job.id }, 'audit failed');
        message = 'Audit gagal karena kesalahan server.';
        messageEn = 'The audit failed on a server error.';
      }
      await db
        .updateTable('audit_reports')
        .set({ status: 'error', finished_at: new Date().toISOString(), error: `${message} / ${messageEn}` })
        .where('id', '=', job.id)
        .execute()
        .catch(() => {}); // the report may have been deleted meanwhile
      jobs.delete(job.id);
      emit(job, 'error', { message, messageEn, code: e instanceof AuditError ? e.code : 'internal' });
    } finally {
      await fsp.rm(dir, { recursive: true, force: true }).catch(() => {});
      jobs.delete(job.id);
    }
  }

  async function ownRow(id: string, userId: string) {
    const row = await db.selectFrom('audit_reports').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw notFound('Laporan audit tidak ditemukan.', 'Audit report not found.');
    // a row still queued/running with no job on this node long after it started was interrupted by a restart
    if ((row.status === 'queued' || row.status === 'running') && !jobs.has(id) && Date.now() - Date.parse(row.created_at) > STALE_MS) {
      row.status = 'error';
      row.error = 'Audit terhenti (server dimulai ulang); unggah arsipnya lagi. / The audit was interrupted (server restart); upload the archive again.';
      await db.updateTable('audit_reports').set({ status: row.status, error: row.error }).where('id', '=', id).execute();
    }
    return row;
  }

  const listItem = (r: {
    id: string;
    status: string;
    platform: string | null;
    created_at: string;
    finished_at: string | null;
    summary_json: string | null;
    shared: number;
    error: string | null;
  }) => ({
    id: r.id,
    status: r.status,
    platform: r.platform,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    summary: parseJson<AuditSummary | null>(r.summary_json, null),
    shared: Number(r.shared) === 1,
    error: r.error,
  });

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits',
      summary: 'My footprint audits (newest first)',
      tag: 'audit',
      access: 'user',
      response: 'AuditReport[] without flagged',
    },
    async ({ user }) => {
      const rows = await db
        .selectFrom('audit_reports')
        .select(['id', 'status', 'platform', 'created_at', 'finished_at', 'summary_json', 'shared', 'error'])
        .where('user_id', '=', user.id)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map(listItem);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/me/audits',
      summary: `Upload a platform export (multipart: archive, platform?); ≤ ${formatBytes(maxUpload)}`,
      tag: 'audit',
      access: 'user',
      status: 202,
      contentType: 'multipart/form-data',
      response: '{id}; the audit runs in the background, the upload is deleted afterwards',
      rateLimit: { max: 30, timeWindow: 60_000 },
    },
    async ({ req, user }) => {
      if (!req.isMultipart())
        throw new ApiError('validation_error', 'Kirim multipart/form-data dengan berkas "archive".', 'Send multipart/form-data with a file field "archive".');
      const active = [...jobs.values()].filter((j) => j.userId === user.id).length;
      if (active >= 2)
        throw new ApiError(
          'conflict',
          'Masih ada audit Anda yang berjalan; tunggu sampai selesai.',
          'Audits of yours are still running; wait for them to finish.',
        );
      const id = randomUUID();
      const dir = join(uploadRoot, id);
      await fsp.mkdir(dir, { mode: 0o700 });
      let file: string | null = null;
      let platform: AuditPlatform | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'platform' && part.value !== '' && part.value !== undefined) {
              const p = platformField.safeParse(part.value);
              if (!p.success)
                throw new ApiError('validation_error', `Platform tidak dikenal: ${String(part.value)}`, `Unknown platform: ${String(part.value)}`, [
                  { path: 'body.platform', message: `one of ${AUDIT_PLATFORMS.join(', ')}` },
                ]);
              platform = p.data;
            }
            continue;
          }
          if (part.fieldname !== 'archive' || file) {
            part.file.resume();
            continue;
          }
          file = join(dir, safeUploadName(part.filename));
          await pipeline(part.file, createWriteStream(file, { mode: 0o600 }));
          if (part.file.truncated) throw new Error('too large');
        }
      } catch (e) {
        await fsp.rm(dir, { recursive: true, force: true });
        if (e instanceof ApiError) throw e;
        const code = (e as { code?: string })?.code;
        if (code === 'FST_REQ_FILE_TOO_LARGE' || (e as Error)?.message === 'too large')
          throw new ApiError('payload_too_large', `Arsip lebih besar dari ${formatBytes(maxUpload)}.`, `The archive is larger than ${formatBytes(maxUpload)}.`);
        if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
          throw new ApiError('validation_error', 'Terlalu banyak bagian dalam unggahan.', 'Too many parts in the upload.');
        throw e;
      }
      if (!file) {
        await fsp.rm(dir, { recursive: true, force: true });
        throw new ApiError('validation_error', 'Berkas "archive" tidak ada.', 'The file field "archive" is missing.', [
          { path: 'body.archive', message: 'required' },
        ]);
      }
      await db
        .insertInto('audit_reports')
        .values({ id, user_id: user.id, status: 'queued', platform: platform ?? null, created_at: new Date().toISOString(), shared: 0 })
        .execute();
      const job: Job = {
        id,
        userId: user.id,
        status: 'queued',
        progress: { scanned: 0, flagged: 0, rate: 0, percent: 0, eta: null },
        listeners: new Set(),
        abort: new AbortController(),
        done: Promise.resolve(),
      };
      jobs.set(id, job);
      job.done = runJob(job, dir, file, platform);
      return { id };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id/events',
      summary: 'Progress of an audit (text/event-stream: progress, then done or error)',
      tag: 'audit',
      access: 'user',
      params: idParams,
      response: 'text/event-stream',
      rateLimit: false,
    },
    async ({ params, user, reply, req }) => {
      let row = await ownRow(params.id, user.id);
      let job = jobs.get(params.id);
      if (job && (job.status === 'done' || job.status === 'error')) job = undefined;
      // finished while we looked (the row is written before the job leaves the map): answer from the stored row
      if (!job && (row.status === 'queued' || row.status === 'running')) row = await ownRow(params.id, user.id);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      raw.write('retry: 3000\n\n');
      if (!job) {
        if (row.status === 'done') send('done', { summary: parseJson(row.summary_json, null) });
        else if (row.status === 'error') {
          const [message, messageEn] = (row.error ?? '').split(' / ');
          send('error', { message: message || 'Audit gagal.', messageEn: messageEn ?? 'The audit failed.' });
        } else send('error', { message: 'Audit tidak berjalan di server ini.', messageEn: 'The audit is not running on this server.' });
        raw.end();
        return;
      }
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      const listener = (event: string, data: unknown) => {
        send(event, data);
        if (event === 'done' || event === 'error') close();
      };
      const close = () => {
        clearInterval(keepAlive);
        job.listeners.delete(listener);
        if (!raw.writableEnded) raw.end();
      };
      job.listeners.add(listener);
      req.raw.on('close', close);
      send('progress', job.progress);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id',
      summary: 'One footprint audit with its flagged posts (?flagged=none: summary only; page the posts with /posts)',
      tag: 'audit',
      access: 'user',
      params: idParams,
      query: reportQuery,
    },
    async ({ params, user, query }) => {
      const row = await ownRow(params.id, user.id);
      const stored = parseJson<StoredFlagged>(row.flagged_json, { flagged: [] });
      const inRows = Boolean(stored.inRows);
      const counts = {
        storedPosts: inRows ? await countRows(row.id, 'posts') : (stored.flagged ?? []).length,
        storedLikes: inRows ? (stored.likesFlagged ?? 0) : (stored.likes?.flagged ?? []).length,
      };
      const want = query.flagged === 'all';
      return {
        ...listItem(row),
        ...counts,
        flagged: want ? (inRows ? await allRows(db, row.id, 'posts') : (stored.flagged ?? [])) : [],
        likes: {
          scanned: stored.likes?.scanned ?? 0,
          flagged: want ? (inRows ? await allRows(db, row.id, 'likes') : (stored.likes?.flagged ?? [])) : [],
        },
        truncated: Boolean(stored.truncated),
        warnings: stored.warnings ?? [],
      };
    },
  );

  async function countRows(id: string, list: 'posts' | 'likes'): Promise<number> {
    const r = await db
      .selectFrom('audit_flagged')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('report_id', '=', id)
      .where('list', '=', list)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id/posts',
      summary: 'A page of the flagged posts (?list, offset, limit ≤ 200, category, severity, from, to, q, sort=severity|newest|oldest)',
      tag: 'audit',
      access: 'user',
      params: idParams,
      query: postsQuery,
      response: '{total, offset, limit, items: FlaggedPost[]}',
    },
    async ({ params, user, query }) => {
      const row = await ownRow(params.id, user.id);
      const stored = parseJson<StoredFlagged>(row.flagged_json, { flagged: [] });
      if (stored.inRows || (await hasRows(db, row.id))) return pageRows(db, row.id, query);
      return pageInMemory(query.list === 'likes' ? (stored.likes?.flagged ?? []) : (stored.flagged ?? []), query);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id/groups',
      summary: 'Flagged posts counted by year, month or category (?by; the filters of /posts)',
      tag: 'audit',
      access: 'user',
      params: idParams,
      query: groupsQuery,
      response: '[{key, count}] (years and months newest first, "unknown" for undated; categories most first)',
    },
    async ({ params, user, query }) => {
      const row = await ownRow(params.id, user.id);
      const stored = parseJson<StoredFlagged>(row.flagged_json, { flagged: [] });
      if (stored.inRows || (await hasRows(db, row.id))) return groupRows(db, row.id, query);
      return groupInMemory(query.list === 'likes' ? (stored.likes?.flagged ?? []) : (stored.flagged ?? []), query);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id/report.csv',
      summary: 'CSV of the flagged posts',
      tag: 'audit',
      access: 'user',
      params: idParams,
      response: 'text/csv',
    },
    async ({ params, user, reply }) => {
      const row = await ownRow(params.id, user.id);
      const stored = parseJson<StoredFlagged>(row.flagged_json, { flagged: [] });
      const posts = stored.inRows
        ? [...(await allRows(db, row.id, 'posts')), ...(await allRows(db, row.id, 'likes'))]
        : [...(stored.flagged ?? []), ...(stored.likes?.flagged ?? [])];
      const csv = `\ufeff${[...flaggedCsv(posts)].join('')}`;
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="jejak-digital-${row.id.replace(SAFE_NAME, '')}.csv"`)
        .header('cache-control', 'private, no-store');
      return csv;
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/me/audits/:id/share',
      summary: 'Share (or stop sharing) the summary, not the posts, with the supervisor',
      tag: 'audit',
      access: 'user',
      params: idParams,
      body: z.object({ share: z.boolean() }).strict(),
    },
    async ({ params, user, body }) => {
      const row = await ownRow(params.id, user.id);
      if (row.status !== 'done' && body.share)
        throw new ApiError('conflict', 'Hanya audit yang selesai yang dapat dibagikan.', 'Only a finished audit can be shared.');
      await db
        .updateTable('audit_reports')
        .set({ shared: body.share ? 1 : 0 })
        .where('id', '=', row.id)
        .where('user_id', '=', user.id)
        .execute();
      await app.audit({ actor: user, action: body.share ? 'audit.share' : 'audit.unshare', subjectUserId: user.id, detail: { auditId: row.id } });
      return { ok: true, shared: body.share };
    },
  );

  route(
    app,
    {
      method: 'DELETE',
      url: '/api/v1/me/audits/:id',
      summary: 'Delete a footprint audit (stops it when running)',
      tag: 'audit',
      access: 'user',
      params: idParams,
    },
    async ({ params, user }) => {
      const row = await ownRow(params.id, user.id);
      const job = jobs.get(row.id);
      if (job) {
        job.abort.abort();
        await job.done;
      }
      await db.deleteFrom('audit_reports').where('id', '=', row.id).where('user_id', '=', user.id).execute();
      return { ok: true };
    },
  );
}

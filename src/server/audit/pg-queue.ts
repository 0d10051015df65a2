/**
 * The durable audit queue on PostgreSQL (issue 12): footprint audits are pg-boss jobs, so any node runs them,
 * a node that dies loses nothing, and the progress stream works from any node.
 *
 * - Enqueue: the report row (status queued), the upload in 1 MiB chunks (`audit_uploads`) and the pg-boss job
 *   (id = report id) are written in ONE transaction: either the user's upload is queued or nothing is.
 * - Run: any node's worker claims the job, takes the row for its attempt (`attempt` = pg-boss retry count),
 *   copies the upload to a private temp folder and runs the audit. Progress is written to the row at most once
 *   a second, only while the attempt owns it; a write that finds no row (deleted by its owner) or another
 *   attempt stops the audit.
 * - Finish: the flagged rows, the row marked done and the deletion of the upload are one transaction that first
 *   locks the row and checks it is still `running` for this attempt, so a report is stored exactly once even
 *   when a node that was thought dead comes back, or a node dies after storing but before pg-boss heard of it.
 * - Failures: an archive that cannot be read (AuditError) or an audit over its time limit fails at once; a
 *   server error is retried with exponential backoff (`retryLimit`); a node killed mid-audit stops sending
 *   heartbeats and pg-boss's supervisor hands the job to another node. A job out of attempts goes to the dead
 *   letter queue, whose worker writes the reason on the report row (status error), which the user sees.
 * - Progress to SSE: each node polls the rows its open streams follow, one query per interval for all of them.
 */
import { createWriteStream, promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { fromKysely, type JobResult, type JobWithMetadata, PgBoss } from 'pg-boss';
import { AuditError, type AuditPlatform, type AuditSummary } from '../../audit/index.js';
import { currentOrgId, runAsTenant } from '../../db/tenant.js';
import { type AuditSettings, STALE_MS } from './options.js';
import type { AuditQueue, JobListener, LiveJob } from './queue.js';
import { parseJson } from './reports.js';
import { type AuditJobData, type AuditReport, describeFailure, INITIAL_PROGRESS, type JobProgress, runAuditFile, storeReport } from './run.js';

export const AUDIT_QUEUE = 'bijak-audit';
export const AUDIT_DEAD_QUEUE = 'bijak-audit-dead';
const CHUNK = 1024 * 1024;
/** This node, as recorded on the report rows it runs. */
const RUNNER = `${hostname()}:${process.pid}`;

/**
 * Settings of the durable queue (env: AUDIT_RETRY_LIMIT, AUDIT_RETRY_DELAY_SECONDS, AUDIT_HEARTBEAT_SECONDS,
 * AUDIT_SUPERVISE_SECONDS, AUDIT_POLL_SECONDS, AUDIT_RUN_JOBS).
 */
export interface PgQueueOptions {
  /** Retries after the first attempt for server errors and dead nodes (default 2). */
  retryLimit?: number;
  /** First retry delay in seconds, doubled each retry with jitter (default 10). */
  retryDelaySeconds?: number;
  /** A running audit's node must show it is alive this often, else another node takes the job (default 10, min 10). */
  heartbeatSeconds?: number;
  /** How often pg-boss's supervisor looks for dead attempts (default 5). */
  superviseSeconds?: number;
  /** How often idle workers look for jobs and SSE streams read progress (default 1). */
  pollSeconds?: number;
  /** Schema of the pg-boss tables (default `<app schema>_jobs`, or `bijak_jobs`). */
  schema?: string;
  /** Run audits on this node (default true; false: the node only enqueues, e.g. a web-only node). */
  runJobs?: boolean;
}

interface PgJobData {
  id: string;
  /** The organisation of the upload (issue 12 tenants): the worker runs the job scoped to it. */
  orgId: string;
  userId: string;
  /** File name of the upload (the readers detect formats by name). */
  name: string;
  platform?: AuditPlatform;
}

interface Watched {
  /** The report and its organisation (watched entries are keyed by both). */
  id: string;
  orgId: string;
  status: string;
  progress: JobProgress;
  progressJson: string | null;
  listeners: Set<JobListener>;
}

const DEAD_REASON = {
  message: 'Audit gagal setelah beberapa kali dicoba (server berhenti atau bermasalah saat memprosesnya); unggah arsipnya lagi.',
  messageEn: 'The audit failed after several attempts (a server stopped or failed while processing it); upload the archive again.',
};

export class PgAuditQueue implements AuditQueue {
  private readonly boss: PgBoss;
  private readonly opts: Required<Omit<PgQueueOptions, 'schema'>> & { schema: string };
  /** Attempts running on this node, by report id. */
  private readonly running = new Map<string, AbortController>();
  private readonly watched = new Map<string, Watched>();
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private closing = false;

  constructor(
    private readonly app: FastifyInstance,
    private readonly settings: AuditSettings,
    databaseUrl: string,
    options: PgQueueOptions = {},
  ) {
    const appSchema = app.bijakConfig?.pgSchema;
    const schema = options.schema ?? (appSchema ? `${appSchema}_jobs` : 'bijak_jobs');
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid pg-boss schema name: ${schema}`);
    this.opts = {
      retryLimit: options.retryLimit ?? 2,
      retryDelaySeconds: Math.max(1, options.retryDelaySeconds ?? 10),
      heartbeatSeconds: Math.max(10, Math.round(options.heartbeatSeconds ?? 10)),
      superviseSeconds: Math.max(1, Math.round(options.superviseSeconds ?? 5)),
      pollSeconds: Math.max(0.5, options.pollSeconds ?? 1),
      runJobs: options.runJobs ?? true,
      schema,
    };
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema,
      max: 3,
      application_name: 'bijak-jobs',
      superviseIntervalSeconds: this.opts.superviseSeconds,
      monitorIntervalSeconds: this.opts.superviseSeconds,
      registerInstance: false,
    });
    this.boss.on('error', (err) => app.log.error({ err }, 'pg-boss error'));
  }

  /** Installs/updates the pg-boss schema and queues, and starts this node's workers. */
  async start(): Promise<void> {
    const o = this.opts;
    await this.boss.start();
    await this.ensureQueue(AUDIT_DEAD_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
    await this.ensureQueue(AUDIT_QUEUE, {
      deadLetter: AUDIT_DEAD_QUEUE,
      retryLimit: o.retryLimit,
      retryDelay: o.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: 600,
      heartbeatSeconds: o.heartbeatSeconds,
      // pg-boss's own bound; the audit stops itself at timeoutMs
      expireInSeconds: Math.ceil(this.settings.timeoutMs / 1000) + 120,
    });
    if (!o.runJobs) return;
    await this.boss.work(
      AUDIT_QUEUE,
      {
        localConcurrency: this.settings.concurrency,
        pollingIntervalSeconds: o.pollSeconds,
        includeMetadata: true,
        perJobResults: true,
        batchSize: 1,
      },
      // each job runs scoped to its own organisation (src/db/tenant.ts), whichever node picks it up
      async (jobs: JobWithMetadata<PgJobData>[]) => Promise.all(jobs.map((j) => runAsTenant(j.data.orgId, () => this.runJob(j)))),
    );
    await this.boss.work(AUDIT_DEAD_QUEUE, { pollingIntervalSeconds: o.pollSeconds, includeMetadata: true }, async (jobs: JobWithMetadata<PgJobData>[]) => {
      for (const j of jobs) await runAsTenant(j.data.orgId, () => this.deadLettered(j));
    });
  }

  private async ensureQueue(name: string, options: Parameters<PgBoss['createQueue']>[1]): Promise<void> {
    if (await this.boss.getQueue(name)) {
      await this.boss.updateQueue(name, options);
      return;
    }
    try {
      await this.boss.createQueue(name, options);
    } catch (e) {
      // another node created it meanwhile
      if (!(await this.boss.getQueue(name))) throw e;
      await this.boss.updateQueue(name, options);
    }
  }

  async activeFor(userId: string): Promise<number> {
    const r = await this.app.db
      .selectFrom('audit_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('status', 'in', ['queued', 'running'])
      // rows left queued/running for longer are interrupted ones (reports.ts `ownRow`), not a reason to refuse
      .where('created_at', '>', new Date(Date.now() - STALE_MS).toISOString())
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async isActive(id: string): Promise<boolean> {
    const [job] = await this.boss.findJobs(AUDIT_QUEUE, { id });
    return !!job && (job.state === 'created' || job.state === 'retry' || job.state === 'active');
  }

  async enqueue(data: AuditJobData): Promise<void> {
    try {
      await this.app.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('audit_reports')
          .values({ id: data.id, user_id: data.userId, status: 'queued', platform: data.platform ?? null, created_at: new Date().toISOString(), shared: 0 })
          .execute();
        const fh = await fsp.open(data.file, 'r');
        try {
          for (let seq = 0; ; seq++) {
            const buf = Buffer.allocUnsafe(CHUNK);
            const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
            if (bytesRead === 0) break;
            await trx
              .insertInto('audit_uploads')
              .values({ report_id: data.id, seq, chunk: buf.subarray(0, bytesRead) })
              .execute();
          }
        } finally {
          await fh.close();
        }
        const job: PgJobData = { id: data.id, orgId: data.orgId, userId: data.userId, name: basename(data.file), platform: data.platform };
        await this.boss.send(AUDIT_QUEUE, job, { id: data.id, db: fromKysely(trx) });
      });
    } finally {
      // the upload now lives in the database until its audit has read it
      await fsp.rm(data.dir, { recursive: true, force: true }).catch(() => {});
    }
  }

  async watch(id: string): Promise<LiveJob | undefined> {
    const orgId = currentOrgId();
    if (!orgId) return undefined;
    const key = `${orgId}\t${id}`;
    let w = this.watched.get(key);
    if (!w) {
      const row = await this.app.db.selectFrom('audit_reports').select(['status', 'progress_json']).where('id', '=', id).executeTakeFirst();
      if (!row || (row.status !== 'queued' && row.status !== 'running')) return undefined;
      w = this.watched.get(key) ?? {
        id,
        orgId,
        status: row.status,
        progressJson: row.progress_json ?? null,
        progress: parseJson<JobProgress>(row.progress_json ?? null, { ...INITIAL_PROGRESS }),
        listeners: new Set(),
      };
      this.watched.set(key, w);
    }
    const watched = w;
    const live: LiveJob = {
      get progress() {
        return watched.progress;
      },
      subscribe: (listener) => {
        watched.listeners.add(listener);
        this.schedulePoll();
        return () => {
          watched.listeners.delete(listener);
          if (watched.listeners.size === 0 && this.watched.get(key) === watched) this.watched.delete(key);
        };
      },
    };
    return live;
  }

  private schedulePoll(): void {
    if (this.pollTimer || this.closing) return;
    this.pollTimer = setInterval(() => void this.poll(), this.opts.pollSeconds * 1000);
    this.pollTimer.unref();
  }

  /** One read of every row followed by this node's SSE streams; sends progress, done or error. */
  private async poll(): Promise<void> {
    if (this.polling) return;
    if (this.watched.size === 0) {
      if (this.pollTimer) clearInterval(this.pollTimer);
      this.pollTimer = null;
      return;
    }
    this.polling = true;
    try {
      // one read per organisation of the watched rows (the timer runs outside any request: each read is scoped explicitly)
      const byOrg = new Map<string, string[]>();
      for (const w of this.watched.values()) byOrg.set(w.orgId, [...(byOrg.get(w.orgId) ?? []), w.id]);
      const byId = new Map<string, { id: string; status: string; progress_json?: string | null; summary_json: string | null; error: string | null }>();
      for (const [orgId, orgIds] of byOrg) {
        const rows = await runAsTenant(orgId, () =>
          this.app.db.selectFrom('audit_reports').select(['id', 'status', 'progress_json', 'summary_json', 'error']).where('id', 'in', orgIds).execute(),
        );
        for (const r of rows) byId.set(`${orgId}\t${r.id}`, r);
      }
      for (const id of [...this.watched.keys()]) {
        const w = this.watched.get(id);
        if (!w) continue;
        const r = byId.get(id);
        const emit = (event: 'progress' | 'done' | 'error', data: unknown) => {
          for (const l of [...w.listeners]) l(event, data);
        };
        if (!r) {
          this.watched.delete(id);
          emit('error', { message: 'Audit dihapus.', messageEn: 'The audit was deleted.', code: 'not_found' });
        } else if (r.status === 'done') {
          this.watched.delete(id);
          emit('done', { summary: parseJson<AuditSummary | null>(r.summary_json, null) });
        } else if (r.status === 'error') {
          this.watched.delete(id);
          const [message, messageEn] = (r.error ?? '').split(' / ');
          emit('error', { message: message || 'Audit gagal.', messageEn: messageEn ?? 'The audit failed.' });
        } else if (r.progress_json !== w.progressJson || r.status !== w.status) {
          w.status = r.status;
          w.progressJson = r.progress_json ?? null;
          w.progress = parseJson<JobProgress>(r.progress_json ?? null, { ...INITIAL_PROGRESS });
          emit('progress', w.progress);
        }
      }
    } catch (err) {
      this.app.log.warn({ err }, 'audit progress poll failed');
    } finally {
      this.polling = false;
    }
  }

  async cancel(id: string): Promise<void> {
    // the attempt stops at its next progress write once the row is gone (on any node); here at once
    this.running.get(id)?.abort();
    await this.boss.cancel(AUDIT_QUEUE, id).catch(() => {});
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    // audits of this node go back to the queue for another node (see runJob)
    for (const ac of this.running.values()) ac.abort();
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /** Copies the upload from the database to a private temp file. */
  private async download(id: string, dir: string, name: string): Promise<string> {
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, name);
    const out = createWriteStream(file, { mode: 0o600 });
    try {
      for (let seq = 0; ; seq += 16) {
        const rows = await this.app.db
          .selectFrom('audit_uploads')
          .select(['seq', 'chunk'])
          .where('report_id', '=', id)
          .where('seq', '>=', seq)
          .where('seq', '<', seq + 16)
          .orderBy('seq')
          .execute();
        for (const r of rows) if (!out.write(r.chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
        if (rows.length < 16) break;
      }
    } finally {
      await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
    }
    return file;
  }

  private async runJob(job: JobWithMetadata<PgJobData>): Promise<JobResult> {
    const db = this.app.db;
    const d = job.data;
    const attempt = job.retryCount;
    // take the row for this attempt (a row already done or failed means an earlier attempt finished it)
    const taken = await db
      .updateTable('audit_reports')
      .set({ status: 'running', attempt, runner: RUNNER, progress_json: JSON.stringify(INITIAL_PROGRESS) })
      .where('id', '=', d.id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return { id: job.id, status: 'completed', output: { skipped: 'report already final or deleted' } };

    const ac = new AbortController();
    this.running.set(d.id, ac);
    const signal = AbortSignal.any([ac.signal, job.signal]);
    const dir = join(this.settings.uploadRoot, `${d.id}.${attempt}`);
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const writeProgress = (p: JobProgress) => {
      const now = Date.now();
      if (now - lastWrite < 1000) return;
      lastWrite = now;
      writing = writing.then(async () => {
        const r = await db
          .updateTable('audit_reports')
          .set({ progress_json: JSON.stringify(p) })
          .where('id', '=', d.id)
          .where('attempt', '=', attempt)
          .where('status', '=', 'running')
          .executeTakeFirst()
          .catch(() => null);
        if (r && Number(r.numUpdatedRows) === 0) ac.abort(); // deleted by its owner, or taken by another attempt
      });
    };
    try {
      const file = await this.download(d.id, dir, d.name);
      const report = await runAuditFile(this.app, this.settings, { dir, file, platform: d.platform }, signal, writeProgress);
      await writing;
      const stored = await this.finish(d.id, attempt, report);
      return { id: job.id, status: 'completed', output: { stored } };
    } catch (e) {
      await writing;
      if (this.closing) return { id: job.id, status: 'failed', output: { reason: 'node stopping' } }; // another node retries it
      if (ac.signal.aborted) return { id: job.id, status: 'completed', output: { reason: 'cancelled, deleted or taken over' } };
      const failure = describeFailure(this.app, this.settings, d.id, e);
      // the archive's own faults and the time limit fail at once; a node without worker threads may be alone in that
      const permanent = (e instanceof AuditError && e.code !== 'aborted' && e.code !== 'workers_unavailable') || (e as Error)?.name === 'TimeoutError';
      const last = attempt >= job.retryLimit;
      if (permanent || last) {
        const marked = await this.markFailed(d.id, attempt, `${failure.message} / ${failure.messageEn}`);
        // out of attempts, or an archive that no retry can fix: dead-lettered with the user's reason
        return { id: job.id, status: marked ? 'deadletter' : 'completed', output: failure };
      }
      // retried later (maybe on another node): the user sees it queued again
      await db
        .updateTable('audit_reports')
        .set({ status: 'queued', progress_json: null })
        .where('id', '=', d.id)
        .where('attempt', '=', attempt)
        .where('status', '=', 'running')
        .execute()
        .catch(() => {});
      return { id: job.id, status: 'failed', output: failure };
    } finally {
      this.running.delete(d.id);
      await fsp.rm(dir, { recursive: true, force: true }).catch(() => {});
    }
  }

  /** Stores the report once: only while this attempt still owns a running row; deletes the upload with it. */
  private async finish(id: string, attempt: number, report: AuditReport): Promise<boolean> {
    return this.app.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('audit_reports').select(['status', 'attempt']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (row?.status !== 'running' || Number(row.attempt) !== attempt) return false;
      await trx.deleteFrom('audit_flagged').where('report_id', '=', id).execute();
      await storeReport(trx, id, report);
      await trx.updateTable('audit_reports').set({ progress_json: null }).where('id', '=', id).execute();
      await trx.deleteFrom('audit_uploads').where('report_id', '=', id).execute();
      return true;
    });
  }

  /** Marks the row failed (only while this attempt owns it, or any attempt when `attempt` is null) and drops the upload. */
  private async markFailed(id: string, attempt: number | null, error: string): Promise<boolean> {
    return this.app.db.transaction().execute(async (trx) => {
      let q = trx
        .updateTable('audit_reports')
        .set({ status: 'error', finished_at: new Date().toISOString(), error, progress_json: null })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running']);
      if (attempt !== null) q = q.where('attempt', '=', attempt);
      const r = await q.executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('audit_uploads').where('report_id', '=', id).execute();
      return true;
    });
  }

  /** A job out of attempts (e.g. its node died on the last one): the user sees why on the report. */
  private async deadLettered(job: JobWithMetadata<PgJobData>): Promise<void> {
    const out = job.sourceOutput as { message?: unknown; messageEn?: unknown } | null;
    const own = typeof out?.message === 'string' && typeof out.messageEn === 'string' && !/heartbeat|timeout|expired/i.test(out.message);
    const reason = own ? `${out.message} / ${out.messageEn}` : `${DEAD_REASON.message} / ${DEAD_REASON.messageEn}`;
    await this.markFailed(job.data.id, null, reason);
  }
}

/** Counts jobs of a report in the pg-boss tables (tests and the soak bench). */
export async function pgJobStates(app: FastifyInstance, schema: string, id: string): Promise<Array<{ name: string; state: string }>> {
  const r = await sql<{ name: string; state: string }>`SELECT name, state FROM ${sql.table(`${schema}.job`)} WHERE id = ${id} OR data->>'id' = ${id}`.execute(
    app.db,
  );
  return r.rows;
}

/**
 * The in-process audit queue (SQLite, one node): at most `concurrency` audits run at once, more wait; progress
 * is pushed to the listeners of this node. An audit queued here is lost if the process dies (its row is marked
 * interrupted later, see reports.ts `ownRow`).
 */
import { promises as fsp } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { AuditError } from '../../audit/index.js';
import { runAsTenant } from '../../db/tenant.js';
import type { AuditSettings } from './options.js';
import type { AuditQueue, JobListener, LiveJob } from './queue.js';
import { type AuditJobData, describeFailure, executeAudit, INITIAL_PROGRESS, type JobProgress, markFailed } from './run.js';

type Status = 'queued' | 'running' | 'done' | 'error';

interface Job {
  id: string;
  userId: string;
  status: Status;
  progress: JobProgress;
  listeners: Set<JobListener>;
  abort: AbortController;
  done: Promise<void>;
}

export class LocalAuditQueue implements AuditQueue {
  private readonly jobs = new Map<string, Job>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly settings: AuditSettings,
  ) {}

  async activeFor(userId: string): Promise<number> {
    return [...this.jobs.values()].filter((j) => j.userId === userId).length;
  }

  isActive(id: string): boolean {
    return this.jobs.has(id);
  }

  async enqueue(data: AuditJobData): Promise<void> {
    await this.app.db
      .insertInto('audit_reports')
      .values({ id: data.id, user_id: data.userId, status: 'queued', platform: data.platform ?? null, created_at: new Date().toISOString(), shared: 0 })
      .execute();
    const job: Job = {
      id: data.id,
      userId: data.userId,
      status: 'queued',
      progress: { ...INITIAL_PROGRESS },
      listeners: new Set(),
      abort: new AbortController(),
      done: Promise.resolve(),
    };
    this.jobs.set(data.id, job);
    // the job runs in its organisation's scope, not in whatever context happens to call it
    job.done = runAsTenant(data.orgId, () => this.run(job, data));
  }

  async watch(id: string): Promise<LiveJob | undefined> {
    const job = this.jobs.get(id);
    if (!job || job.status === 'done' || job.status === 'error') return undefined;
    return {
      get progress() {
        return job.progress;
      },
      subscribe(listener: JobListener) {
        job.listeners.add(listener);
        return () => job.listeners.delete(listener);
      },
    };
  }

  async cancel(id: string): Promise<void> {
    const job = this.jobs.get(id);
    if (job) {
      job.abort.abort();
      await job.done;
    }
  }

  async close(): Promise<void> {
    for (const j of this.jobs.values()) j.abort.abort();
    await Promise.allSettled([...this.jobs.values()].map((j) => j.done));
  }

  private emit(job: Job, event: 'progress' | 'done' | 'error', data: unknown): void {
    for (const l of job.listeners) l(event, data);
  }

  private async slot(): Promise<void> {
    if (this.running < this.settings.concurrency) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private async run(job: Job, data: AuditJobData): Promise<void> {
    const { app } = this;
    try {
      await this.slot();
      try {
        if (job.abort.signal.aborted) throw new AuditError('aborted', 'Audit dibatalkan.', 'The audit was cancelled.');
        job.status = 'running';
        await app.db.updateTable('audit_reports').set({ status: 'running' }).where('id', '=', job.id).execute();
        this.emit(job, 'progress', job.progress);
        const summary = await executeAudit(app, this.settings, data, job.abort.signal, (p) => {
          job.progress = p;
          this.emit(job, 'progress', p);
        });
        job.status = 'done';
        this.jobs.delete(job.id);
        this.emit(job, 'done', { summary });
      } finally {
        this.release();
      }
    } catch (e) {
      job.status = 'error';
      await fsp.rm(data.dir, { recursive: true, force: true }).catch(() => {});
      const failure = describeFailure(app, this.settings, job.id, e);
      await markFailed(app, job.id, failure);
      this.jobs.delete(job.id);
      this.emit(job, 'error', failure);
    } finally {
      await fsp.rm(data.dir, { recursive: true, force: true }).catch(() => {});
      this.jobs.delete(job.id);
    }
  }
}

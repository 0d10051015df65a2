/**
 * The queue of footprint audits as the audit routes see it: on SQLite (one node) the in-process queue of
 * local-queue.ts, on PostgreSQL the durable pg-boss queue of pg-queue.ts; the routes only know this interface.
 */
import type { AuditJobData, JobProgress } from './run.js';

export type JobListener = (event: 'progress' | 'done' | 'error', data: unknown) => void;

/** A queued or running audit whose progress can be followed. */
export interface LiveJob {
  /** The last progress known. */
  readonly progress: JobProgress;
  /** Adds a listener of progress, done and error events; returns its removal. */
  subscribe(listener: JobListener): () => void;
}

export interface AuditQueue {
  /** Audits of this user queued or running (a user has at most two at once). */
  activeFor(userId: string): Promise<number>;
  /** Whether the queue still holds this audit (queued or running); asked only of rows that look stale. */
  isActive(id: string): boolean | Promise<boolean>;
  /** Stores the report row (status queued) of an upload and queues its audit. */
  enqueue(job: AuditJobData): Promise<void>;
  /** The audit while it is queued or running, to follow its progress; undefined once it finished. */
  watch(id: string): Promise<LiveJob | undefined>;
  /** Stops an audit (when queued or running) and waits until it has stopped. */
  cancel(id: string): Promise<void>;
  /** Stops every audit of this node (app close). */
  close(): Promise<void>;
}

/**
 * The audit pipeline: source -> detection -> readers (async generators, one
 * post at a time) -> checker -> report. Only flagged posts are kept, and
 * their list is bounded; counts cover everything.
 */

import { availableParallelism } from 'node:os';
import { worstSeverity as contractWorst, SEVERITY_RANK } from '../core/contract.js';
import type { Checker } from '../core/engine.js';
import type { KbEntry } from '../core/kb/index.js';
import type { Policy, PolicyInput } from '../core/policy.js';
import type { Finding, Severity } from '../core/types.js';
import { checkPost } from './check.js';
import { type Detected, detect } from './detect.js';
import { type CheckPool, startPool } from './parallel.js';
import type { Reader, ReaderContext } from './readers/common.js';
import { readLinkedIn } from './readers/linkedin.js';
import { readFacebook, readInstagram, readThreads } from './readers/meta.js';
import { readTikTok } from './readers/tiktok.js';
import { readX } from './readers/x.js';
import { type AuditSource, openSource } from './source.js';
import {
  AuditError,
  type AuditLimits,
  type AuditPlatform,
  type AuditPost,
  type AuditProgress,
  type AuditReport,
  type AuditSummary,
  DEFAULT_LIMITS,
  type FlaggedPost,
} from './types.js';

export const READERS: Record<AuditPlatform, Reader> = {
  x: readX,
  instagram: readInstagram,
  threads: readThreads,
  facebook: readFacebook,
  tiktok: readTikTok,
  linkedin: readLinkedIn,
};

export interface AuditOptions {
  checker: Checker;
  /** Only posts on or after this date (posts without a date are kept). */
  since?: Date | string;
  /** Read only this platform's data. */
  platform?: AuditPlatform;
  onProgress?: (p: AuditProgress) => void;
  /** Milliseconds between progress calls (default 250). */
  progressInterval?: number;
  signal?: AbortSignal;
  limits?: Partial<AuditLimits>;
  /** Called once the platforms are known, before reading. */
  onDetected?: (d: Detected[]) => void;
  /**
   * Check in worker threads, each building the host checker for this policy
   * (the same rules as `checker`, which is then used only as a fallback).
   * Used when the export has at least `minBytes` (default 8 MB) to read.
   * With `required`, the audit fails rather than check on the calling thread
   * when the workers cannot start (a server must never check on its event loop).
   */
  parallel?: {
    policy: Policy | PolicyInput;
    workers?: number;
    minBytes?: number;
    /** No fallback to the event loop: the audit fails when no worker starts. */
    required?: boolean;
    /** The KB entries `checker` matches (issue 9), for the workers' checkers. */
    kb?: readonly KbEntry[];
  };
}

export { checkPost };

/** Worker threads for a machine: one per core, at most 4. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

const RANK = SEVERITY_RANK;

/** Most severe severity of findings (the core contract's order). */
export function worstSeverity(findings: Finding[]): Severity {
  return contractWorst(findings);
}

/** Severity (error first), then newest first, undated last. */
export function compareFlagged(a: FlaggedPost, b: FlaggedPost): number {
  return (
    RANK[worstSeverity(a.findings)] - RANK[worstSeverity(b.findings)] ||
    (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function emptySummary(): AuditSummary {
  return { scanned: 0, flagged: 0, byCategory: {}, byYear: {}, byMonth: {} };
}

function count(summary: AuditSummary, post: FlaggedPost): void {
  summary.flagged++;
  const year = post.date ? post.date.slice(0, 4) : 'unknown';
  const month = post.date ? post.date.slice(0, 7) : 'unknown';
  summary.byYear[year] = (summary.byYear[year] ?? 0) + 1;
  const cats = new Set(post.findings.map((f) => f.category));
  const m = (summary.byMonth[month] ??= {});
  for (const c of cats) {
    summary.byCategory[c] = (summary.byCategory[c] ?? 0) + 1;
    m[c] = (m[c] ?? 0) + 1;
  }
}

/** A bounded list: keeps the `max` first by {@link compareFlagged}. */
class Bounded {
  items: FlaggedPost[] = [];
  truncated = false;
  constructor(private max: number) {}
  add(p: FlaggedPost): void {
    this.items.push(p);
    if (this.items.length >= this.max * 2) this.trim();
  }
  trim(): FlaggedPost[] {
    this.items.sort(compareFlagged);
    if (this.items.length > this.max) {
      this.items.length = this.max;
      this.truncated = true;
    }
    return this.items;
  }
}

function abortError(): AuditError {
  return new AuditError('aborted', 'Audit dibatalkan.', 'The audit was cancelled.');
}

/**
 * Audits an export (a path to a zip, folder or loose file, or an opened
 * source) and returns the report. Throws {@link AuditError} for an unreadable
 * or hostile archive; a source opened here is closed in all cases.
 */
export async function audit(input: string | AuditSource, opts: AuditOptions): Promise<AuditReport> {
  const started = performance.now();
  const limits: AuditLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const source = typeof input === 'string' ? await openSource(input, limits) : input;
  const since = opts.since === undefined ? null : typeof opts.since === 'string' ? new Date(opts.since) : opts.since;
  if (since && Number.isNaN(since.getTime()))
    throw new AuditError('unknown_format', `Tanggal --since tidak sah: ${String(opts.since)}`, `Invalid since date: ${String(opts.since)}`);
  const sinceIso = since?.toISOString() ?? null;
  const warnings: AuditReport['warnings'] = [];
  const summary = emptySummary();
  const flagged = new Bounded(limits.maxFlagged);
  const likes = new Bounded(limits.maxFlagged);
  let likesScanned = 0;
  let skipped = 0;
  let postsTruncated = 0;
  let lastProgress = 0;
  const interval = opts.progressInterval ?? 250;
  let pool: CheckPool | null = null;
  try {
    const detected = await detect(source, opts.platform);
    opts.onDetected?.(detected);
    const bytesTotal = detected.reduce((s, d) => s + d.files.reduce((t, f) => t + f.entry.size, 0), 0);
    const bytesStart = source.bytesRead;
    const progress = (): AuditProgress => {
      const elapsed = (performance.now() - started) / 1000;
      const bytesRead = Math.min(bytesTotal, source.bytesRead - bytesStart);
      const frac = bytesTotal > 0 ? bytesRead / bytesTotal : 0;
      return {
        scanned: summary.scanned + likesScanned,
        flagged: summary.flagged + likes.items.length,
        rate: elapsed > 0 ? Math.round((summary.scanned + likesScanned) / elapsed) : 0,
        bytesRead,
        bytesTotal,
        elapsed,
        eta: frac > 0.01 && elapsed > 0.5 ? Math.max(0, (elapsed * (1 - frac)) / frac) : null,
      };
    };
    const ctx: ReaderContext = {
      source,
      limits,
      warn: (m) => {
        if (warnings.length < 100) warnings.push(m);
      },
    };
    const handle = (post: AuditPost, findings: Finding[]) => {
      if (findings.length === 0) return;
      const fp = toFlagged(post, findings);
      if (post.kind === 'like') likes.add(fp);
      else {
        count(summary, fp);
        flagged.add(fp);
      }
    };
    const par = opts.parallel;
    if (par && bytesTotal >= (par.minBytes ?? 8 * 1024 * 1024)) pool = await startPool(par.policy, par.workers ?? defaultWorkers(), par.kb);
    if (par?.required && !pool)
      throw new AuditError(
        'workers_unavailable',
        'Audit tidak dapat dijalankan: proses pemeriksa (worker) tidak dapat dimulai.',
        'The audit cannot run: the checking worker could not be started.',
      );
    const BATCH = 256;
    const maxInFlight = 3 * (par?.workers ?? defaultWorkers());
    let batch: AuditPost[] = [];
    const inFlight: Array<Promise<void>> = [];
    const flush = async () => {
      if (!pool || batch.length === 0) return;
      const posts = batch;
      batch = [];
      const p = pool.check(posts).then((res) => {
        for (const [i, f] of res) handle(posts[i], f);
      });
      p.catch(() => {}); // awaited below; this only marks it handled meanwhile
      inFlight.push(p);
      if (inFlight.length >= maxInFlight) await inFlight.shift();
    };
    let n = 0;
    for (const d of detected) {
      for await (const post of READERS[d.platform](ctx, d.files)) {
        if ((++n & 255) === 0) {
          if (opts.signal?.aborted) throw abortError();
          if (opts.onProgress) {
            const now = performance.now();
            if (now - lastProgress >= interval) {
              lastProgress = now;
              opts.onProgress(progress());
            }
          }
        }
        // a post longer than the limit is checked (and kept) only up to it: bounded time and memory per post
        if (post.text.length > limits.maxPostChars) {
          cutPost(post, limits.maxPostChars);
          postsTruncated++;
        }
        if (post.kind === 'like') likesScanned++;
        else if (sinceIso && post.date && post.date < sinceIso) {
          skipped++;
          continue;
        } else summary.scanned++;
        if (pool) {
          batch.push(post);
          if (batch.length >= BATCH) await flush();
        } else handle(post, checkPost(opts.checker, post));
      }
    }
    await flush();
    while (inFlight.length > 0) await inFlight.shift();
    if (opts.signal?.aborted) throw abortError();
    if (postsTruncated > 0) {
      const max = limits.maxPostChars;
      warnings.push({
        id: `${postsTruncated.toLocaleString('id-ID')} unggahan lebih panjang dari ${max.toLocaleString('id-ID')} karakter hanya diperiksa sampai batas itu.`,
        en: `${postsTruncated.toLocaleString('en-US')} post(s) longer than ${max.toLocaleString('en-US')} characters were checked only up to that length.`,
      });
    }
    opts.onProgress?.({ ...progress(), eta: 0 });
    return {
      scanned: summary.scanned,
      flagged: flagged.trim(),
      likes: { scanned: likesScanned, flagged: likes.trim() },
      summary,
      platforms: detected.map((d) => d.platform),
      skippedBeforeSince: skipped,
      truncated: flagged.truncated,
      warnings,
      postsTruncated,
      seconds: (performance.now() - started) / 1000,
      workers: pool ? pool.size : 0,
    };
  } finally {
    await pool?.close();
    if (typeof input === 'string') await source.close();
  }
}

function toFlagged(post: AuditPost, findings: Finding[]): FlaggedPost {
  const fp: FlaggedPost = { platform: post.platform, kind: post.kind, id: post.id, date: post.date, url: post.url, text: post.text, findings };
  if (post.textTruncated) fp.textTruncated = true;
  return fp;
}

/** Cuts a post's text to `max` UTF-16 units, never inside a surrogate pair, and marks it. */
export function cutPost(post: AuditPost, max: number): void {
  let end = max;
  const c = post.text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // a high surrogate whose pair is cut off
  post.text = post.text.slice(0, end);
  if (post.checkFrom !== undefined && post.checkFrom >= end) post.checkFrom = undefined;
  post.textTruncated = true;
}

/**
 * The audit pipeline: source -> detection -> readers (async generators, one
 * post at a time) -> checker -> report. Only flagged posts are kept, and
 * their list is bounded; counts cover everything.
 */
import type { Checker } from '../core/engine.js';
import type { Finding, PostInput, Severity } from '../core/types.js';
import { type Detected, detect } from './detect.js';
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
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Most severe severity of findings. */
export function worstSeverity(findings: Finding[]): Severity {
  let r = 2;
  for (const f of findings) r = Math.min(r, RANK[f.severity]);
  return (['error', 'warning', 'info'] as const)[r];
}

/** Severity (error first), then newest first, undated last. */
export function compareFlagged(a: FlaggedPost, b: FlaggedPost): number {
  return (
    RANK[worstSeverity(a.findings)] - RANK[worstSeverity(b.findings)] ||
    (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const INPUT_KIND: Record<AuditPost['kind'], PostInput['kind']> = { post: 'post', reply: 'comment', comment: 'comment', share: 'share', like: 'share' };

/** Checks one post; findings' ranges point into `post.text` (shifted past an "RT @user: " prefix). */
export function checkPost(checker: Checker, post: AuditPost): Finding[] {
  const from = post.checkFrom ?? 0;
  const text = from ? post.text.slice(from) : post.text;
  if (!text.trim()) return [];
  const findings = checker.check({ kind: INPUT_KIND[post.kind], text, platform: post.platform });
  if (from && findings.length > 0) for (const f of findings) f.range = [f.range[0] + from, f.range[1] + from];
  return findings;
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
  let lastProgress = 0;
  const interval = opts.progressInterval ?? 250;
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
        if (post.kind === 'like') {
          likesScanned++;
          const findings = checkPost(opts.checker, post);
          if (findings.length > 0) likes.add(toFlagged(post, findings));
          continue;
        }
        if (sinceIso && post.date && post.date < sinceIso) {
          skipped++;
          continue;
        }
        summary.scanned++;
        const findings = checkPost(opts.checker, post);
        if (findings.length > 0) {
          const fp = toFlagged(post, findings);
          count(summary, fp);
          flagged.add(fp);
        }
      }
    }
    if (opts.signal?.aborted) throw abortError();
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
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (typeof input === 'string') await source.close();
  }
}

function toFlagged(post: AuditPost, findings: Finding[]): FlaggedPost {
  return { platform: post.platform, kind: post.kind, id: post.id, date: post.date, url: post.url, text: post.text, findings };
}

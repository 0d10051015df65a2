/**
 * Types of the footprint audit (jejak digital): posts read from a person's
 * platform export, the limits that keep hostile archives bounded, and the
 * one error type every failure becomes (with an Indonesian and an English
 * message naming the problem).
 */
import type { Finding } from '../core/types.js';

/** Platforms whose exports the audit reads: the core contract's list (src/core/contract.ts). */
export { AUDIT_PLATFORMS, type AuditPlatform } from '../core/contract.js';

import type { AuditPlatform } from '../core/contract.js';

/** What a record of an export is. Likes are reported apart from the rest. */
export type AuditKind = 'post' | 'reply' | 'comment' | 'share' | 'like';

/** One post (or comment, reshare, like) read from an export. */
export interface AuditPost {
  platform: AuditPlatform;
  kind: AuditKind;
  /** Platform id where the export has one, else a stable synthetic id. Always a string. */
  id: string;
  /** ISO-8601 (UTC) or null when the export has no date (likes). */
  date: string | null;
  /** Public link of the post, or null when the export gives none. */
  url: string | null;
  text: string;
  /**
   * For reshares: offset in `text` where the spread content starts (after
   * "RT @user: "); the checker reads `text.slice(checkFrom)` and the findings'
   * ranges are shifted back into `text`.
   */
  checkFrom?: number;
  /** Set by the pipeline when the text was longer than `limits.maxPostChars` and was cut there for checking. */
  textTruncated?: boolean;
}

/** A post with findings, as reported. */
export interface FlaggedPost {
  platform: AuditPlatform;
  kind: AuditKind;
  id: string;
  date: string | null;
  url: string | null;
  text: string;
  findings: Finding[];
  /** True when the post was longer than `limits.maxPostChars`: `text` is its beginning, and only that was checked. */
  textTruncated?: boolean;
}

/** Counts of the flagged posts (docs/api.md `AuditSummary`). */
export interface AuditSummary {
  scanned: number;
  flagged: number;
  byCategory: Record<string, number>;
  byYear: Record<string, number>;
  byMonth: Record<string, Record<string, number>>;
}

/** The result of an audit. Only flagged posts are kept (bounded by `limits.maxFlagged`). */
export interface AuditReport {
  /** Posts, replies, comments and reshares read (likes are counted apart). */
  scanned: number;
  /** Flagged posts, sorted by severity, then newest first. */
  flagged: FlaggedPost[];
  /** Liked posts (text of someone else's post, no date): reported apart. */
  likes: { scanned: number; flagged: FlaggedPost[] };
  summary: AuditSummary;
  /** Platforms read, in order. */
  platforms: AuditPlatform[];
  /** Posts left out by `since`. */
  skippedBeforeSince: number;
  /** True when more posts were flagged than `maxFlagged`; the least severe were dropped from the list (not from the counts). */
  truncated: boolean;
  /** Notes about the archive (files skipped, records unreadable), Indonesian / English. */
  warnings: Array<{ id: string; en: string }>;
  /** Posts longer than `limits.maxPostChars`, checked (and kept) only up to that length. */
  postsTruncated: number;
  /** Seconds the audit took. */
  seconds: number;
  /** Worker threads that checked the posts (0: checked in the calling thread). */
  workers: number;
}

/** Progress of a running audit. */
export interface AuditProgress {
  scanned: number;
  flagged: number;
  /** Posts per second so far. */
  rate: number;
  /** Bytes of the export read so far and in total (uncompressed), for a percentage and an ETA. */
  bytesRead: number;
  bytesTotal: number;
  /** Seconds since the start. */
  elapsed: number;
  /** Estimated seconds left, or null when unknown. */
  eta: number | null;
}

/** Bounds that keep a hostile archive from exhausting memory, disk or time. */
export interface AuditLimits {
  /** Most bytes decompressed/read over all files the audit reads. */
  maxTotalBytes: number;
  /** Most bytes of one file. */
  maxEntryBytes: number;
  /** Largest uncompressed/compressed ratio of a zip entry (checked for entries over 1 MiB). */
  maxRatio: number;
  /** Most entries in a zip or files in a folder. */
  maxEntries: number;
  /** Largest single JSON record (one post). */
  maxRecordBytes: number;
  /** Deepest JSON nesting. */
  maxDepth: number;
  /** Most flagged posts kept in the report list. */
  maxFlagged: number;
  /** Longest post text checked; a longer post is cut there (and reported as cut). */
  maxPostChars: number;
}

export const DEFAULT_LIMITS: AuditLimits = {
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 768 * 1024 ** 2,
  maxRatio: 200,
  maxEntries: 500_000,
  maxRecordBytes: 16 * 1024 ** 2,
  maxDepth: 200,
  maxFlagged: 20_000,
  maxPostChars: 50_000,
};

/** Error codes of {@link AuditError}. */
export type AuditErrorCode =
  | 'not_found'
  | 'not_archive'
  | 'html_export'
  | 'text_export'
  | 'unknown_format'
  | 'platform_not_found'
  | 'truncated_zip'
  | 'corrupt_zip'
  | 'encrypted'
  | 'zip_bomb'
  | 'too_large'
  | 'too_many_entries'
  | 'path_escape'
  | 'bad_json'
  | 'bad_csv'
  | 'bad_encoding'
  | 'record_too_large'
  | 'too_deep'
  | 'aborted'
  | 'workers_unavailable';

/** Every failure of the audit: a code and a message in Indonesian (`message`) and English (`messageEn`). */
export class AuditError extends Error {
  readonly code: AuditErrorCode;
  readonly messageEn: string;
  constructor(code: AuditErrorCode, id: string, en: string) {
    super(id);
    this.name = 'AuditError';
    this.code = code;
    this.messageEn = en;
  }
  /** "Indonesian / English", for logs and the CLI. */
  get both(): string {
    return `${this.message} / ${this.messageEn}`;
  }
}

/** Human size, e.g. "1.5 GB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units.length - 1);
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

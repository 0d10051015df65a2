/** Helpers shared by the export readers. */
import type { DetectedFile } from '../detect.js';
import { type ScanRecord, scanJsonBatches } from '../json-scan.js';
import type { AuditSource } from '../source.js';
import { decodeText } from '../text.js';
import type { AuditLimits, AuditPost } from '../types.js';

/** What a reader gets: the source, the limits, a place for warnings. */
export interface ReaderContext {
  source: AuditSource;
  limits: AuditLimits;
  warn(msg: { id: string; en: string }): void;
}

/** A reader: the files of one platform in, posts out (an async generator, one post at a time). */
export type Reader = (ctx: ReaderContext, files: DetectedFile[]) => AsyncGenerator<AuditPost>;

/** Streams the wanted array elements of a JSON file of the source, in batches (one per piece of text read). */
export function scanFile(
  ctx: ReaderContext,
  file: DetectedFile,
  wanted: (path: string) => boolean,
  extra: { prefix?: RegExp; prefixName?: { id: string; en: string }; allowSemicolon?: boolean } = {},
): AsyncGenerator<ScanRecord[]> {
  const name = file.entry.name;
  return scanJsonBatches(decodeText(ctx.source.read(file.entry), name), {
    name,
    wanted,
    maxRecordBytes: ctx.limits.maxRecordBytes,
    maxDepth: ctx.limits.maxDepth,
    ...extra,
  });
}

/** An object's own value or undefined (never walks the prototype). */
export function get(o: unknown, key: string): unknown {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** A string value or '' (numbers are stringified: ids must be strings). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/** Array value or []. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Unix seconds (number or numeric string) to ISO, or null. */
export function fromUnix(v: unknown): string | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  const d = new Date(n > 1e11 ? n : n * 1000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const MONTH_NUM = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/** "Tue Mar 19 14:05:17 +0000 2019" (X), "2024-01-02 10:11:12" (TikTok, LinkedIn, UTC) or ISO to ISO; null when unreadable. */
export function parseDate(v: unknown): string | null {
  if (typeof v === 'number') return fromUnix(v);
  if (typeof v !== 'string' || v.length === 0 || v.length > 64) return null;
  // fast path for X's "Tue Mar 19 14:05:17 +0000 2019" (archives are in UTC)
  if (v.length === 30 && v.charCodeAt(3) === 32 && v.slice(19, 26) === ' +0000 ') {
    const mo = MONTHS[v.slice(4, 7)];
    const day = v.slice(8, 10);
    const time = v.slice(11, 19);
    const year = v.slice(26);
    if (
      mo !== undefined &&
      /^\d\d$/.test(day) &&
      /^\d\d:[0-5]\d:[0-5]\d$/.test(time) &&
      /^\d{4}$/.test(year) &&
      Number(day) >= 1 &&
      Number(day) <= 31 &&
      time < '24'
    )
      return `${year}-${MONTH_NUM[mo]}-${day}T${time}.000Z`;
  }
  let m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(v);
  if (m && m[1] in MONTHS) {
    const off = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
    const t = Date.UTC(Number(m[9]), MONTHS[m[1]], Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - off * 60_000;
    return new Date(t).toISOString();
  }
  m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2}| UTC)?$/.exec(v.trim());
  if (m) {
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${!m[7] || m[7] === ' UTC' ? 'Z' : m[7]}`;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00:00.000Z`;
  if (/^\d{9,13}$/.test(v)) return fromUnix(v);
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

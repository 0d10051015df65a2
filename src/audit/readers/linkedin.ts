/**
 * LinkedIn Shares.csv: Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl,
 * Visibility. Byte-order mark, multi-line quoted commentary with "" escapes,
 * and empty commentary for bare reposts (checked for the link they spread).
 * Streamed row by row with csv-parse.
 */
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeText } from '../text.js';
import { AuditError, type AuditPost } from '../types.js';
import { parseDate, type Reader } from './common.js';

function csvError(name: string, e: unknown): AuditError {
  if (e instanceof AuditError) return e;
  const msg = String((e as Error)?.message ?? e);
  return new AuditError('bad_csv', `Berkas "${name}" bukan CSV yang sah: ${msg}`, `File "${name}" is not valid CSV: ${msg}`);
}

/** Rows of a CSV text stream as objects keyed by the (trimmed) header. */
export async function* readCsv(chunks: AsyncIterable<string>, name: string, maxRecordBytes: number): AsyncGenerator<Record<string, string>> {
  const parser = parse({
    bom: true,
    columns: (header: string[]) => header.map((h) => h.replace(/^\ufeff/, '').trim()),
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: maxRecordBytes,
  });
  let failure: unknown = null;
  pipeline(Readable.from(chunks, { objectMode: false }), parser, (err) => {
    if (err) failure = err;
  });
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) yield row;
  } catch (e) {
    throw csvError(name, failure ?? e);
  }
  if (failure) throw csvError(name, failure);
}

function col(row: Record<string, string>, name: string): string {
  const v = row[name];
  if (typeof v === 'string') return v;
  const k = Object.keys(row).find((h) => h.toLowerCase() === name.toLowerCase());
  return k ? String(row[k] ?? '') : '';
}

export const readLinkedIn: Reader = async function* (ctx, files) {
  let n = 0;
  for (const f of files) {
    let first = true;
    for await (const row of readCsv(decodeText(ctx.source.read(f.entry), f.entry.name), f.entry.name, ctx.limits.maxRecordBytes)) {
      if (first) {
        first = false;
        const keys = Object.keys(row).map((k) => k.toLowerCase());
        if (!keys.includes('sharecommentary') && !keys.includes('sharelink'))
          throw new AuditError(
            'bad_csv',
            `Berkas "${f.entry.name}" bukan Shares.csv LinkedIn (kolom ShareCommentary/ShareLink tidak ada).`,
            `File "${f.entry.name}" is not LinkedIn's Shares.csv (no ShareCommentary/ShareLink column).`,
          );
      }
      n++;
      const link = col(row, 'ShareLink').trim();
      const commentary = col(row, 'ShareCommentary');
      const shared = col(row, 'SharedUrl').trim();
      let id = `linkedin:${n}`;
      try {
        const m = /(?:share|activity|ugcPost)[:](\d+)/.exec(decodeURIComponent(link));
        if (m) id = m[1];
      } catch {
        // a malformed %-escape: keep the row number
      }
      const text = commentary.trim() ? commentary : shared;
      yield {
        platform: 'linkedin',
        kind: commentary.trim() ? 'post' : 'share',
        id,
        date: parseDate(col(row, 'Date').trim()),
        url: /^https:\/\//.test(link) ? link : null,
        text,
      } satisfies AuditPost;
    }
  }
};

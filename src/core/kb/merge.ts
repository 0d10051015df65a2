/**
 * Merging imported entries into a KB: a duplicate (same source URL, same id,
 * or a near-identical claim wording) merges into the existing entry (new
 * wordings and topics are added, missing fields filled); every record is
 * reported as added, merged or rejected with a reason.
 */
import { tokenize } from '../normalize/tokenize.js';
import { type KbEntry, validateEntry } from './schema.js';
import { charGrams } from './terms.js';

/** Outcome of one imported record. */
export interface KbImportItem {
  /** Where it came from: "file.csv:12" or "file.json#3". */
  origin: string;
  status: 'added' | 'merged' | 'rejected';
  /** The id of the entry it became or merged into. */
  id?: string;
  reason?: string;
}

/** The report of an import. */
export interface KbImportReport {
  added: number;
  merged: number;
  rejected: number;
  items: KbImportItem[];
}

/** A record an importer produced (not yet validated), with its origin. */
export interface KbCandidate {
  origin: string;
  record: unknown;
  /** Set when the importer could not read the record at all (e.g. invalid JSON on that line). */
  error?: string;
}

/** Near-identical: character 4-gram Jaccard at or above this. */
export const DUPLICATE_JACCARD = 0.85;

function words(s: string): string[] {
  return tokenize(s)
    .tokens.filter((t) => t.kind === 'word' || t.kind === 'number')
    .map((t) => t.leet ?? t.norm);
}

function normUrl(u: string): string {
  return u
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[#?].*$/, '')
    .replace(/\/+$/, '');
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const g of a) if (b.has(g)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/**
 * Merges candidates into `existing` (not modified); returns the new entry list
 * and the report. Claim comparison uses an index of exact normalised wordings
 * plus 4-gram Jaccard against the entries sharing a rare first word, so large
 * KBs merge in near-linear time.
 */
export function mergeKb(existing: readonly KbEntry[], candidates: readonly KbCandidate[]): { entries: KbEntry[]; report: KbImportReport } {
  const entries = existing.map((e) => ({ ...e, claims: [...e.claims], topics: [...e.topics], source: { ...e.source } }));
  const byId = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const byNorm = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  const grams: Array<Array<Set<number>>> = [];
  const indexClaim = (i: number, claim: string) => {
    const w = words(claim);
    byNorm.set(w.join(' '), i);
    // blocking key: the two longest words of the wording, so near-identical wordings share a key
    const key = [...w]
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .slice(0, 2)
      .sort()
      .join(' ');
    let l = byKey.get(key);
    if (!l) byKey.set(key, (l = []));
    if (!l.includes(i)) l.push(i);
    (grams[i] ??= []).push(charGrams(w));
    return { w, key };
  };
  const indexEntry = (i: number) => {
    const e = entries[i] as KbEntry;
    byId.set(e.id, i);
    if (e.source.url) byUrl.set(normUrl(e.source.url), i);
    for (const c of e.claims) indexClaim(i, c);
  };
  for (let i = 0; i < entries.length; i++) indexEntry(i);

  const report: KbImportReport = { added: 0, merged: 0, rejected: 0, items: [] };
  for (const { origin, record, error } of candidates) {
    if (error) {
      report.rejected++;
      report.items.push({ origin, status: 'rejected', reason: error });
      continue;
    }
    const v = validateEntry(record);
    if ('error' in v) {
      report.rejected++;
      report.items.push({ origin, status: 'rejected', reason: v.error });
      continue;
    }
    const e = v.entry;
    let dup = e.source.url ? byUrl.get(normUrl(e.source.url)) : undefined;
    if (dup === undefined) {
      for (const c of e.claims) {
        const w = words(c);
        dup = byNorm.get(w.join(' '));
        if (dup !== undefined) break;
        const key = [...w]
          .sort((a, b) => b.length - a.length || a.localeCompare(b))
          .slice(0, 2)
          .sort()
          .join(' ');
        const g = charGrams(w);
        for (const i of byKey.get(key) ?? []) {
          if ((grams[i] ?? []).some((x) => jaccard(x, g) >= DUPLICATE_JACCARD)) {
            dup = i;
            break;
          }
        }
        if (dup !== undefined) break;
      }
    }
    if (dup === undefined && byId.has(e.id)) dup = byId.get(e.id);
    if (dup !== undefined) {
      const t = entries[dup] as KbEntry;
      const have = new Set(t.claims.map((c) => words(c).join(' ')));
      for (const c of e.claims) {
        const n = words(c).join(' ');
        if (!have.has(n) && t.claims.length < 20) {
          t.claims.push(c);
          have.add(n);
          indexClaim(dup, c);
        }
      }
      for (const tp of e.topics) if (!t.topics.includes(tp) && t.topics.length < 20) t.topics.push(tp);
      if (!t.source.url && e.source.url) {
        t.source.url = e.source.url;
        byUrl.set(normUrl(e.source.url), dup);
      }
      t.date ??= e.date;
      t.publisher ??= e.publisher;
      t.expires ??= e.expires;
      // an agency's own import replaces the sample flag
      if (t.sample && !e.sample) delete t.sample;
      report.merged++;
      report.items.push({ origin, status: 'merged', id: t.id });
      continue;
    }
    entries.push(e);
    indexEntry(entries.length - 1);
    report.added++;
    report.items.push({ origin, status: 'added', id: e.id });
  }
  return { entries, report };
}

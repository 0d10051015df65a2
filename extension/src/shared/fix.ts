/**
 * Pure helpers of the content script: the text edit an "apply" makes for a
 * finding, and keeping findings in place while the text changes under them.
 * Positions follow the core: UTF-16 [start, end) into the field's text.
 */
import type { Finding, Localized } from '../../../src/core/index.js';

/** One edit: replace text[start, end) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** What the button says. */
  label: Localized;
}

/** A suggestion that carries its own replacement (the shape ESLint uses: a range and the new text). */
interface ReplacementSuggestion extends Localized {
  replacement?: unknown;
  range?: unknown;
  text?: unknown;
}

function isRange(r: unknown): r is [number, number] {
  return Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] <= r[1];
}

/**
 * The edit "apply" makes. A suggestion with a `replacement` string (and
 * optionally its own `range`) is used as is; otherwise the flagged words are
 * removed together with one neighbouring space, so "Dasar goblok lu" becomes
 * "Dasar lu". Returns null when the range no longer fits the text.
 */
export function editFor(finding: Finding, text: string): Edit | null {
  const [s, e] = finding.range;
  if (s < 0 || e > text.length || s >= e) return null;
  for (const sug of finding.suggestions as ReplacementSuggestion[]) {
    const rep = typeof sug.replacement === 'string' ? sug.replacement : undefined;
    if (rep === undefined) continue;
    const [rs, re] = isRange(sug.range) ? sug.range : [s, e];
    if (re > text.length) continue;
    return { start: rs, end: re, text: rep, label: { id: `Ganti dengan «${rep}»`, en: `Replace with «${rep}»` } };
  }
  let start = s;
  let end = e;
  if (/\s/.test(text[end] ?? '') && (start === 0 || /\s/.test(text[start - 1] ?? ''))) end++;
  else if (start > 0 && /[ \t]/.test(text[start - 1] ?? '')) start--;
  const words = text.slice(s, e);
  return { start, end, text: '', label: { id: `Hapus «${words}»`, en: `Remove «${words}»` } };
}

/** Where an edit turned `before` into `after`: common prefix and suffix lengths. */
export function diffBounds(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  return { start: p, oldEnd: before.length - q, newEnd: after.length - q };
}

/**
 * Moves findings of `before` onto `after` while a new check is on its way:
 * findings after the edit shift by its length, findings touching it are
 * dropped (their words changed), findings before it stay.
 */
export function shiftFindings(findings: Finding[], before: string, after: string): Finding[] {
  if (before === after) return findings;
  const d = diffBounds(before, after);
  const delta = d.newEnd - d.oldEnd;
  const out: Finding[] = [];
  for (const f of findings) {
    const [s, e] = f.range;
    if (e <= d.start) out.push(f);
    else if (s >= d.oldEnd && (s > d.start || d.oldEnd > d.start)) out.push({ ...f, range: [s + delta, e + delta] });
  }
  return out;
}

/** Severity order, worst first. */
export const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

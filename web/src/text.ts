// Pure text helpers of the editor: character counting per platform and highlight segments from finding ranges.
import { blocks, SEVERITY_RANK } from '../../src/core/contract';
import type { Finding, Severity } from './types';

const URL_RE = /\bhttps?:\/\/[^\s]+/giu;
const EMOJI_RE = /\p{Extended_Pictographic}/u;

let segmenter: Intl.Segmenter | null = null;
function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    segmenter ??= new Intl.Segmenter('id', { granularity: 'grapheme' });
    return Array.from(segmenter.segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

/**
 * Characters as the platform counts them, kept simple and documented:
 * - every platform: user-perceived characters (grapheme clusters), so "é" written with a combining accent,
 *   a flag or a family emoji counts as one;
 * - X only: each link counts as 23 characters (t.co shortening) and each emoji as 2, as X's own counter does.
 *   X's full weighting (CJK scripts count 2) is not reproduced; Indonesian text is Latin script.
 */
export function countChars(text: string, platform: string | undefined): number {
  if (platform !== 'x') return graphemes(text).length;
  let n = 0;
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    n += countXPlain(text.slice(last, m.index));
    n += 23;
    last = (m.index ?? 0) + m[0].length;
  }
  return n + countXPlain(text.slice(last));
}

function countXPlain(text: string): number {
  let n = 0;
  for (const g of graphemes(text)) n += EMOJI_RE.test(g) ? 2 : 1;
  return n;
}

export interface Segment {
  text: string;
  /** Highest severity of the findings covering this piece; undefined when not flagged. */
  severity?: Severity;
  /** Indices into the findings array of the findings covering this piece. */
  findings: number[];
}

// the core contract's order (0 = error, most severe): a lower rank is more severe
const RANK = SEVERITY_RANK;

/** Splits `text` into plain and flagged pieces. Ranges are UTF-16 [start, end), so plain string slicing applies. Overlaps are handled. */
export function segments(text: string, findings: Finding[], field = 'text'): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  const usable = findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => (f.field ?? 'text') === field && f.range[1] > f.range[0] && f.range[0] >= 0 && f.range[1] <= text.length);
  for (const { f } of usable) {
    cuts.add(f.range[0]);
    cuts.add(f.range[1]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k];
    const b = points[k + 1];
    const covering = usable.filter(({ f }) => f.range[0] <= a && f.range[1] >= b);
    let severity: Severity | undefined;
    for (const { f } of covering) if (!severity || RANK[f.severity] < RANK[severity]) severity = f.severity;
    const piece = { text: text.slice(a, b), severity, findings: covering.map((c) => c.i) };
    const prev = out[out.length - 1];
    if (prev && !prev.severity && !piece.severity) prev.text += piece.text;
    else out.push(piece);
  }
  return out;
}

/** Findings ordered by severity (errors first), then position. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.range[0] - b.range[0]);
}

/**
 * True when no finding blocks publishing (the core contract's `blocks`): only errors block (warnings and info ask the writer to look again but never
 * block copying), and a finding the writer dismissed with a reason no longer blocks.
 */
export function isClean(findings: Finding[], isDismissed: (f: Finding) => boolean = () => false): boolean {
  return findings.every((f) => !blocks(f) || isDismissed(f));
}

/** Key of a finding that survives edits elsewhere in the text: the rule and the flagged words. */
export function findingKey(f: Finding, text: string): string {
  return `${f.ruleId}|${f.field ?? 'text'}|${text.slice(f.range[0], f.range[1]).toLowerCase()}`;
}

/**
 * Moves findings computed for `oldText` onto `newText` while a fresh check is pending: findings before the edit keep
 * their range, findings after it shift by the length change, findings touching the edit are dropped. Keeps the
 * highlights steady while typing.
 */
export function rebase(findings: Finding[], oldText: string, newText: string): Finding[] {
  if (oldText === newText) return findings;
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const delta = newText.length - oldText.length;
  const editEndOld = oldText.length - s;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.range[1] <= p) out.push(f);
    else if (f.range[0] >= editEndOld) out.push({ ...f, range: [f.range[0] + delta, f.range[1] + delta] });
  }
  return out;
}

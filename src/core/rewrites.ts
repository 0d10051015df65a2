/**
 * Rewritten sentences as suggestion fixes (ESLint-style `{range, text}` on a {@link Suggestion}): for a finding whose
 * rule has a rewrite (data/rewrites.ts), the sentence that holds the flagged words is offered rewritten, the words
 * replaced by a neutral wording or dropped, with the range of the sentence it replaces. Pure string work on the
 * original field value; positions follow the one convention (UTF-16 `[start, end)`).
 */
import { REWRITES } from './data/rewrites.js';
import { type AccountInput, type CheckInput, type Field, type Finding, isAccount, type Localized, type Suggestion } from './types.js';

/** Whether the UTF-16 unit is a sentence end: `.`, `!`, `?` or a newline. */
function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10;
}

/** Whether the UTF-16 unit is `.`, `!` or `?`. */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** `[start, end)` of the sentence around `[s, e)`: from after the previous `.!?` or newline to just after the next. */
export function sentenceAround(text: string, s: number, e: number): [number, number] {
  let a = s;
  while (a > 0 && !isSentenceEnd(text.charCodeAt(a - 1))) a--;
  while (a < s && /\s/.test(text[a] as string)) a++;
  let b = e;
  while (b < text.length && !isSentenceEnd(text.charCodeAt(b))) b++;
  while (b < text.length && isStop(text.charCodeAt(b))) b++;
  return [a, b];
}

/** Offsets of the sentence-ending characters of a text (one pass). */
export function sentenceEnds(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (isSentenceEnd(text.charCodeAt(i))) out.push(i);
  return out;
}

/** {@link sentenceAround} with precomputed sentence ends: a binary search instead of a scan. */
export function sentenceOf(text: string, ends: number[], s: number, e: number): [number, number] {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) < s) lo = mid + 1;
    else hi = mid;
  }
  // ends[lo - 1] is the last end before s; the first end at or after e follows
  let a = lo > 0 ? (ends[lo - 1] as number) + 1 : 0;
  while (a < s && /\s/.test(text[a] as string)) a++;
  let k = lo;
  while (k < ends.length && (ends[k] as number) < e) k++;
  let b = k < ends.length ? (ends[k] as number) : text.length;
  while (b < text.length && isStop(text.charCodeAt(b))) b++;
  return [a, b];
}

/** Tidies a sentence after words were dropped: double spaces, a space before punctuation, a stray leading comma. */
export function tidy(s: string): string {
  return s
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/,([.!?])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/^[\s,;:]+/, '')
    .replace(/[ \t]+$/, '');
}

/**
 * The rewrite of the sentence around one finding: every rewritable finding of that sentence (`all`) is rewritten at
 * once, so the offered sentence is free of all of them; undefined when the rule has no rewrite or nothing changes.
 */
export function rewriteFor(f: Finding, text: string, all: readonly Finding[] = [f]): Suggestion | undefined {
  const rw = REWRITES[f.ruleId];
  if (!rw) return undefined;
  const [a, b] = sentenceAround(text, f.range[0], f.range[1]);
  const edits = all
    .filter((g) => g.field === f.field && REWRITES[g.ruleId] && g.range[0] >= a && g.range[1] <= b)
    .sort((x, y) => x.range[0] - y.range[0] || y.range[1] - x.range[1]);
  let out = '';
  let at = a;
  const used = new Set<string>();
  for (const g of edits) {
    if (g.range[0] < at) continue; // overlaps an edit already made
    const r = REWRITES[g.ruleId] as (typeof REWRITES)[string];
    out += text.slice(at, g.range[0]);
    // one neutral wording per sentence: a second campaign call in the same sentence is dropped, not repeated
    if (r.mode === 'replace' && r.text && !used.has(r.text)) {
      used.add(r.text);
      out +=
        /^[A-ZÀ-Ý]/.test(text.slice(g.range[0], g.range[1])) && text.slice(a, g.range[0]).trim() === '' ? r.text[0]?.toUpperCase() + r.text.slice(1) : r.text;
    }
    at = g.range[1];
  }
  out = tidy(out + text.slice(at, b));
  if (out.length > 0 && /^[a-zà-ý]/.test(out) && /^[A-ZÀ-Ý]/.test(text.slice(a, b))) out = out[0]?.toUpperCase() + out.slice(1);
  // too little left to stand as a sentence (hashtags do not count): the rewrite deletes the sentence
  const words = out.replace(/#\S+/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 3) out = '';
  if (out === text.slice(a, b)) return undefined;
  return {
    id: out ? `${rw.label.id}: "${out}"` : `${rw.label.id}: hapus kalimat ini`,
    en: out ? `${rw.label.en}: "${out}"` : `${rw.label.en}: delete this sentence`,
    fix: { range: [a, b], text: out },
  };
}

function fieldText(input: CheckInput, field: Field): string {
  if (isAccount(input)) return (input as AccountInput)[field as 'handle' | 'displayName' | 'bio'] ?? '';
  return input.text;
}

/** Longest sentence offered rewritten, and most edits in one sentence: beyond them no rewrite is offered. */
const MAX_SENTENCE = 1000;
const MAX_EDITS = 20;

/**
 * Adds the rewrite suggestion to each finding that has one (after the rule's own suggestions). Findings are grouped by
 * sentence first, so each sentence is rewritten once: linear in the text and the findings.
 */
export function withRewrites(findings: Finding[], input: CheckInput): Finding[] {
  if (findings.length === 0 || isAccount(input)) return findings;
  const groups = new Map<string, number[]>();
  const ends = new Map<Field, number[]>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    if (!REWRITES[f.ruleId] || f.suggestions.some((s) => s.fix)) continue;
    const text = fieldText(input, f.field);
    let e = ends.get(f.field);
    if (!e) ends.set(f.field, (e = sentenceEnds(text)));
    const [a, b] = sentenceOf(text, e, f.range[0], f.range[1]);
    if (b - a > MAX_SENTENCE) continue;
    const key = `${f.field}:${a}:${b}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  for (const idx of groups.values()) {
    if (idx.length > MAX_EDITS) continue;
    const members = idx.map((i) => findings[i] as Finding);
    const first = members[0] as Finding;
    const sg = rewriteFor(first, fieldText(input, first.field), members);
    if (!sg) continue;
    for (const i of idx) {
      const f = findings[i] as Finding;
      findings[i] = { ...f, suggestions: [...f.suggestions, { ...sg, ...labelOf(f, sg) }] };
    }
  }
  return findings;
}

/** The suggestion's label in the words of the finding's own rule (the rewritten sentence is shared). */
function labelOf(f: Finding, sg: Suggestion): Localized {
  const rw = REWRITES[f.ruleId];
  const text = sg.fix?.text ?? '';
  if (!rw) return { id: sg.id, en: sg.en };
  return text
    ? { id: `${rw.label.id}: "${text}"`, en: `${rw.label.en}: "${text}"` }
    : { id: `${rw.label.id}: hapus kalimat ini`, en: `${rw.label.en}: delete this sentence` };
}

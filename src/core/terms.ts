/**
 * Term lists (data) and the matcher that finds them in tokenised text.
 *
 * A term pattern is a sequence of words separated by spaces, compared after
 * {@link normalizeWord} on both sides:
 * - `word`   matches a token whose standard, leet-decoded or suffix-stripped form is `word`;
 * - `word*`  matches a token whose form starts with `word` (use sparingly: "anal*" hits "analisis");
 * - `?`      matches any one word token (a gap), e.g. `pilih ? nomor`.
 * Matching is a hash lookup on the first word, so a text is scanned in time
 * linear in its tokens whatever the size of the lists.
 */

import { normalizeWord, type Token, wordMemo } from './normalize/tokenize.js';
import { steps } from './steps.js';
import type { Category, Localized, Severity } from './types.js';

/** Where a term list comes from. */
export interface Source {
  title: string;
  url?: string;
}

/** One entry of a term list. */
export interface Term {
  pattern: string;
  /** Why it is listed (shown in rule docs). */
  note?: string;
  /** What to write instead. */
  suggestion?: Localized;
  /** Overrides the list's severity for this term. */
  severity?: Severity;
  /** Innocent senses: when one of these words is within {@link UNLESS_WINDOW} tokens, the term does not match. */
  unless?: string[];
}

/** A list of terms of one category, with its sources. */
export interface TermList {
  id: string;
  /** The category the list serves; absent for shared vocabulary (context words, person references). */
  category?: Category;
  description: Localized;
  sources: Source[];
  terms: Term[];
}

/** A term found in a text. */
export interface Match {
  term: Term;
  list: TermList;
  /** First token index (inclusive). */
  first: number;
  /** Last token index (inclusive). */
  last: number;
  /** `[start, end)` in the original text. */
  range: [number, number];
}

/** How many tokens either side an `unless` word may be to cancel a match. */
export const UNLESS_WINDOW = 4;

interface Piece {
  kind: 'exact' | 'prefix' | 'any';
  value: string;
}

interface CompiledTerm {
  term: Term;
  pieces: Piece[];
  unless: Set<string>;
}

/** A term list prepared for matching. */
export interface CompiledList {
  list: TermList;
  byFirst: Map<string, CompiledTerm[]>;
  prefixFirst: CompiledTerm[];
}

/** Thrown when a term list is malformed; names the list and the term. */
export class TermListError extends Error {}

function compilePiece(w: string): Piece {
  if (w === '?') return { kind: 'any', value: '' };
  if (w.endsWith('*')) return { kind: 'prefix', value: normalizeWord(w.slice(0, -1)) };
  return { kind: 'exact', value: normalizeWord(w) };
}

/** Compiles a term list; fails loudly on empty patterns, leading gaps or duplicates. */
export function compileList(list: TermList): CompiledList {
  const byFirst = new Map<string, CompiledTerm[]>();
  const prefixFirst: CompiledTerm[] = [];
  const seen = new Set<string>();
  for (const term of list.terms) {
    const words = term.pattern.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) throw new TermListError(`term list ${list.id}: empty pattern`);
    const pieces: Piece[] = [];
    for (const w of words) {
      // a slang word normalising to several words ("makasih" -> "terima kasih") stays one piece: the token it
      // matches is one token whose norm contains the space; list the spelled-out form as its own pattern
      pieces.push(compilePiece(w));
    }
    const first = pieces[0] as Piece;
    if (first.kind === 'any' || pieces[pieces.length - 1]?.kind === 'any')
      throw new TermListError(`term list ${list.id}: pattern "${term.pattern}" starts or ends with a gap`);
    if (first.kind === 'prefix' && first.value.length < 3) throw new TermListError(`term list ${list.id}: prefix pattern "${term.pattern}" is too short`);
    const key = pieces.map((p) => p.kind + p.value).join(' ');
    if (seen.has(key)) throw new TermListError(`term list ${list.id}: duplicate pattern "${term.pattern}"`);
    seen.add(key);
    const ct: CompiledTerm = { term, pieces, unless: new Set((term.unless ?? []).map(normalizeWord)) };
    if (first.kind === 'prefix') prefixFirst.push(ct);
    else {
      const arr = byFirst.get(first.value);
      if (arr) arr.push(ct);
      else byFirst.set(first.value, [ct]);
    }
  }
  return { list, byFirst, prefixFirst };
}

function forms(t: Token): string[] {
  const f = [t.norm];
  if (t.leet !== undefined) f.push(t.leet);
  if (t.stem !== undefined) f.push(t.stem);
  return f;
}

function pieceMatches(p: Piece, t: Token): boolean {
  if (t.kind !== 'word' && t.kind !== 'number') return false;
  if (p.kind === 'any') return true;
  if (p.kind === 'exact') return t.norm === p.value || t.leet === p.value || t.stem === p.value;
  return t.norm.startsWith(p.value) || (t.leet?.startsWith(p.value) ?? false);
}

function termAt(ct: CompiledTerm, tokens: Token[], i: number): number {
  let j = i;
  for (let k = 0; k < ct.pieces.length; k++) {
    if (steps.on) steps.n++;
    const t = tokens[j];
    if (!t || !pieceMatches(ct.pieces[k] as Piece, t)) return -1;
    // multi-word terms do not run across sentences
    if (k > 0 && t.sentence !== (tokens[i] as Token).sentence) return -1;
    j++;
  }
  return j - 1;
}

function cancelled(ct: CompiledTerm, tokens: Token[], first: number, last: number): boolean {
  if (ct.unless.size === 0) return false;
  const lo = Math.max(0, first - UNLESS_WINDOW);
  const hi = Math.min(tokens.length - 1, last + UNLESS_WINDOW);
  for (let k = lo; k <= hi; k++) {
    if (steps.on) steps.n++;
    if (k >= first && k <= last) continue;
    const t = tokens[k] as Token;
    for (const f of forms(t)) if (ct.unless.has(f)) return true;
  }
  return false;
}

/**
 * One sense per text (Gale, Church and Yarowsky 1992: a word keeps one sense within a discourse): whether an
 * occurrence (other than `first`; callers memoise the answer per text, a match itself is never cancelled) of a
 * single-word term's word in `tokens` stands in a literal sense (an `unless` word within
 * {@link UNLESS_WINDOW} tokens), so that the match at `first` ("#bangsat" in a post about bedbugs in the mattress) is
 * literal too. False for terms without `unless` and for multi-word terms.
 */
export function literalElsewhere(term: Term, tokens: readonly Token[], first: number): boolean {
  const ct = singleWordTerm(term);
  if (ct === null) return false;
  const piece = ct.pieces[0] as Piece;
  for (let i = 0; i < tokens.length; i++) {
    if (i === first) continue;
    if (steps.on) steps.n++;
    if (pieceMatches(piece, tokens[i] as Token) && cancelled(ct, tokens as Token[], i, i)) return true;
  }
  return false;
}

/** A single-word term with `unless` words, compiled once per term object (null: not one). */
const singleWordTerms = new WeakMap<Term, CompiledTerm | null>();
function singleWordTerm(term: Term): CompiledTerm | null {
  let ct = singleWordTerms.get(term);
  if (ct !== undefined) return ct;
  ct = null;
  const words = term.pattern.trim().split(/\s+/);
  if (term.unless?.length && words.length === 1) {
    const piece = compilePiece(words[0] as string);
    if (piece.kind !== 'any') ct = { term, pieces: [piece], unless: new Set(term.unless.map(normalizeWord)) };
  }
  singleWordTerms.set(term, ct);
  return ct;
}

/** The best (longest, first on ties) term of `cands` at token `i` so far: `best` and its last token, updated in place. */
const pick: { ct: CompiledTerm | undefined; last: number } = { ct: undefined, last: -1 };

function consider(cands: CompiledTerm[] | undefined, tokens: Token[], i: number): void {
  if (!cands) return;
  for (const ct of cands) {
    const last = termAt(ct, tokens, i);
    if (last >= 0 && (pick.ct === undefined || last > pick.last) && !cancelled(ct, tokens, i, last)) {
      pick.ct = ct;
      pick.last = last;
    }
  }
}

/** Finds every occurrence of the list's terms; overlapping matches of the same list keep the longest. */
export function matchList(compiled: CompiledList, tokens: Token[]): Match[] {
  const out: Match[] = [];
  let coveredUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (steps.on) steps.n++;
    const t = tokens[i] as Token;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    pick.ct = undefined;
    pick.last = -1;
    consider(compiled.byFirst.get(t.norm), tokens, i);
    if (t.leet !== undefined) consider(compiled.byFirst.get(t.leet), tokens, i);
    if (t.stem !== undefined) consider(compiled.byFirst.get(t.stem), tokens, i);
    if (compiled.prefixFirst.length > 0) consider(compiled.prefixFirst, tokens, i);
    const best = pick.ct as CompiledTerm | undefined;
    if (best !== undefined && i > coveredUntil) {
      out.push({ term: best.term, list: compiled.list, first: i, last: pick.last, range: [t.start, (tokens[pick.last] as Token).end] });
      coveredUntil = pick.last;
    }
  }
  return out;
}

/** Every normalised word of the lists, used to split lower-case hashtags. */
export function vocabularyOf(lists: Iterable<TermList>, extra: Iterable<string> = []): Set<string> {
  const v = new Set<string>();
  for (const l of lists)
    for (const t of l.terms) {
      for (const w of t.pattern.split(/\s+/)) if (w !== '?' && !w.endsWith('*')) for (const p of normalizeWord(w).split(' ')) if (p.length >= 2) v.add(p);
      // the words of a term's literal senses too: "#kutukasur" is "kutu kasur", not "kutuk asu r"
      for (const w of t.unless ?? []) for (const p of normalizeWord(w).split(' ')) if (p.length >= 2) v.add(p);
    }
  for (const w of extra) v.add(w);
  return v;
}

/**
 * The words a list decides by itself: its single-word terms without a wildcard, normalised. Unlike
 * {@link vocabularyOf} (the hashtag splitter's vocabulary), the words of multi-word terms ("video" of "video porno")
 * and of literal senses ("makan" of "anjing") are not in it: alone they are ordinary words.
 */
export function lexiconOf(lists: Iterable<TermList>): Set<string> {
  const v = new Set<string>();
  for (const l of lists)
    for (const t of l.terms) {
      const w = t.pattern.trim();
      if (/\s/.test(w) || w.includes('*') || w.includes('?')) continue;
      const n = normalizeWord(w);
      if (!n.includes(' ') && n.length >= 2) v.add(n);
    }
  return v;
}

/** Many compiled lists merged into one index, so a text is scanned once for all of them. */
export interface CompiledIndex {
  lists: TermList[];
  byFirst: Map<string, Array<[number, CompiledTerm]>>;
  /** Prefix patterns keyed by their first three letters. */
  byPrefix3: Map<string, Array<[number, CompiledTerm]>>;
}

let coveredVal = new Int32Array(64);
let coveredStamp = new Int32Array(64);
let callStamp = 0;

/** The index and token {@link gatherMemo} gathers for (a static callback: no closure per token). */
let gatherIndex: CompiledIndex | undefined;
let gatherToken: Token | undefined;
const gatherMemo = () => gather(gatherIndex as CompiledIndex, gatherToken as Token);

/** Flags of a candidate (see {@link gather}): the term is one exact word, which the token has (its form was the key). */
const AT_TOKEN = 1;
/** Flags of a candidate: the term has `unless` words. */
const HAS_UNLESS = 2;

function candidateFlags(ct: CompiledTerm): number {
  return (ct.pieces.length === 1 && (ct.pieces[0] as Piece).kind === 'exact' ? AT_TOKEN : 0) | (ct.unless.size > 0 ? HAS_UNLESS : 0);
}

/**
 * Every term that may start at a token (its norm, leet and stem forms), or null when none: flat triples, the list's
 * number, the term and its flags (one array to read per token, no pair object per candidate; a one-word exact term
 * found under one of the token's forms matches there, so the scan does not read the term's pieces).
 */
function gather(index: CompiledIndex, t: Token): Array<number | CompiledTerm> | null {
  const a = candidatesOf(index, t.norm);
  const b = t.leet !== undefined ? candidatesOf(index, t.leet) : undefined;
  const c = t.stem !== undefined ? index.byFirst.get(t.stem) : undefined;
  if (!a && !b && !c) return null;
  const out: Array<number | CompiledTerm> = [];
  if (a) for (const x of a) out.push(x[0], x[1], candidateFlags(x[1]));
  if (b && b !== a) for (const x of b) out.push(x[0], x[1], candidateFlags(x[1]));
  if (c) for (const x of c) out.push(x[0], x[1], candidateFlags(x[1]));
  return out;
}

/** Terms whose first piece may match a token form: exact first words, then prefix patterns by their first three letters. */
function candidatesOf(index: CompiledIndex, form: string): Array<[number, CompiledTerm]> | undefined {
  const exact = index.byFirst.get(form);
  if (index.byPrefix3.size === 0 || form.length < 3) return exact;
  const prefix = index.byPrefix3.get(form.slice(0, 3));
  return exact && prefix ? [...exact, ...prefix] : (exact ?? prefix);
}

/** Merges compiled lists into one index. */
export function compileIndex(compiled: Iterable<CompiledList>): CompiledIndex {
  const lists: TermList[] = [];
  const byFirst = new Map<string, Array<[number, CompiledTerm]>>();
  const byPrefix3 = new Map<string, Array<[number, CompiledTerm]>>();
  const add = (m: Map<string, Array<[number, CompiledTerm]>>, k: string, v: [number, CompiledTerm]) => {
    const a = m.get(k);
    if (a) a.push(v);
    else m.set(k, [v]);
  };
  for (const c of compiled) {
    const li = lists.length;
    lists.push(c.list);
    for (const [k, cts] of c.byFirst) for (const ct of cts) add(byFirst, k, [li, ct]);
    for (const ct of c.prefixFirst) add(byPrefix3, (ct.pieces[0] as Piece).value.slice(0, 3), [li, ct]);
  }
  return { lists, byFirst, byPrefix3 };
}

/**
 * Matches every list of the index in one pass over the tokens; per list the
 * result equals {@link matchList} (longest match at a position, no overlaps).
 */
export function matchIndex(index: CompiledIndex, tokens: Token[]): Map<TermList, Match[]> {
  const out = new Map<TermList, Match[]>();
  // per list, the last token covered by a match: stamped arrays reused across calls, as a typed-array
  // allocation per text costs more than the scan itself
  if (coveredVal.length < index.lists.length) {
    coveredVal = new Int32Array(index.lists.length * 2);
    coveredStamp = new Int32Array(index.lists.length * 2);
  }
  const stamp = (callStamp = (callStamp + 1) | 0);
  const covVal = coveredVal;
  const covStamp = coveredStamp;
  for (let i = 0; i < tokens.length; i++) {
    if (steps.on) steps.n++;
    const t = tokens[i] as Token;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    // candidates depend only on the spelling: memoised per spelling and index, so a repeated word costs one lookup
    let cands: Array<number | CompiledTerm> | null;
    if (t.forms !== undefined) {
      gatherIndex = index;
      gatherToken = t;
      cands = wordMemo(t.forms, index, gatherMemo);
    } else cands = gather(index, t);
    if (cands === null) continue;
    // best (longest) match per list at this position; candidates of one list are few, so a linear scan of `found` is
    // fine; allocated only when a term matches here
    let found: Array<{ li: number; ct: CompiledTerm; last: number }> | undefined;
    for (let k = 0; k < cands.length; k += 3) {
      if (steps.on) steps.n++;
      const li = cands[k] as number;
      const ct = cands[k + 1] as CompiledTerm;
      const flags = cands[k + 2] as number;
      if (covStamp[li] === stamp && i <= (covVal[li] as number)) continue;
      const last = (flags & AT_TOKEN) !== 0 ? i : termAt(ct, tokens, i);
      if (last < 0) continue;
      let prev: { li: number; ct: CompiledTerm; last: number } | undefined;
      if (found !== undefined)
        for (const f of found)
          if (f.li === li) {
            prev = f;
            break;
          }
      if (prev && last <= prev.last) continue;
      if ((flags & HAS_UNLESS) !== 0 && cancelled(ct, tokens, i, last)) continue;
      if (prev) {
        prev.ct = ct;
        prev.last = last;
      } else (found ??= []).push({ li, ct, last });
    }
    if (found === undefined) continue;
    for (const f of found) {
      const list = index.lists[f.li] as TermList;
      let arr = out.get(list);
      if (!arr) out.set(list, (arr = []));
      arr.push({ term: f.ct.term, list, first: i, last: f.last, range: [t.start, (tokens[f.last] as Token).end] });
      covVal[f.li] = f.last;
      covStamp[f.li] = stamp;
    }
  }
  return out;
}

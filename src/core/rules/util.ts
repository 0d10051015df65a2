/**
 * Small helpers shared by the rules: word-set tests on tokens, sentence
 * spans, person targets. Everything works on the token array the engine
 * already built, so no rule re-scans the text.
 */
import {
  HONORIFICS as HONORIFICS_LIST,
  NOT_NAMES as NOT_NAMES_LIST,
  POSSESSED_ROLES as POSSESSED_ROLES_LIST,
  POSSESSORS as POSSESSORS_LIST,
  SECOND_PERSON as SECOND_PERSON_LIST,
} from '../data/persons.js';
import type { RuleContext } from '../engine.js';
import type { Token } from '../normalize/tokenize.js';
import { normalizeWord } from '../normalize/tokenize.js';
import { steps } from '../steps.js';
import type { TermList } from '../terms.js';
import type { Localized } from '../types.js';

/** A set of normalised words (built once at module load). */
export function wordSet(words: string[]): ReadonlySet<string> {
  const s = new Set<string>();
  for (const w of words) s.add(normalizeWord(w));
  return s;
}

/** The words of a one-word term list as a word set (the lists of src/core/data consulted by rule code). */
export function listWords(list: TermList): ReadonlySet<string> {
  return wordSet(list.terms.map((t) => t.pattern));
}

/** True when one of the token's comparison forms (norm, leet, stem) is in the set. */
export function isWord(t: Token | undefined, set: ReadonlySet<string>): boolean {
  if (!t || (t.kind !== 'word' && t.kind !== 'number')) return false;
  return set.has(t.norm) || (t.leet !== undefined && set.has(t.leet)) || (t.stem !== undefined && set.has(t.stem));
}

/** Token index ranges `[first, last]` (inclusive) of each sentence, computed once per field. */
export function sentenceSpans(ctx: RuleContext): Array<[number, number]> {
  return ctx.memo('util.sentences', () => {
    const out: Array<[number, number]> = [];
    const toks = ctx.tok.tokens;
    let i = 0;
    while (i < toks.length) {
      const s = (toks[i] as Token).sentence;
      let j = i;
      while (j + 1 < toks.length && (toks[j + 1] as Token).sentence === s) j++;
      if (steps.on) steps.n += j - i + 1;
      out.push([i, j]);
      i = j + 1;
    }
    return out;
  });
}

/** Indices of the tokens of one sentence that match the set. */
export function findInSpan(tokens: Token[], first: number, last: number, set: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let k = first; k <= last; k++) if (isWord(tokens[k], set)) out.push(k);
  return out;
}

/** Whether any token of the field matches the set. */
export function anyWord(ctx: RuleContext, key: string, set: ReadonlySet<string>): boolean {
  return ctx.memo(`util.any.${key}`, () => ctx.tok.tokens.some((t) => isWord(t, set)));
}

/** Whether the token's original spelling starts with an upper-case letter. */
export function isCapitalized(t: Token | undefined): boolean {
  if (t?.kind !== 'word') return false;
  const c = t.raw.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

const HONORIFICS = listWords(HONORIFICS_LIST);
const SI = wordSet(['si']);
/** Words that, after an honorific, are roles rather than names ("Pak Kepala"). */
const NOT_NAMES = listWords(NOT_NAMES_LIST);
const SECOND_PERSON = listWords(SECOND_PERSON_LIST);
const POSSESSED_ROLES = listWords(POSSESSED_ROLES_LIST);
const POSSESSORS = listWords(POSSESSORS_LIST);

/** Where a person is identifiable: an @mention, "Pak/Bu <Name>", "si <name>", or a role with a possessor ("atasan saya"). */
export interface PersonTarget {
  first: number;
  last: number;
  kind: 'mention' | 'named' | 'role' | 'second-person';
}

/** Identifiable persons of the field, computed once per field. */
export function personTargets(ctx: RuleContext): PersonTarget[] {
  return ctx.memo('util.persons', () => {
    const toks = ctx.tok.tokens;
    const out: PersonTarget[] = [];
    if (steps.on) steps.n += toks.length;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.kind === 'mention') {
        out.push({ first: i, last: i, kind: 'mention' });
        continue;
      }
      if (t.kind !== 'word') continue;
      const next = toks[i + 1];
      if (isWord(t, HONORIFICS) && next && next.sentence === t.sentence && isCapitalized(next) && !isWord(next, NOT_NAMES)) {
        let j = i + 1;
        while (j + 1 < toks.length && isCapitalized(toks[j + 1]) && (toks[j + 1] as Token).sentence === t.sentence && j - i < 3) j++;
        out.push({ first: i, last: j, kind: 'named' });
        i = j;
        continue;
      }
      if (isWord(t, SI) && next && next.kind === 'word' && next.sentence === t.sentence && !isWord(next, NOT_NAMES)) {
        out.push({ first: i, last: i + 1, kind: 'named' });
        i++;
        continue;
      }
      if (isWord(t, SECOND_PERSON)) {
        out.push({ first: i, last: i, kind: 'second-person' });
        continue;
      }
      if (isWord(t, POSSESSED_ROLES)) {
        // "atasan saya", "kepala kantor kami"
        for (let k = i + 1; k <= i + 2 && k < toks.length; k++) {
          const u = toks[k] as Token;
          if (u.sentence !== t.sentence) break;
          if (isWord(u, POSSESSORS) || u.norm.endsWith('ku') || u.norm.endsWith('nya')) {
            out.push({ first: i, last: k, kind: 'role' });
            break;
          }
        }
      }
    }
    return out;
  });
}

/** Targets in the same sentence as token `k`, nearest first, at most `window` tokens away. */
export function targetNear(ctx: RuleContext, k: number, window: number, kinds?: Array<PersonTarget['kind']>): PersonTarget | undefined {
  const toks = ctx.tok.tokens;
  const s = (toks[k] as Token).sentence;
  let best: PersonTarget | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const p of within(personTargets(ctx), k - window - 4, k + window)) {
    if ((toks[p.first] as Token).sentence !== s) continue;
    if (kinds && !kinds.includes(p.kind)) continue;
    const d = p.last < k ? k - p.last : p.first > k ? p.first - k : 0;
    if (d <= window && d < bestD) {
      best = p;
      bestD = d;
    }
  }
  return best;
}

/** `[start, end)` of tokens `first..last`. */
export function spanRange(tokens: Token[], first: number, last: number): [number, number] {
  return [(tokens[first] as Token).start, (tokens[last] as Token).end];
}

/** Shorthand for a bilingual text. */
export function L(id: string, en: string): Localized {
  return { id, en };
}

/** Index of the first match whose first token is >= `k` (matches are sorted by `first`). */
function lowerBound(ms: readonly { first: number }[], k: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ms[mid] as { first: number }).first < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Matches (or targets) whose first token lies in `[lo, hi]`, found by binary
 * search, so that pairing two lists stays O(n log n) even on adversarial
 * inputs with thousands of matches.
 */
export function within<T extends { first: number }>(ms: readonly T[], lo: number, hi: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(ms, lo); i < ms.length && (ms[i] as T).first <= hi; i++) out.push(ms[i] as T);
  if (steps.on) steps.n += 1 + out.length; // the binary search counted as one step
  return out;
}

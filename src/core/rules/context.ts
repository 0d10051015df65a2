/**
 * Context decides: the shared analysis every rule consults before reporting.
 *
 * A text that explains the rules ("hindari konten hoaks, SARA, radikalisme"),
 * debunks a hoax, reports news, condemns an act, quotes a word (a mention,
 * not a use) or negates it ("jangan", "tidak boleh", "dilarang") is not the
 * act. The analysis runs once per field (ctx.memo) in one pass over the
 * tokens plus one pass over the characters for quotation marks.
 */

import {
  CONDEMN_AFTER_TIDAK,
  CONDEMN as CONDEMN_LIST,
  DEBUNK as DEBUNK_LIST,
  GUIDANCE as GUIDANCE_LIST,
  NEGATORS as NEGATORS_LIST,
  NEWS as NEWS_LIST,
  NOT_DEBUNK,
  NOT_NEGATING_AFTER as NOT_NEGATING_AFTER_LIST,
  OFFICIAL_SOURCE as OFFICIAL_SOURCE_LIST,
  TIDAK_FALSE as TIDAK_FALSE_LIST,
  TOPICS as TOPICS_LIST,
  VERIFY as VERIFY_LIST,
} from '../data/context.js';
import type { RuleContext } from '../engine.js';
import type { Token } from '../normalize/tokenize.js';
import { covered, type SpanCover, spanCover } from '../spans.js';
import { steps } from '../steps.js';
import { isWord, listWords, sentenceSpans, wordSet } from './util.js';

const GUIDANCE = listWords(GUIDANCE_LIST);
const TOPICS = listWords(TOPICS_LIST);
const DEBUNK = listWords(DEBUNK_LIST);
const BUKAN = listWords(NOT_DEBUNK);
const CONDEMN = listWords(CONDEMN_LIST);
const CONDEMN_AFTER = listWords(CONDEMN_AFTER_TIDAK);
const NEWS = listWords(NEWS_LIST);
const NEGATORS = listWords(NEGATORS_LIST);
const NOT_NEGATING_AFTER = listWords(NOT_NEGATING_AFTER_LIST);
const TIDAK = wordSet(['tidak']);
const TIDAK_FALSE = listWords(TIDAK_FALSE_LIST);

const C_GUIDANCE = 1;
const C_TOPICS = 2;
const C_DEBUNK = 4;
const C_BUKAN = 8;
const C_TIDAK = 16;
const C_CONDEMN = 32;
const C_NEWS = 64;
const C_VERIFY = 128;
/** Word -> bit set of the context classes above, built once from the word sets. */
const CLASSES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (set: ReadonlySet<string>, bit: number) => {
    for (const w of set) m.set(w, (m.get(w) ?? 0) | bit);
  };
  add(GUIDANCE, C_GUIDANCE);
  add(TOPICS, C_TOPICS);
  add(DEBUNK, C_DEBUNK);
  add(BUKAN, C_BUKAN);
  add(TIDAK, C_TIDAK);
  add(CONDEMN, C_CONDEMN);
  add(NEWS, C_NEWS);
  add(listWords(VERIFY_LIST), C_VERIFY);
  return m;
})();

/** The context classes of a token (the union over its norm, leet and stem forms, as isWord tests them). */
function classOf(t: Token): number {
  if (t.kind !== 'word' && t.kind !== 'number') return 0;
  let c = CLASSES.get(t.norm) ?? 0;
  if (t.leet !== undefined) c |= CLASSES.get(t.leet) ?? 0;
  if (t.stem !== undefined) c |= CLASSES.get(t.stem) ?? 0;
  return c;
}

/** The shared context of one field. */
export interface ContextInfo {
  /** Per sentence: explains rules (guidance word plus a guideline topic, or three topics). */
  meta: boolean[];
  /** Per sentence: debunks (says "hoaks", "tidak benar", "klarifikasi"). */
  debunk: boolean[];
  /** Per sentence: condemns or mourns an act. */
  condemn: boolean[];
  /** Per sentence: reports news or someone's statement. */
  news: boolean[];
  /** The field debunks a claim anywhere. */
  anyDebunk: boolean;
  /** The field condemns an act anywhere. */
  anyCondemn: boolean;
  /** Spans in quotation marks (a word mentioned, not used). */
  quotes: Array<[number, number]>;
  /** The same spans for containment queries in O(log n). */
  quoteCover: SpanCover;
}

function computeQuotes(text: string): Array<[number, number]> {
  // Pairs of straight double quotes, curly quotes, guillemets; straight single quotes only at word edges
  // (an apostrophe inside "Dja'far" is not a quote). One pass, no regular expressions.
  const out: Array<[number, number]> = [];
  let openDouble = -1;
  let openCurly = -1;
  let openSingle = -1;
  const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '(' || c === ':';
  if (steps.on) steps.n += text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (openDouble < 0) openDouble = i;
      else {
        out.push([openDouble, i + 1]);
        openDouble = -1;
      }
    } else if (c === '\u201c' || c === '\u00ab' || c === '\u2018') {
      openCurly = i;
    } else if ((c === '\u201d' || c === '\u00bb' || c === '\u2019') && openCurly >= 0) {
      out.push([openCurly, i + 1]);
      openCurly = -1;
    } else if (c === "'") {
      if (openSingle < 0 && isSpace(text[i - 1])) openSingle = i;
      else if (openSingle >= 0 && !/[A-Za-z0-9]/.test(text[i + 1] ?? ' ')) {
        out.push([openSingle, i + 1]);
        openSingle = -1;
      }
    } else if (c === '\n') {
      // quotes do not run across lines
      openDouble = openCurly = openSingle = -1;
    }
  }
  return out;
}

const OFFICIAL_SOURCE = listWords(OFFICIAL_SOURCE_LIST);
/** How many tokens after a verification verb its source may be. */
const VERIFY_WINDOW = 6;

/** An official source within {@link VERIFY_WINDOW} tokens after `k` (up to `b`, the sentence's last token): "resmi" or a .go.id address. */
function officialSourceAfter(toks: readonly Token[], k: number, b: number): boolean {
  for (let j = k + 1; j <= Math.min(b, k + VERIFY_WINDOW); j++) {
    const t = toks[j] as Token;
    if (t.kind === 'url' ? /\.go\.id(?:[/:?#]|$)/i.test(t.norm) : isWord(t, OFFICIAL_SOURCE)) return true;
  }
  return false;
}

/** The context analysis of the field, computed once. */
export function contextOf(ctx: RuleContext): ContextInfo {
  return ctx.memo('context', () => {
    const toks = ctx.tok.tokens;
    const spans = sentenceSpans(ctx);
    const n = toks.length === 0 ? 0 : (toks[toks.length - 1] as Token).sentence + 1;
    const meta = new Array<boolean>(n).fill(false);
    const debunk = new Array<boolean>(n).fill(false);
    const condemn = new Array<boolean>(n).fill(false);
    const news = new Array<boolean>(n).fill(false);
    // one class lookup per token form instead of one set test per word class: this loop runs for most texts
    const cls = new Uint8Array(toks.length);
    for (let k = 0; k < toks.length; k++) cls[k] = classOf(toks[k] as Token);
    if (steps.on) steps.n += 2 * toks.length;
    for (const [a, b] of spans) {
      const s = (toks[a] as Token).sentence;
      let guidance = false;
      let topics = 0;
      for (let k = a; k <= b; k++) {
        const c = cls[k] as number;
        if (c === 0) continue;
        const t = toks[k] as Token;
        if (c & C_GUIDANCE) guidance = true;
        if (c & C_TOPICS) topics++;
        if (c & C_DEBUNK && !(k > a && (cls[k - 1] as number) & C_BUKAN) && !(k > a + 1 && (cls[k - 2] as number) & C_BUKAN)) debunk[s] = true;
        // "tidak benar": the claim is false
        if (t.norm === 'benar' && k > a && (cls[k - 1] as number) & C_TIDAK) debunk[s] = true;
        if (t.norm === 'cek' && toks[k + 1]?.norm === 'fakta') debunk[s] = true;
        // "cek dulu di kpu.go.id", "periksa di situs resmi": the sentence asks readers to verify
        if (c & C_VERIFY && officialSourceAfter(toks, k, b)) debunk[s] = true;
        if (c & C_CONDEMN) condemn[s] = true;
        // "tidak punya tempat", "tidak dibenarkan"
        if (c & C_TIDAK && CONDEMN_AFTER.has(toks[k + 1]?.norm ?? '')) condemn[s] = true;
        if (c & C_NEWS) news[s] = true;
      }
      meta[s] = (guidance && topics >= 1) || topics >= 3;
    }
    const quotes = computeQuotes(ctx.text);
    return {
      meta,
      debunk,
      condemn,
      news,
      anyDebunk: debunk.some(Boolean),
      anyCondemn: condemn.some(Boolean),
      quotes,
      quoteCover: spanCover(quotes),
    };
  });
}

/** Whether `[start, end)` lies inside quotation marks. */
export function inQuotes(ctx: RuleContext, start: number, end: number): boolean {
  // a binary search, not a scan of every quote: many quotes and many matches would be quadratic
  return covered(contextOf(ctx).quoteCover, start, end);
}

/**
 * Whether a negator stands up to `window` word tokens before token `first`
 * in the same sentence ("jangan sebarkan", "tidak semua").
 */
export function negatedBefore(ctx: RuleContext, first: number, window = 3): boolean {
  const toks = ctx.tok.tokens;
  const s = (toks[first] as Token).sentence;
  let seen = 0;
  for (let k = first - 1; k >= 0 && seen < window; k--) {
    if (steps.on) steps.n++;
    const t = toks[k] as Token;
    if (t.sentence !== s) break;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    seen++;
    if (isWord(t, NEGATORS)) {
      const after = toks[k + 1];
      if (after && isWord(after, NOT_NEGATING_AFTER)) continue;
      if (isWord(t, TIDAK) && after && isWord(after, TIDAK_FALSE)) continue;
      return true;
    }
  }
  return false;
}

/**
 * Whether a negator stands strictly between tokens `a` and `b` ("Cina bukan penipu").
 * `ignore(k)` may exempt a negator at token `k` (e.g. "bukan" before another group name: "Syiah itu bukan Islam").
 */
export function negatedBetween(ctx: RuleContext, a: number, b: number, ignore?: (k: number) => boolean): boolean {
  const toks = ctx.tok.tokens;
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) {
    if (steps.on) steps.n++;
    const t = toks[k] as Token;
    if (isWord(t, NEGATORS) && !isWord(toks[k + 1], NOT_NEGATING_AFTER) && !(isWord(t, TIDAK) && isWord(toks[k + 1], TIDAK_FALSE)) && !ignore?.(k)) return true;
  }
  return false;
}

/** Which context signals silence a report. */
export interface SuppressOptions {
  /** Negator before the words (default true). */
  negation?: boolean;
  /** Sentence explains the rules (default true). */
  meta?: boolean;
  /** Sentence reports news or a statement (default false). */
  news?: boolean;
  /** Sentence condemns the act (default false). */
  condemn?: boolean;
  /** Sentence debunks a claim (default false). */
  debunk?: boolean;
  /** Negation window in word tokens (default 3). */
  window?: number;
}

/**
 * The one question every rule asks before reporting tokens `first..last`:
 * is this a mention, an explanation, a refusal or a report rather than the act?
 */
export function suppressed(ctx: RuleContext, first: number, last: number, opts: SuppressOptions = {}): boolean {
  const toks = ctx.tok.tokens;
  const t0 = toks[first] as Token;
  const t1 = toks[last] as Token;
  const info = contextOf(ctx);
  const s = t0.sentence;
  if (inQuotes(ctx, t0.start, t1.end)) return true;
  if ((opts.meta ?? true) && info.meta[s]) return true;
  if (opts.news && info.news[s]) return true;
  if (opts.condemn && info.condemn[s]) return true;
  if (opts.debunk && info.debunk[s]) return true;
  if ((opts.negation ?? true) && negatedBefore(ctx, first, opts.window ?? 3)) return true;
  return false;
}

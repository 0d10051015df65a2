/**
 * Tokeniser and word normaliser for Indonesian social-media text.
 *
 * Every token keeps its `[start, end)` range in UTF-16 code units of the
 * original text; normalised forms are only used to compare, never to report
 * (the unified/retext approach), so no finding ever needs to be mapped back.
 * {@link normalizeText} builds a normalised string with an explicit offset
 * map for consumers (such as the learned models) that want one string.
 *
 * Everything here runs in linear time: one pass over the characters, no
 * backtracking regular expressions.
 */
import { steps } from '../steps.js';
import { SLANG } from './slang.js';

/** Kinds of token the tokeniser emits. */
export type TokenKind = 'word' | 'number' | 'emoji' | 'url' | 'email' | 'mention';

/** One token of the original text. */
export interface Token {
  kind: TokenKind;
  /** Start offset (UTF-16) in the original text. */
  start: number;
  /** End offset (exclusive) in the original text. */
  end: number;
  /** The original slice. */
  raw: string;
  /** Lower case, diacritics and compatibility forms folded, separators removed. */
  lower: string;
  /** Standard form used for matching: squeezed, slang mapped, reduplication removed. */
  norm: string;
  /** Leetspeak-decoded standard form, only when it differs from `norm`. */
  leet?: string;
  /** `norm` without a clitic/particle suffix (-nya, -lah, -kah, -ku, -mu, -pun), when one was removed. */
  stem?: string;
  /** Set when the token is part of a hashtag; the value is the whole hashtag's index in `hashtags`. */
  hashtag?: number;
  /** Reduplication written as "orang2" or "orang-orang". */
  redup?: boolean;
  /** Letters were written with separators between them ("a.n.j.i.n.g"). */
  spaced?: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /**
   * The forms shared by every token of this spelling (absent for spaced-out or
   * masked words). Consumers may keep per-spelling results in it with
   * {@link wordMemo}, so repeated words cost one lookup.
   */
  forms?: WordForms;
}

/** A hashtag of the original text. */
export interface Hashtag {
  start: number;
  end: number;
  /** Lower-cased body without '#'. */
  body: string;
}

/** Result of tokenising a text. */
export interface Tokenized {
  text: string;
  tokens: Token[];
  hashtags: Hashtag[];
  /** Sentence ranges `[start, end)` in the original text. */
  sentences: Array<[number, number]>;
}

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** Known words used to split lower-case hashtags ("#dinasrasaliburan"). */
  vocabulary?: ReadonlySet<string>;
}

const LEET: Readonly<Record<string, string>> = { '4': 'a', '3': 'e', '1': 'i', '0': 'o', '5': 's', '7': 't', '@': 'a', $: 's' };

const SUFFIXES = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu'];

const TLDS = new Set(['id', 'com', 'net', 'org', 'info', 'ly', 'me', 'io', 'co', 'gov', 'edu', 'tv', 'xyz', 'site', 'link']);

/**
 * Slang by squeezed spelling ("nggaaak" -> "ngak" -> tidak). A key whose squeezed form is shorter than three letters
 * ("tll" -> "tl", "ttg" -> "tg") maps only as written: squeezed, it would take common abbreviations with it ("TL", the
 * timeline, read as "tolol").
 */
const SQUEEZED_SLANG: ReadonlyMap<string, string> = new Map(
  Object.entries(SLANG).flatMap(([k, v]): Array<[string, string]> => {
    const sq = squeeze(k);
    return sq === k || sq.length >= 3 ? [[sq, v]] : [];
  }),
);
/** The keys left out of {@link SQUEEZED_SLANG}, as written. */
const EXACT_SLANG: ReadonlyMap<string, string> = new Map(Object.entries(SLANG).filter(([k]) => squeeze(k) !== k && squeeze(k).length < 3));

/** The slang reading of a word (its lower-case spelling and that spelling squeezed), or the squeezed spelling. */
function slangOf(lower: string, sq: string): string {
  return SQUEEZED_SLANG.get(sq) ?? EXACT_SLANG.get(lower) ?? sq;
}

/** Collapses every run of one repeated letter to one letter ("bangsaaattt" -> "bangsat"). Digits are kept. */
export function squeeze(s: string): string {
  let k = 1;
  while (k < s.length && s.charCodeAt(k) !== s.charCodeAt(k - 1)) k++;
  if (k >= s.length) return s; // no run: most words
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === prev && !(c >= '0' && c <= '9')) continue;
    out += c;
    prev = c;
  }
  return out;
}

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 0xa0 ||
    c === 11 ||
    c === 12 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    c === 0x202f ||
    c === 0x205f
  );
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
const LETTER_RE = /\p{L}|\p{M}/u;
const PICTO_RE = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** Letters (any script), combining marks. */
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  const cp = text.codePointAt(i) as number;
  return LETTER_RE.test(String.fromCodePoint(cp));
}

function isEmojiCp(cp: number): boolean {
  if (cp < 0x2000) return cp === 0xa9 || cp === 0xae;
  if (cp === 0x200d || cp === 0xfe0f || cp === 0x20e3) return true;
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return true;
  return PICTO_RE.test(String.fromCodePoint(cp));
}

/** Folds case, accents and compatibility forms (full-width, mathematical letters) to plain lower case. */
export function foldCase(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  const lower = s.toLowerCase();
  if (ascii) return lower;
  return lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

function stripSuffix(norm: string): string | undefined {
  if (norm.length < 5) return undefined;
  const last = norm.charCodeAt(norm.length - 1);
  // every suffix ends in a, h, n or u: skip the loop for other words
  if (last !== 97 && last !== 104 && last !== 110 && last !== 117) return undefined;
  for (const suf of SUFFIXES) {
    if (norm.length >= suf.length + 3 && norm.endsWith(suf)) return norm.slice(0, -suf.length);
  }
  return undefined;
}

/**
 * Normalises one word to the form term lists are compared in. Term lists go
 * through the same function, so both sides agree.
 */
export function normalizeWord(word: string): string {
  const lower = foldCase(word);
  return slangOf(lower, squeeze(lower));
}

function leetDecode(lower: string): string | undefined {
  let candidate = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 48 && c <= 55) || c === 64 || c === 36) {
      candidate = true;
      break;
    }
  }
  if (!candidate) return undefined;
  let hasLetter = false;
  let hasLeet = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i] as string;
    if (LEET[c] !== undefined) hasLeet = true;
    else if (c >= 'a' && c <= 'z') hasLetter = true;
  }
  if (!hasLetter || !hasLeet) return undefined;
  // A trailing run of two or more digits is a number suffix ("ke13", "pmk81"), not leetspeak.
  let end = lower.length;
  while (end > 0 && isDigit(lower.charCodeAt(end - 1))) end--;
  if (lower.length - end >= 2) return undefined;
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i] as string;
    out += LEET[c] ?? c;
  }
  return out;
}

/** The normalised forms of one word, a pure function of its original spelling. */
export interface WordForms {
  kind: TokenKind;
  lower: string;
  norm: string;
  leet: string | undefined;
  stem: string | undefined;
  redup: boolean | undefined;
  /**
   * Per-consumer memo (see {@link wordMemo}): owner and value of up to {@link MEMO_SLOTS} consumers, in the object
   * itself so that a consumer's lookup reads no other allocation, and the slot the next new owner takes.
   */
  o0: object | undefined;
  v0: unknown;
  o1: object | undefined;
  v1: unknown;
  o2: object | undefined;
  v2: unknown;
  o3: object | undefined;
  v3: unknown;
  o4: object | undefined;
  v4: unknown;
  o5: object | undefined;
  v5: unknown;
  next: number;
}

/** How many consumers (term indexes, models, KB indexes) may keep a result per spelling. */
const MEMO_SLOTS = 6;

function newForms(kind: TokenKind, lower: string, norm: string, leet: string | undefined, stem: string | undefined, redup: boolean | undefined): WordForms {
  // every field present from the start: one hidden class
  return {
    kind,
    lower,
    norm,
    leet,
    stem,
    redup,
    o0: undefined,
    v0: undefined,
    o1: undefined,
    v1: undefined,
    o2: undefined,
    v2: undefined,
    o3: undefined,
    v3: undefined,
    o4: undefined,
    v4: undefined,
    o5: undefined,
    v5: undefined,
    next: 0,
  };
}

/**
 * A consumer's memoised result for this spelling, computed once per owner
 * (e.g. one term index or one model). The slots are few; a new owner replaces
 * the oldest, so results stay correct when owners change.
 */
export function wordMemo<T>(f: WordForms, owner: object, compute: () => T): T {
  if (f.o0 === owner) return f.v0 as T;
  if (f.o1 === owner) return f.v1 as T;
  if (f.o2 === owner) return f.v2 as T;
  if (f.o3 === owner) return f.v3 as T;
  if (f.o4 === owner) return f.v4 as T;
  if (f.o5 === owner) return f.v5 as T;
  const v = compute();
  // the slot is chosen after compute(), which may itself memoise on these forms
  const at = f.next;
  f.next = at + 1 === MEMO_SLOTS ? 0 : at + 1;
  if (at === 0) {
    f.o0 = owner;
    f.v0 = v;
  } else if (at === 1) {
    f.o1 = owner;
    f.v1 = v;
  } else if (at === 2) {
    f.o2 = owner;
    f.v2 = v;
  } else if (at === 3) {
    f.o3 = owner;
    f.v3 = v;
  } else if (at === 4) {
    f.o4 = owner;
    f.v4 = v;
  } else {
    f.o5 = owner;
    f.v5 = v;
  }
  return v;
}

/**
 * Words repeat (most of a post is common words), so their forms are memoised
 * by original spelling. Bounded: the cache is emptied when it reaches
 * {@link WORD_CACHE_MAX} entries, so memory stays flat on any input.
 */
const WORD_CACHE_MAX = 50_000;
/** Spellings longer than this are not cached (a cache of 50k entries of long hostile words would hold gigabytes). */
const WORD_CACHE_MAX_LEN = 64;
/**
 * The cache is an open-addressing table keyed by the spelling's characters in the text, so a repeated word is found
 * without cutting its string out of the text first (the token then shares the cached string). `cacheKeys` holds per
 * slot a row of {@link ROW} int32: the FNV-1a hash of the spelling, its length (0: empty) and its first
 * {@link PACKED} UTF-16 units two to an int32, so that a probe of a word of up to {@link PACKED} units reads one cache
 * line and no string; `cacheRaw` holds the spellings and `cacheForms` their forms. Linear probing, at most 38% full.
 */
const CACHE_SLOTS = 1 << 17;
const ROW = 8;
const PACKED = 2 * (ROW - 2);
const cacheKeys = new Int32Array(ROW * CACHE_SLOTS);
const cacheForms: Array<WordForms | undefined> = new Array(CACHE_SLOTS).fill(undefined);
const cacheRaw: string[] = new Array(CACHE_SLOTS).fill('');
let cacheSize = 0;

/** FNV-1a over the UTF-16 units of `s[start, end)`. */
function spellingHash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/** Whether slot row `r` holds the spelling `s[start, end)` (its hash and length already equal). */
function sameSpelling(r: number, i: number, s: string, start: number, len: number): boolean {
  if (len <= PACKED) {
    for (let k = 0; k < len; k += 2) {
      const lo = s.charCodeAt(start + k);
      const hi = k + 1 < len ? s.charCodeAt(start + k + 1) : 0;
      if (cacheKeys[r + 2 + (k >> 1)] !== (lo | (hi << 16))) return false;
    }
    return true;
  }
  const raw = cacheRaw[i] as string;
  for (let k = 0; k < len; k++) if (raw.charCodeAt(k) !== s.charCodeAt(start + k)) return false;
  return true;
}

/** The slot of the spelling `s[start, end)` (non-empty, with hash `h`): its entry, or the empty slot where it belongs. */
function cacheSlot(s: string, start: number, end: number, h: number): number {
  const len = end - start;
  let i = h & (CACHE_SLOTS - 1);
  for (;;) {
    const r = ROW * i;
    const l = cacheKeys[r + 1] as number;
    if (l === 0) return i;
    if (l === len && cacheKeys[r] === h && sameSpelling(r, i, s, start, len)) return i;
    i = (i + 1) & (CACHE_SLOTS - 1);
  }
}

/** The cache slot holding the forms and spelling of `s[start, end)` (1 to {@link WORD_CACHE_MAX_LEN} units), filled on a miss. */
function cachedForms(s: string, start: number, end: number): number {
  const h = spellingHash(s, start, end);
  let i = cacheSlot(s, start, end, h);
  if (cacheKeys[ROW * i + 1] !== 0) return i;
  if (cacheSize >= WORD_CACHE_MAX) {
    clearWordCache();
    i = h & (CACHE_SLOTS - 1);
  }
  const len = end - start;
  const raw = start === 0 && end === s.length ? s : s.slice(start, end);
  const r = ROW * i;
  cacheKeys[r] = h;
  cacheKeys[r + 1] = len;
  if (len <= PACKED) for (let k = 0; k < len; k += 2) cacheKeys[r + 2 + (k >> 1)] = raw.charCodeAt(k) | ((k + 1 < len ? raw.charCodeAt(k + 1) : 0) << 16);
  cacheRaw[i] = raw;
  cacheForms[i] = formsOf(raw, false);
  cacheSize++;
  return i;
}

/** @internal Empties the per-spelling cache (tests compare cold and warm tokenisations). */
export function clearWordCache(): void {
  cacheKeys.fill(0);
  cacheForms.fill(undefined);
  cacheRaw.fill('');
  cacheSize = 0;
}

function formsOf(raw: string, spaced: boolean): WordForms {
  if (steps.on) steps.n += raw.length;
  let lower = foldCase(raw);
  if (spaced) lower = lower.replace(/[^\p{L}\p{N}@$]/gu, '');
  let base = lower;
  let redup: boolean | undefined;
  // "orang2": reduplication written with a 2
  if (base.length >= 3 && base.endsWith('2') && !isDigit(base.charCodeAt(base.length - 2))) {
    base = base.slice(0, -1);
    redup = true;
  }
  let allDigits = true;
  for (let k = 0; k < base.length; k++) {
    const d = base.charCodeAt(k);
    if (d < 48 || d > 57) {
      allDigits = false;
      break;
    }
  }
  if (allDigits) return newForms('number', lower, base, undefined, undefined, redup);
  const norm = slangOf(base, squeeze(base));
  let leet: string | undefined;
  const dec = leetDecode(base);
  if (dec !== undefined) {
    const dn = slangOf(dec, squeeze(dec));
    if (dn !== norm) leet = dn;
  }
  return newForms('word', lower, norm, leet, stripSuffix(norm), redup);
}

function finishWord(t: Token): void {
  let f: WordForms | undefined;
  if (t.spaced) f = formsOf(t.raw, true);
  else if (t.raw.length > WORD_CACHE_MAX_LEN || t.raw.length === 0) f = formsOf(t.raw, false);
  else f = cacheForms[cachedForms(t.raw, 0, t.raw.length)] as WordForms;
  setForms(t, f);
}

function setForms(t: Token, f: WordForms): void {
  t.kind = f.kind;
  t.lower = f.lower;
  t.norm = f.norm;
  t.leet = f.leet;
  t.stem = f.stem;
  t.redup = f.redup;
  // a spaced word's forms are its own (not cached), so no shared memo either
  t.forms = t.spaced ? undefined : f;
}

/** A word token of `text[start, end)` with its forms from the per-spelling cache (and the cache's string as `raw`). */
function wordToken(text: string, start: number, end: number, sentence: number): Token {
  if (end - start > WORD_CACHE_MAX_LEN) {
    const t = makeToken(text, 'word', start, end, sentence);
    finishWord(t);
    return t;
  }
  const i = cachedForms(text, start, end);
  const t = makeToken(text, 'word', start, end, sentence, cacheRaw[i] as string);
  setForms(t, cacheForms[i] as WordForms);
  return t;
}

const MASK_FILL = ['a', 'i', 'u', 'e', 'o'];
/** At most this many masked letters are tried (5^n candidates). */
const MAX_MASKED = 3;

/**
 * A word with letters masked by asterisks ("b*ngs*t", "anj*ng"): its forms are
 * computed without the asterisks, and the first filling of the masks with a
 * vowel that is a known word (the checker passes its term vocabulary) becomes
 * the token's decoded form. Without a vocabulary the mask only drops out.
 */
function unmask(t: Token, vocab: ReadonlySet<string> | undefined): void {
  const lower = t.lower;
  const parts = lower.split('*');
  const masks = parts.length - 1;
  const plain = parts.join('');
  let found: string | undefined;
  if (vocab && masks <= MAX_MASKED) {
    const total = MASK_FILL.length ** masks;
    for (let c = 0; c < total && found === undefined; c++) {
      let w = parts[0] as string;
      let code = c;
      for (let k = 1; k < parts.length; k++) {
        w += (MASK_FILL[code % MASK_FILL.length] as string) + (parts[k] as string);
        code = Math.floor(code / MASK_FILL.length);
      }
      const norm = normalizeWord(w);
      if (steps.on) steps.n += w.length;
      if (vocab.has(norm)) found = norm;
    }
    if (found === undefined && vocab.has(normalizeWord(plain))) found = normalizeWord(plain);
  }
  const f = formsOf(plain, false);
  t.forms = undefined; // the forms now differ from those of the spelling
  t.norm = f.norm;
  t.stem = f.stem;
  t.leet = found !== undefined && found !== f.norm ? found : f.leet;
}

const TRAILING_PUNCT = '.,;:!?)';

function isUrlChunk(chunk: string): boolean {
  const l = chunk.toLowerCase();
  if (l.startsWith('http://') || l.startsWith('https://') || l.startsWith('www.')) return true;
  // a bare domain: letters/digits/hyphens separated by dots, last label a known TLD
  const slash = l.indexOf('/');
  if (steps.on) steps.n += l.length;
  // trailing punctuation is not part of the host (a loop: /[.,;:!?)]+$/ backtracks quadratically on long runs)
  let hostEnd = slash >= 0 ? slash : l.length;
  while (hostEnd > 0 && TRAILING_PUNCT.includes(l[hostEnd - 1] as string)) hostEnd--;
  const host = l.slice(0, hostEnd);
  if (host.indexOf('.') <= 0) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  for (const lab of labels) if (!/^[a-z0-9-]+$/.test(lab)) return false;
  return TLDS.has(labels[labels.length - 1] as string) && /[a-z]/.test(labels[0] as string);
}

function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95;
}

/**
 * `local@label.label[...]` plus trailing punctuation, as /^[\w.+-]+@[\w-]+(\.[\w-]+)+[.,;:!?)]*$/ would say, in one
 * pass: that expression backtracks over long runs of dots and labels (quadratic on "a@b.c.c.c...@").
 */
function isEmailChunk(chunk: string, at: number): boolean {
  if (steps.on) steps.n += chunk.length;
  for (let k = 0; k < at; k++) {
    const c = chunk.charCodeAt(k);
    if (!(isWordChar(c) || c === 46 || c === 43 || c === 45)) return false;
  }
  let end = chunk.length;
  while (end > at + 1 && TRAILING_PUNCT.includes(chunk[end - 1] as string)) end--;
  let labels = 0;
  let len = 0;
  for (let k = at + 1; k < end; k++) {
    const c = chunk.charCodeAt(k);
    if (c === 46) {
      if (len === 0) return false;
      labels++;
      len = 0;
    } else if (isWordChar(c) || c === 45) len++;
    else return false;
  }
  return len > 0 && labels >= 1;
}

function segmentHashtag(body: string, vocab: ReadonlySet<string> | undefined): Array<[number, number]> {
  // split at case changes and letter/digit boundaries first: "2019GantiPresiden"
  const parts: Array<[number, number]> = [];
  let s = 0;
  for (let i = 1; i <= body.length; i++) {
    if (i === body.length) {
      parts.push([s, i]);
      break;
    }
    const a = body.charCodeAt(i - 1);
    const b = body.charCodeAt(i);
    const boundary = (isDigit(a) !== isDigit(b) && (isAsciiLetter(a) || isAsciiLetter(b))) || (a >= 97 && a <= 122 && b >= 65 && b <= 90) || b === 95; // underscore
    if (boundary) {
      parts.push([s, i]);
      s = b === 95 ? i + 1 : i;
      if (b === 95) i++;
    }
  }
  if (!vocab || vocab.size === 0) return parts.filter(([a, b]) => b > a);
  const out: Array<[number, number]> = [];
  for (const [ps, pe] of parts) {
    if (pe <= ps) continue;
    const piece = body.slice(ps, pe).toLowerCase();
    if (pe - ps < 6 || vocab.has(piece) || !/^[a-z]+$/.test(piece)) {
      out.push([ps, pe]);
      continue;
    }
    for (const [a, b] of wordBreak(piece, vocab)) out.push([ps + a, ps + b]);
  }
  return out;
}

/** Longest merged run of unknown letters still looked up in the vocabulary (no listed word is this long). */
const MAX_VOCAB_WORD = 64;

/** Dynamic-programming word break: fewest pieces, unknown letters cost more. O(n * 20). */
function wordBreak(s: string, vocab: ReadonlySet<string>): Array<[number, number]> {
  const n = s.length;
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const back = new Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  if (steps.on) steps.n += n * 20;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 20); j < i; j++) {
      const c0 = cost[j] as number;
      if (c0 === Number.POSITIVE_INFINITY) continue;
      const w = s.slice(j, i);
      const c = vocab.has(w) && w.length >= 2 ? c0 + 1 : i - j === 1 ? c0 + 4 : Number.POSITIVE_INFINITY;
      if (c < (cost[i] as number)) {
        cost[i] = c;
        back[i] = j;
      }
    }
  }
  const pieces: Array<[number, number]> = [];
  let i = n;
  while (i > 0) {
    const j = back[i] as number;
    pieces.push([j, i]);
    i = j;
  }
  pieces.reverse();
  // merge runs of unknown single letters back into one piece; a merged run is looked up in the vocabulary only
  // while it could still be a word (re-slicing an ever longer run for every letter was quadratic)
  const merged: Array<[number, number]> = [];
  const unknown = (q: [number, number]) => q[1] - q[0] === 1 && !vocab.has(s.slice(q[0], q[1]));
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (steps.on) steps.n++;
    if (last && unknown(p) && unknown(last)) last[1] = p[1];
    else if (last && unknown(p) && last[1] - last[0] > 1 && (last[1] - last[0] > MAX_VOCAB_WORD || !vocab.has(s.slice(last[0], last[1])))) last[1] = p[1];
    else merged.push([p[0], p[1]]);
  }
  return merged;
}

const SPACED_SEPARATORS = new Set([' ', '.', '-', '_', '*', '|', '/', '•', '+']);

function makeToken(text: string, kind: TokenKind, start: number, end: number, sentence: number, raw?: string): Token {
  // every field present from the start: one hidden class for all tokens keeps the matcher's property reads monomorphic
  return {
    kind,
    start,
    end,
    raw: raw ?? text.slice(start, end),
    lower: '',
    norm: '',
    leet: undefined,
    stem: undefined,
    hashtag: undefined,
    redup: undefined,
    spaced: undefined,
    sentence,
    forms: undefined,
  };
}

/**
 * Splits a text into tokens with their original offsets and normalised forms.
 * Handles case, leetspeak, repeated letters, spaced-out letters, slang,
 * reduplication, hashtags, mentions, links, e-mail addresses and emoji.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Tokenized {
  const tokens: Token[] = [];
  const hashtags: Hashtag[] = [];
  const sentences: Array<[number, number]> = [];
  let sentence = 0;
  let sentenceStart = 0;
  const n = text.length;
  let i = 0;
  const endSentence = (at: number) => {
    if (at > sentenceStart) {
      sentences.push([sentenceStart, at]);
      sentence++;
    }
    sentenceStart = at;
  };
  while (i < n) {
    if (steps.on) steps.n++;
    const c = text.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 9 || c === 13 || c === 0xa0) {
      i++;
      continue;
    }
    if (c === 10) {
      endSentence(i);
      i++;
      sentenceStart = i;
      continue;
    }
    // find the whitespace-delimited chunk for url / email detection (only chunks with '.', ':' or '@' can be one)
    if (i === 0 || isSpaceCode(text.charCodeAt(i - 1))) {
      let j = i;
      let special = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (isSpaceCode(d)) break;
        if (d === 46 || d === 58 || d === 64) special = true;
      }
      if (steps.on) steps.n += j - i;
      if (special && j - i > 3) {
        const chunk = text.slice(i, j);
        if (isUrlChunk(chunk)) {
          let e = j;
          while (e > i && '.,;:!?)'.includes(text[e - 1] as string)) e--;
          const t = makeToken(text, 'url', i, e, sentence);
          t.lower = t.raw.toLowerCase();
          t.norm = t.lower;
          tokens.push(t);
          i = e;
          continue;
        }
        const at = chunk.indexOf('@');
        if (at > 0 && chunk.indexOf('.', at) > at + 1 && isEmailChunk(chunk, at)) {
          let e = j;
          while (e > i && '.,;:!?)'.includes(text[e - 1] as string)) e--;
          const t = makeToken(text, 'email', i, e, sentence);
          t.lower = t.raw.toLowerCase();
          t.norm = t.lower;
          tokens.push(t);
          i = e;
          continue;
        }
      }
    }
    // mention
    if (c === 64 /* @ */ && (i === 0 || !isLetterAt(text, i - 1)) && i + 1 < n && /[A-Za-z0-9_]/.test(text[i + 1] as string)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.]/.test(text[j] as string)) j++;
      while (j > i + 1 && text[j - 1] === '.') j--;
      if (steps.on) steps.n += j - i;
      const t = makeToken(text, 'mention', i, j, sentence);
      t.lower = t.raw.toLowerCase();
      t.norm = t.lower.slice(1);
      tokens.push(t);
      i = j;
      continue;
    }
    // hashtag
    if (c === 35 /* # */ && i + 1 < n && (isLetterAt(text, i + 1) || isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n && (isLetterAt(text, j) || isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
      const body = text.slice(i + 1, j);
      if (steps.on) steps.n += j - i;
      const index = hashtags.length;
      hashtags.push({ start: i, end: j, body: foldCase(body) });
      for (const [a, b] of segmentHashtag(body, options.vocabulary)) {
        const t = makeToken(text, 'word', i + 1 + a, i + 1 + b, sentence);
        t.hashtag = index;
        finishWord(t);
        tokens.push(t);
      }
      i = j;
      continue;
    }
    // word: letters, digits, and leet symbols next to letters
    if (isLetterAt(text, i) || isDigit(c) || ((c === 64 || c === 36) && i + 1 < n && isLetterAt(text, i + 1))) {
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) j++;
        else if (d >= 0xd800 && d <= 0xdbff) {
          if (isLetterAt(text, j)) j += 2;
          else break;
        } else if (isLetterAt(text, j)) j++;
        else if ((d === 64 || d === 36) && ((j > i && isLetterAt(text, j - 1)) || (j + 1 < n && isLetterAt(text, j + 1)))) j++;
        // an asterisk between letters masks a letter ("b*ngs*t"); at a word's edge it is emphasis ("*penting*")
        else if (d === 42 && j > i && isLetterAt(text, j - 1) && j + 1 < n && (isLetterAt(text, j + 1) || text.charCodeAt(j + 1) === 42)) j++;
        else break;
      }
      // a trailing run of asterisks is emphasis, not a mask
      while (j > i + 1 && text.charCodeAt(j - 1) === 42) j--;
      if (steps.on) steps.n += j - i;
      const t = wordToken(text, i, j, sentence);
      if (t.raw.includes('*')) unmask(t, options.vocabulary);
      tokens.push(t);
      i = j;
      continue;
    }
    // emoji sequence
    const cp = text.codePointAt(i) as number;
    if (isEmojiCp(cp) && cp !== 0x200d && cp !== 0xfe0f) {
      let j = i + (cp > 0xffff ? 2 : 1);
      while (j < n) {
        const cp2 = text.codePointAt(j) as number;
        if (cp2 === 0x200d || cp2 === 0xfe0f || cp2 === 0x20e3 || (cp2 >= 0x1f3fb && cp2 <= 0x1f3ff)) j += cp2 > 0xffff ? 2 : 1;
        else if (text.codePointAt(j - 1) === 0x200d && isEmojiCp(cp2)) j += cp2 > 0xffff ? 2 : 1;
        else break;
      }
      if (steps.on) steps.n += j - i;
      const t = makeToken(text, 'emoji', i, j, sentence);
      t.lower = t.raw;
      t.norm = t.raw;
      tokens.push(t);
      i = j;
      continue;
    }
    // sentence punctuation
    if (c === 46 || c === 33 || c === 63) {
      let j = i;
      while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
      if (steps.on) steps.n += j - i;
      // "a.n.j.i.n.g" and "3.5" are not sentence ends: only when followed by space/end
      if (j >= n || isSpaceCode(text.charCodeAt(j))) endSentence(j);
      i = j;
      continue;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  endSentence(n);
  return { text, tokens: mergeSpaced(text, tokens), hashtags, sentences };
}

function isSingle(x: Token | undefined): boolean {
  return x !== undefined && (x.kind === 'word' || x.kind === 'number') && x.end - x.start === 1 && x.hashtag === undefined;
}

/**
 * Merges runs of three or more one-letter tokens separated by one separator ("a n j i n g").
 * Linear: a run that is not merged (too short, or digits only) is passed over in one step. Every run starting
 * inside it shares its separator and its end, so it could not be merged either; only its last token, where
 * the separator changes, may start a new run.
 */
function mergeSpaced(text: string, tokens: Token[]): Token[] {
  // the tokens themselves unless a run is merged (most texts): the copy is made at the first merge
  let out: Token[] | undefined;
  let i = 0;
  while (i < tokens.length) {
    if (steps.on) steps.n++;
    const t = tokens[i] as Token;
    if (!isSingle(t)) {
      out?.push(t);
      i++;
      continue;
    }
    let j = i;
    let sep: string | undefined;
    let word = t.kind === 'word';
    while (j + 1 < tokens.length && isSingle(tokens[j + 1])) {
      const a = tokens[j] as Token;
      const b = tokens[j + 1] as Token;
      if (b.start - a.end !== 1) break;
      const s = text[a.end] as string;
      if (!SPACED_SEPARATORS.has(s) || (sep !== undefined && s !== sep)) break;
      sep = s;
      if (b.kind === 'word') word = true;
      j++;
    }
    if (steps.on) steps.n += j - i;
    if (j - i + 1 >= 3 && word) {
      const m = makeToken(text, 'word', t.start, (tokens[j] as Token).end, t.sentence);
      m.spaced = true;
      finishWord(m);
      out ??= tokens.slice(0, i);
      out.push(m);
      i = j + 1;
    } else {
      // tokens i..j-1 cannot start a merged run; token j (or i, for a run of one) is looked at again
      const next = j > i ? j : i + 1;
      if (out !== undefined) for (let k = i; k < next; k++) out.push(tokens[k] as Token);
      i = next;
    }
  }
  return out ?? tokens;
}

/** A normalised string plus, for each of its UTF-16 units, the original offset it came from. */
export interface NormalizedText {
  /** Normalised tokens joined by single spaces. */
  text: string;
  /** `map[i]` is the original offset of normalised unit `i`; `map[text.length]` is the original length. */
  map: Int32Array;
  tokens: Token[];
}

/**
 * Produces one normalised string (tokens' standard forms joined by spaces)
 * with an offset map back to the original text.
 */
export function normalizeText(text: string, options: TokenizeOptions = {}): NormalizedText {
  const { tokens } = tokenize(text, options);
  let out = '';
  const offsets: number[] = [];
  for (const t of tokens) {
    if (out.length > 0) {
      out += ' ';
      offsets.push(t.start);
    }
    const form = t.leet ?? t.norm;
    for (let k = 0; k < form.length; k++) {
      // proportional position inside the token; exact at token boundaries
      const rel = form.length <= 1 ? 0 : Math.floor((k * (t.end - t.start)) / form.length);
      offsets.push(t.start + rel);
    }
    out += form;
  }
  const map = new Int32Array(offsets.length + 1);
  map.set(offsets);
  map[offsets.length] = text.length;
  return { text: out, map, tokens };
}

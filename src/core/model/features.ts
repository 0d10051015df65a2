/**
 * Feature extraction for the learned text models: hashed word unigrams and
 * bigrams plus hashed character n-grams inside each word, all computed on the
 * core tokenizer's normalised forms (so leetspeak, repeated letters and slang
 * are folded the same way as for the rules).
 *
 * Every feature occurrence remembers the token it came from, so a prediction
 * can be explained by the words that contributed most (with original offsets).
 * Hashing is FNV-1a with a murmur finaliser over UTF-16 code units, computed
 * incrementally: no substring is allocated for character n-grams.
 */
import { COMMON_GIVEN_NAMES, GIVEN_NAMES_ALSO_WORDS, GROUP_NAMES, HONORIFICS, PUBLIC_FIGURE_NAMES } from '../data/identity.js';
import { normalizeWord, type Token } from '../normalize/tokenize.js';
import { steps } from '../steps.js';

/** Placeholder forms of identity masking (see {@link FeatureConfig.identity}). */
export const PERSON = '<person>';
export const GROUP = '<group>';
// the lists as the tokenizer normalises words ("muhammad" is read "muhamad": repeated letters are squeezed)
const IDENTITY = new Map<string, string>([
  ...PUBLIC_FIGURE_NAMES.map((n) => [normalizeWord(n), PERSON] as const),
  ...GROUP_NAMES.map((n) => [normalizeWord(n), GROUP] as const),
]);

const GIVEN = new Set(COMMON_GIVEN_NAMES.map(normalizeWord));
/** Given names that are a person in any case (not also ordinary words). */
const NAME_ANY_CASE = new Set(COMMON_GIVEN_NAMES.filter((n) => !GIVEN_NAMES_ALSO_WORDS.includes(n)).map(normalizeWord));
const ADDRESS = new Set(HONORIFICS.map(normalizeWord));

function capitalised(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word') return false;
  const c = t.raw.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/**
 * The placeholder of a word token that names an identity, when masking is on:
 * a public figure or a group of the identity lists; a common given name
 * (capitalised, or in any case where it is not also an ordinary word); a capitalised word after a form of address ("Mbak Dewi"), and the form
 * of address itself.
 */
export function identityOf(t: Token, prev?: Token, next?: Token): string | undefined {
  if (t.kind !== 'word') return undefined;
  const p = IDENTITY.get(t.norm) ?? (t.leet !== undefined ? IDENTITY.get(t.leet) : undefined);
  if (p !== undefined) return p;
  if (NAME_ANY_CASE.has(t.norm)) return PERSON;
  if (capitalised(t)) {
    if (GIVEN.has(t.norm)) return PERSON;
    if (prev !== undefined && prev.sentence === t.sentence && prev.kind === 'word' && ADDRESS.has(prev.norm)) return PERSON;
  }
  if (ADDRESS.has(t.norm) && next !== undefined && next.sentence === t.sentence && capitalised(next)) return PERSON;
  return undefined;
}

/**
 * Whether {@link identityOf} is undefined for a token whatever its neighbours: not a listed identity, not capitalised
 * and not a form of address. A function of the token's spelling, so the scorer decides it once per spelling.
 */
export function identityFree(t: Token): boolean {
  if (t.kind !== 'word') return true;
  if (IDENTITY.has(t.norm) || (t.leet !== undefined && IDENTITY.has(t.leet)) || NAME_ANY_CASE.has(t.norm)) return false;
  return !capitalised(t) && !ADDRESS.has(t.norm);
}

/** Feature settings, stored in the model header so training and inference agree. */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Smallest and largest character n-gram length inside a word (padded with spaces); 0 disables. */
  charMin: number;
  charMax: number;
  /** Word unigrams (normalised form, plus the stem without -nya/-lah/... when there is one). */
  words: boolean;
  /** Word bigrams within a sentence. */
  bigrams: boolean;
  /**
   * Identity masking (format 3): person names, group names and religions of
   * the identity lists (src/core/data/identity.ts) become one placeholder form
   * each, without character n-grams, so that a name is never evidence by
   * itself while "<group> + hostile word" still is.
   */
  identity?: boolean;
}

/** Default configuration (chosen by the trials recorded in docs/quality.md). */
export const DEFAULT_FEATURES: FeatureConfig = { bits: 16, charMin: 3, charMax: 5, words: true, bigrams: true };

/**
 * Sparse features of one text: parallel arrays of bucket and source token
 * index, and the common value. The arrays are views of buffers that the next
 * extraction overwrites: use them (or copy them) before extracting again.
 */
export interface Features {
  /** Bucket of each occurrence. */
  buckets: Int32Array;
  /** Token index each occurrence came from; a bigram ending at token `i` is stored as `-(i + 1)` and belongs half to `i - 1`, half to `i`. */
  tokens: Int32Array;
  /** Number of occurrences used. */
  length: number;
  /**
   * Each occurrence's value: 1 / sqrt(number of occurrences), the L2 norm the
   * count vector would have without repeated buckets (model format 2; format 1
   * divided by the exact L2 norm of the counts, which needs a distinct-bucket
   * count per text and scored no better).
   */
  unit: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const SEED_WORD = 0x1b873593;
const SEED_STEM = 0x2c1b3c6d;
const SEED_BIGRAM = 0x297a2d39;
const SEED_CHAR = 0x6b43a9b5;

/** The form of a token used as a word feature: normalised words, class names for the rest. */
export function tokenForm(t: Token): string {
  switch (t.kind) {
    case 'word':
      return t.leet ?? t.norm;
    case 'number':
      return '<num>';
    case 'url':
      return '<url>';
    case 'email':
      return '<email>';
    case 'mention':
      return '<mention>';
    default:
      return t.raw;
  }
}

/** Tokens longer than this are cut for character n-grams (bounded work on pathological input). */
export const MAX_WORD = 40;

/** Most buckets {@link formBuckets} writes for one form: the word itself plus every padded character n-gram. */
export function maxFormBuckets(cfg: FeatureConfig): number {
  return 1 + (cfg.charMax > 0 ? (MAX_WORD + 2) * cfg.charMax : 0);
}

/** Char codes of the current form, read once per token (cons strings make repeated charCodeAt slow). */
let codes = new Int32Array(64);

/** A fresh flat copy of the form last hashed by {@link formBuckets} (its first `length` characters). */
export function formCopy(length: number): string {
  return String.fromCharCode.apply(null, Array.from(codes.subarray(0, length)));
}

/** The seedless FNV-1a hash of a token form (the key of bigrams). */
export function formHash(form: string): number {
  return fnv(form, 0);
}

/** Unigram buckets of the identity placeholders: their weights are set to zero after training (a name or group alone is no evidence). */
export function identityBuckets(cfg: FeatureConfig): number[] {
  const mask = (1 << cfg.bits) - 1;
  return [PERSON, GROUP].map((p) => fmix(fnv(p, 0) ^ SEED_WORD) & mask);
}

/**
 * Adds to `out` the buckets of the word bigrams of `tokens` that have an identity placeholder on either side
 * ("orang <group>", "<person> datang"), as {@link extractFeatures} computes them. Training drops these buckets and
 * zeroes their weights, so that neither a name nor a group, alone or with its neighbouring word, is evidence.
 */
export function identityBigramBuckets(tokens: readonly Token[], cfg: FeatureConfig, out: Set<number>): void {
  if (!cfg.bigrams || cfg.identity !== true) return;
  const mask = (1 << cfg.bits) - 1;
  let prevHash = 0;
  let prevId = false;
  let prevSentence = -1;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as Token;
    const id = identityOf(t, tokens[ti - 1], tokens[ti + 1]);
    const h = formHash(id ?? tokenForm(t));
    if (ti > 0 && prevSentence === t.sentence && (prevId || id !== undefined)) out.add(bigramBucket(prevHash, h, mask));
    prevHash = h;
    prevId = id !== undefined;
    prevSentence = t.sentence;
  }
}

/** Bucket of a stem feature. */
export function stemBucket(stem: string, mask: number): number {
  return fmix(fnv(stem, SEED_STEM)) & mask;
}

/** Bucket of the bigram of two forms' hashes ({@link formHash}). */
export function bigramBucket(prevHash: number, hash: number, mask: number): number {
  return fmix(Math.imul(prevHash, 31) ^ hash ^ SEED_BIGRAM) & mask;
}

/**
 * The features that depend on a token's form alone: the word unigram (when
 * `cfg.words`) and, for word tokens, the padded character n-grams. Writes
 * buckets into `out` from `at` and returns the new end. The word's
 * {@link formHash} is left in `formBuckets.hash`.
 */
export function formBuckets(form: string, word: boolean, cfg: FeatureConfig, out: Int32Array, at: number): number {
  const mask = (1 << cfg.bits) - 1;
  const flen = form.length;
  if (codes.length < flen) codes = new Int32Array(flen * 2);
  const cs = codes;
  let wh = (FNV_OFFSET ^ 0) >>> 0;
  for (let i = 0; i < flen; i++) {
    const c = form.charCodeAt(i);
    cs[i] = c;
    wh = Math.imul(wh ^ c, FNV_PRIME);
  }
  wh >>>= 0;
  formBuckets.hash = wh;
  let n = at;
  if (cfg.words) out[n++] = fmix(wh ^ SEED_WORD) & mask;
  const charMax = cfg.charMax;
  if (charMax > 0 && word) {
    const charMin = cfg.charMin;
    const len = Math.min(flen, MAX_WORD) + 2; // padded: ' ' + form + ' '
    for (let s = 0; s < len; s++) {
      let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
      const stop = Math.min(len, s + charMax);
      for (let e = s; e < stop; e++) {
        const c = e === 0 || e === len - 1 ? 32 : (cs[e - 1] as number);
        h = Math.imul(h ^ c, FNV_PRIME);
        const g = e - s + 1;
        if (g < charMin || (g === 1 && c === 32)) continue;
        out[n++] = fmix(h ^ g) & mask;
      }
    }
  }
  if (steps.on) steps.n += flen + (n - at);
  return n;
}
formBuckets.hash = 0;

/** Reusable occurrence arrays. */
const scratch = { buckets: new Int32Array(1024), owners: new Int32Array(1024) };

/**
 * Extracts hashed features from tokens. Linear in the text; the work per word
 * is bounded (at most {@link MAX_WORD} characters feed the n-grams).
 */
export function extractFeatures(tokens: readonly Token[], cfg: FeatureConfig): Features {
  const mask = (1 << cfg.bits) - 1;
  // worst case per token: stem + bigram + the form's buckets
  const need = tokens.length * (2 + maxFormBuckets(cfg));
  if (scratch.buckets.length < need) {
    scratch.buckets = new Int32Array(need);
    scratch.owners = new Int32Array(need);
  }
  const buckets = scratch.buckets;
  const owners = scratch.owners;
  let n = 0;
  let prevHash = 0;
  let prevSentence = -1;
  let havePrev = false;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as Token;
    const id = cfg.identity === true ? identityOf(t, tokens[ti - 1], tokens[ti + 1]) : undefined;
    const word = t.kind === 'word' && id === undefined;
    const start = n;
    n = formBuckets(id ?? tokenForm(t), word, cfg, buckets, n);
    const wh = formBuckets.hash;
    if (cfg.words && word && t.stem !== undefined) buckets[n++] = stemBucket(t.stem, mask);
    owners.fill(ti, start, n);
    if (cfg.bigrams) {
      if (havePrev && prevSentence === t.sentence) {
        buckets[n] = bigramBucket(prevHash, wh, mask);
        owners[n++] = -(ti + 1);
      }
      prevHash = wh;
      prevSentence = t.sentence;
      havePrev = true;
    }
  }
  return { buckets: buckets.subarray(0, n), tokens: owners.subarray(0, n), length: n, unit: n > 0 ? 1 / Math.sqrt(n) : 0 };
}

/** Sums duplicate buckets: the sparse vector (sorted bucket ids, values) used by training. */
export function toSparse(f: Features): { idx: Int32Array; val: Float32Array } {
  const counts = new Map<number, number>();
  for (let i = 0; i < f.length; i++) {
    const b = f.buckets[i] as number;
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const val = new Float32Array(idx.length);
  for (let i = 0; i < idx.length; i++) val[i] = (counts.get(idx[i] as number) as number) * f.unit;
  return { idx, val };
}

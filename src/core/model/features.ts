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
import type { Token } from '../normalize/tokenize.js';

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
}

/** Default configuration (chosen by the trials recorded in docs/quality.md). */
export const DEFAULT_FEATURES: FeatureConfig = { bits: 18, charMin: 3, charMax: 5, words: true, bigrams: true };

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
  /** Each occurrence's value: 1 / L2 norm of the count vector. */
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
const MAX_WORD = 40;

/** Reusable buffers: occurrence arrays and a small open-addressing count table (fits in L1/L2, unlike one slot per bucket). */
const scratch = { buckets: new Int32Array(1024), owners: new Int32Array(1024), keys: new Int32Array(2048), counts: new Int32Array(2048) };

/**
 * Extracts hashed features from tokens. Linear in the text; the work per word
 * is bounded (at most {@link MAX_WORD} characters feed the n-grams).
 */
export function extractFeatures(tokens: readonly Token[], cfg: FeatureConfig): Features {
  const mask = (1 << cfg.bits) - 1;
  // worst case per token: word + stem + bigram + (MAX_WORD + 2) * charMax n-grams
  const need = tokens.length * (3 + (cfg.charMax > 0 ? (MAX_WORD + 2) * cfg.charMax : 0));
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
    const form = tokenForm(t);
    const wh = fnv(form, 0);
    if (cfg.words) {
      buckets[n] = fmix(wh ^ SEED_WORD) & mask;
      owners[n++] = ti;
      if (t.kind === 'word' && t.stem !== undefined) {
        buckets[n] = fmix(fnv(t.stem, SEED_STEM)) & mask;
        owners[n++] = ti;
      }
    }
    if (cfg.bigrams) {
      if (havePrev && prevSentence === t.sentence) {
        buckets[n] = fmix(Math.imul(prevHash, 31) ^ wh ^ SEED_BIGRAM) & mask;
        owners[n++] = -(ti + 1);
      }
      prevHash = wh;
      prevSentence = t.sentence;
      havePrev = true;
    }
    if (cfg.charMax > 0 && t.kind === 'word') {
      const len = Math.min(form.length, MAX_WORD) + 2; // padded: ' ' + form + ' '
      for (let s = 0; s < len; s++) {
        let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
        const stop = Math.min(len, s + cfg.charMax);
        for (let e = s; e < stop; e++) {
          const c = e === 0 || e === len - 1 ? 32 : form.charCodeAt(e - 1);
          h = Math.imul(h ^ c, FNV_PRIME);
          const g = e - s + 1;
          if (g < cfg.charMin || (g === 1 && c === 32)) continue;
          buckets[n] = fmix(h ^ g) & mask;
          owners[n++] = ti;
        }
      }
    }
  }
  return { buckets: buckets.subarray(0, n), tokens: owners.subarray(0, n), length: n, unit: n > 0 ? 1 / Math.sqrt(sumOfSquaredCounts(buckets, n)) : 0 };
}

/** Sum over distinct buckets of count^2 (the squared L2 norm of the count vector), with a small linear-probing table. */
function sumOfSquaredCounts(buckets: Int32Array, n: number): number {
  let size = scratch.keys.length;
  while (size < 2 * n) size *= 2;
  if (scratch.keys.length < size) {
    scratch.keys = new Int32Array(size);
    scratch.counts = new Int32Array(size);
  }
  const keys = scratch.keys;
  const counts = scratch.counts;
  const m = size - 1;
  keys.fill(-1, 0, size);
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const b = buckets[i] as number;
    let j = Math.imul(b, 0x9e3779b1) >>> 0;
    for (;;) {
      j &= m;
      const k = keys[j] as number;
      if (k === b) {
        const c = counts[j] as number;
        sq += 2 * c + 1;
        counts[j] = c + 1;
        break;
      }
      if (k === -1) {
        keys[j] = b;
        counts[j] = 1;
        sq += 1;
        break;
      }
      j++;
    }
  }
  return sq;
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

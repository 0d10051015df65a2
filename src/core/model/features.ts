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
export const DEFAULT_FEATURES: FeatureConfig = { bits: 18, charMin: 2, charMax: 5, words: true, bigrams: true };

/** Sparse features of one text: parallel arrays of bucket, value and source token index. */
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

/** Reusable buffers: occurrence arrays and a generation-stamped count table per bucket count. */
interface Scratch {
  buckets: Int32Array;
  owners: Int32Array;
  stamp: Uint32Array;
  count: Uint32Array;
  gen: number;
}
const scratches = new Map<number, Scratch>();

function scratchFor(bits: number): Scratch {
  let s = scratches.get(bits);
  if (!s) {
    s = { buckets: new Int32Array(1024), owners: new Int32Array(1024), stamp: new Uint32Array(1 << bits), count: new Uint32Array(1 << bits), gen: 0 };
    scratches.set(bits, s);
  }
  return s;
}

/**
 * Extracts hashed features from tokens. Linear in the text; the work per word
 * is bounded (at most {@link MAX_WORD} characters feed the n-grams).
 */
export function extractFeatures(tokens: readonly Token[], cfg: FeatureConfig): Features {
  const mask = (1 << cfg.bits) - 1;
  const sc = scratchFor(cfg.bits);
  sc.gen = (sc.gen + 1) >>> 0;
  if (sc.gen === 0) {
    sc.stamp.fill(0);
    sc.gen = 1;
  }
  const gen = sc.gen;
  let n = 0;
  let sq = 0;
  const push = (h: number, owner: number) => {
    if (n === sc.buckets.length) {
      const nb = new Int32Array(n * 2);
      nb.set(sc.buckets);
      sc.buckets = nb;
      const no = new Int32Array(n * 2);
      no.set(sc.owners);
      sc.owners = no;
    }
    const b = fmix(h) & mask;
    sc.buckets[n] = b;
    sc.owners[n] = owner;
    n++;
    if (sc.stamp[b] !== gen) {
      sc.stamp[b] = gen;
      sc.count[b] = 0;
    }
    const c = sc.count[b] as number;
    sq += 2 * c + 1;
    sc.count[b] = c + 1;
  };
  let prevHash = 0;
  let prevSentence = -1;
  let prevIndex = -1;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as Token;
    const form = tokenForm(t);
    const wh = fnv(form, 0);
    if (cfg.words) {
      push(wh ^ SEED_WORD, ti);
      if (t.kind === 'word' && t.stem !== undefined) push(fnv(t.stem, SEED_STEM), ti);
    }
    if (cfg.bigrams) {
      if (prevIndex >= 0 && prevSentence === t.sentence) push(Math.imul(prevHash, 31) ^ wh ^ SEED_BIGRAM, -(ti + 1));
      prevHash = wh;
      prevSentence = t.sentence;
      prevIndex = ti;
    }
    if (cfg.charMax > 0 && t.kind === 'word') {
      const len = Math.min(form.length, MAX_WORD) + 2; // padded: ' ' + form + ' '
      for (let s = 0; s < len; s++) {
        let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
        for (let e = s; e < len && e - s < cfg.charMax; e++) {
          const c = e === 0 || e === len - 1 ? 32 : form.charCodeAt(e - 1);
          h = Math.imul(h ^ c, FNV_PRIME);
          const g = e - s + 1;
          if (g >= cfg.charMin && !(g === 1 && c === 32)) push(h ^ g, ti);
        }
      }
    }
  }
  return { buckets: sc.buckets.slice(0, n), tokens: sc.owners.slice(0, n), length: n, unit: sq > 0 ? 1 / Math.sqrt(sq) : 0 };
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

/**
 * Inference: the features of a text (src/core/model/features.ts) scored by
 * every head over int8 weights. Each head can also tell how much every token
 * contributed to its score, which is what model findings point at.
 */
import { type Token, tokenize, wordMemo } from '../normalize/tokenize.js';
import {
  bigramBucket,
  type FeatureConfig,
  type Features,
  formBuckets,
  formCopy,
  identityFree,
  identityOf,
  maxFormBuckets,
  stemBucket,
  tokenForm,
} from './features.js';
import { type Model, type ModelHead, packWeights } from './format.js';

/** The score of one head on one text. */
export interface HeadScore {
  head: ModelHead;
  /** Raw linear score. */
  z: number;
  /** Calibrated probability of the label. */
  probability: number;
  /** Whether the probability reaches the head's operating threshold. */
  positive: boolean;
  /**
   * Contribution of each token to `z` (same indices as the tokens), computed
   * for heads at or above their explain threshold (see {@link predictTokens}).
   */
  contributions?: Float64Array;
}

/** Numerically safe logistic function. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Raw score of a head on extracted features (no attribution). */
export function rawScore(head: ModelHead, f: Features): number {
  const w = head.weights;
  let s = 0;
  for (let i = 0; i < f.length; i++) s += w[f.buckets[i] as number] as number;
  return head.bias + s * head.scale * f.unit;
}

/** Calibrated probability from a raw score. */
export function calibrate(head: ModelHead, z: number): number {
  return sigmoid(head.calibration.a * z + head.calibration.b);
}

/** Contribution of each token to a head's raw score (bigram occurrences are split between their two words). */
export function contributionsOf(head: ModelHead, f: Features, tokenCount: number): Float64Array {
  const w = head.weights;
  const k = head.scale * f.unit;
  const out = new Float64Array(tokenCount);
  for (let i = 0; i < f.length; i++) {
    const c = (w[f.buckets[i] as number] as number) * k;
    const o = f.tokens[i] as number;
    if (o >= 0) out[o] += c;
    else {
      out[-o - 1] += c / 2;
      out[-o - 2] += c / 2;
    }
  }
  return out;
}

/** Token forms whose features a scorer remembers at most (then it starts afresh): 32k × (2 + heads) int32, 1.6 MiB for eleven heads. */
const CACHE_ENTRIES = 1 << 15;
/** Spellings whose entries a scorer keeps at most in its slab (then it starts afresh): 64k × (3 + heads) int32, 4.5 MiB for fifteen heads. */
const SLAB_ENTRIES = 1 << 16;
/** Longer forms are not cached. */
const MAX_CACHED_FORM = 64;

/**
 * Scores the heads of a model on token sequences, fast. Per token form it
 * remembers (bounded cache) the number of form-level features (word and
 * character n-grams) and their per-head weight sums, so a text costs a map
 * lookup per token plus its stem and bigram features, instead of hashing
 * every character n-gram and reading its weights. Results are exactly those of {@link extractFeatures} +
 * {@link rawScore} (integer weight sums, the same normalisation). The results live in the scorer until the next {@link score}.
 * Not reentrant (one text at a time, which is how the synchronous checker
 * runs).
 *
 * A token carrying its spelling's shared forms keeps its entry in the forms' memo ({@link wordMemo}): the offset of a
 * row `[state, form hash, feature count, k weight sums]` in the scorer's slab of entries. For the common token, a word no identity mask can touch
 * (state 1), the sums hold its form's features and its stem's together, so it costs one memo lookup and one pass over
 * the heads; a spelling a mask may touch (state 2) keeps its form's features only and goes the general way. Per-token
 * contributions (needed only to explain a finding) are computed on demand by {@link contributions}.
 */
export class Scorer {
  readonly heads: readonly ModelHead[];
  readonly features: FeatureConfig;
  /** Raw score z of each head on the last text. */
  readonly z: Float64Array;
  /** Calibrated probabilities of the last text, computed when first asked for (the judges read raw scores only). */
  private readonly prob: Float64Array;
  /** The {@link serial} {@link prob} was computed for. */
  private probSerial = -1;
  /** Number of tokens of the last text. */
  count = 0;
  /** Incremented by every {@link score}. */
  serial = 0;
  private readonly k: number;
  private readonly mask: number;
  /** Interleaved weights: `packed[bucket * k + h]`. */
  private readonly packed: Int8Array;
  /** Per token and head, twice the integer weight sum of its features (a bigram counts once for each of its two words); filled on demand. */
  private perToken = new Int32Array(256);
  /** Whether {@link perToken} holds the last text's values. */
  private perValid = false;
  /** The tokens of the last text (for {@link contributions}). */
  private lastTokens: readonly Token[] = [];
  private unit = 0;
  private readonly sums: Int32Array;
  private readonly words = new Map<string, number>();
  private readonly others = new Map<string, number>();
  /** Cache entries of 2 + k int32: [form hash, feature count, k weight sums]. */
  private readonly pool: Int32Array;
  private readonly stride: number;
  private used = 0;
  /** Buckets of the form being added to the cache. */
  private readonly buckets: Int32Array;
  /**
   * The per-spelling entries of {@link score}, `[state, form hash, feature count, k weight sums]` each, side by side in
   * one array (the forms' memo holds an entry's offset): a token reads one row of this array, not a typed array
   * object and its separate backing store per spelling.
   */
  private slab: Int32Array;
  private slabUsed = 0;
  /** The owner of the forms' memo slots holding offsets into {@link slab} (a new one when the slab starts afresh). */
  private slabOwner: object = {};

  constructor(model: Pick<Model, 'features' | 'heads'>, heads: readonly ModelHead[] = model.heads) {
    this.heads = heads;
    this.features = model.features;
    this.k = heads.length;
    this.mask = (1 << model.features.bits) - 1;
    this.packed = packWeights(heads, 1 << model.features.bits);
    this.z = new Float64Array(this.k);
    this.prob = new Float64Array(this.k);
    this.sums = new Int32Array(this.k);
    this.stride = 2 + this.k;
    this.pool = new Int32Array((CACHE_ENTRIES + 1) * this.stride); // the last slot: uncached long forms
    this.buckets = new Int32Array(maxFormBuckets(model.features) + 1);
    this.slab = new Int32Array(1024 * (3 + this.k));
  }

  /** Scores the first `count` tokens. */
  score(tokens: readonly Token[], count = tokens.length): void {
    const k = this.k;
    const cfg = this.features;
    const packed = this.packed;
    const mask = this.mask;
    const sums = this.sums;
    sums.fill(0);
    let prevHash = 0;
    let prevSentence = -1;
    let havePrev = false;
    let n = 0;
    const masking = cfg.identity === true;
    for (let ti = 0; ti < count; ti++) {
      const t = tokens[ti] as Token;
      const f = t.forms;
      // where the token's form features are: `src[at]` their hash, `src[at + 1]` their count, then the sums
      let src: Int32Array;
      let at: number;
      let stem = false;
      if (f !== undefined) {
        const e = wordMemo(f, this.slabOwner, this.newEntry);
        const slab = this.slab;
        const state = slab[e] === 0 ? this.fillEntry(t, e, masking) : (slab[e] as number);
        const id = state === 1 ? undefined : masking ? identityOf(t, tokens[ti - 1], tokens[ti + 1]) : undefined;
        if (id === undefined) {
          src = slab;
          at = e + 1;
          // a state-2 word without a mask this time: its stem comes on top, as for any unmasked word
          stem = state === 2 && cfg.words && t.kind === 'word' && t.stem !== undefined;
        } else {
          src = this.pool;
          at = this.entry(id, false);
        }
      } else {
        const id = masking ? identityOf(t, tokens[ti - 1], tokens[ti + 1]) : undefined;
        const word = t.kind === 'word' && id === undefined;
        src = this.pool;
        at = id !== undefined ? this.entry(id, false) : this.entry(tokenForm(t), word);
        stem = cfg.words && word && t.stem !== undefined;
      }
      n += src[at + 1] as number;
      for (let h = 0; h < k; h++) sums[h] += src[at + 2 + h] as number;
      if (stem) {
        const base = stemBucket(t.stem as string, mask) * k;
        n++;
        for (let h = 0; h < k; h++) sums[h] += packed[base + h] as number;
      }
      if (cfg.bigrams) {
        const wh = src[at] as number;
        if (havePrev && prevSentence === t.sentence) {
          const base = bigramBucket(prevHash, wh, mask) * k;
          n++;
          for (let h = 0; h < k; h++) sums[h] += packed[base + h] as number;
        }
        prevHash = wh;
        prevSentence = t.sentence;
        havePrev = true;
      }
    }
    const unit = n > 0 ? 1 / Math.sqrt(n) : 0;
    this.unit = unit;
    this.count = count;
    this.lastTokens = tokens;
    this.perValid = false;
    this.serial++;
    for (let h = 0; h < k; h++) {
      const head = this.heads[h] as ModelHead;
      const z = head.bias + (sums[h] as number) * head.scale * unit;
      this.z[h] = z;
    }
  }

  /** Calibrated probability of each head on the last text. */
  get probability(): Float64Array {
    if (this.probSerial !== this.serial) {
      for (let h = 0; h < this.k; h++) this.prob[h] = calibrate(this.heads[h] as ModelHead, this.z[h] as number);
      this.probSerial = this.serial;
    }
    return this.prob;
  }

  /**
   * Per token and head, twice its integer weight sum, into {@link perToken}: the per-token pass over the last text
   * (feature by feature, no shared entries), run only when a contribution is asked for.
   */
  private fillPerToken(): void {
    const tokens = this.lastTokens;
    const count = this.count;
    const k = this.k;
    const cfg = this.features;
    const packed = this.packed;
    const mask = this.mask;
    if (this.perToken.length < count * k) this.perToken = new Int32Array(count * k * 2);
    const per = this.perToken; // every token's slots are assigned before a bigram adds to them
    let prevHash = 0;
    let prevSentence = -1;
    let havePrev = false;
    const masking = cfg.identity === true;
    for (let ti = 0; ti < count; ti++) {
      const t = tokens[ti] as Token;
      const id = masking ? identityOf(t, tokens[ti - 1], tokens[ti + 1]) : undefined;
      const word = t.kind === 'word' && id === undefined;
      const off = id !== undefined ? this.entry(id, false) : this.entry(tokenForm(t), word);
      const pool = this.pool;
      const at = ti * k;
      for (let h = 0; h < k; h++) per[at + h] = 2 * (pool[off + 2 + h] as number);
      if (cfg.words && word && t.stem !== undefined) {
        const base = stemBucket(t.stem, mask) * k;
        for (let h = 0; h < k; h++) per[at + h] += 2 * (packed[base + h] as number);
      }
      if (cfg.bigrams) {
        const wh = pool[off] as number;
        if (havePrev && prevSentence === t.sentence) {
          const base = bigramBucket(prevHash, wh, mask) * k;
          for (let h = 0; h < k; h++) {
            const w = packed[base + h] as number;
            per[at + h] += w;
            per[at - k + h] += w;
          }
        }
        prevHash = wh;
        prevSentence = t.sentence;
        havePrev = true;
      }
    }
    this.perValid = true;
  }

  /** Contribution of each token of the last text to head `h`'s raw score, written into `out` (length at least {@link count}). */
  contributions(h: number, out: Float64Array = new Float64Array(this.count)): Float64Array {
    if (!this.perValid) this.fillPerToken();
    const k = this.k;
    const c = ((this.heads[h] as ModelHead).scale * this.unit) / 2;
    const per = this.perToken;
    for (let i = 0; i < this.count; i++) out[i] = (per[i * k + h] as number) * c;
    return out;
  }

  /**
   * A fresh per-spelling entry, zeroed, at the returned offset of {@link slab} (a static callback: no closure per token).
   * A full slab (at {@link SLAB_ENTRIES}) starts afresh under a new owner, so the forms' memo slots of the old one are
   * never read again; a text scored meanwhile has already summed the entries it read.
   */
  private readonly newEntry = (): number => {
    const stride = 3 + this.k;
    if (this.slabUsed + stride > this.slab.length) {
      if (this.slab.length < SLAB_ENTRIES * stride) {
        const grown = new Int32Array(this.slab.length * 2);
        grown.set(this.slab);
        this.slab = grown;
      } else {
        this.slabOwner = {};
        this.slabUsed = 0;
      }
    }
    const at = this.slabUsed;
    this.slabUsed = at + stride;
    this.slab.fill(0, at, at + stride);
    return at;
  };

  /**
   * Fills a spelling's entry (at offset `e` of {@link slab}): state 1 when no identity mask can ever apply to it
   * ({@link identityFree}; its form's and its stem's features), else 2 (its form's features only). Returns the state.
   */
  private fillEntry(t: Token, at: number, masking: boolean): number {
    const e = this.slab;
    const plain = !masking || identityFree(t);
    const word = t.kind === 'word';
    const buckets = this.buckets;
    let nb = formBuckets(tokenForm(t), word, this.features, buckets, 0);
    e[at + 1] = formBuckets.hash | 0;
    if (plain && this.features.words && word && t.stem !== undefined) buckets[nb++] = stemBucket(t.stem, this.mask);
    e[at + 2] = nb;
    const packed = this.packed;
    const k = this.k;
    for (let h = 0; h < k; h++) {
      let sum = 0;
      for (let j = 0; j < nb; j++) sum += packed[(buckets[j] as number) * k + h] as number;
      e[at + 3 + h] = sum;
    }
    e[at] = plain ? 1 : 2;
    return e[at] as number;
  }

  /** Offset in the pool of a form's cache entry, computed on a miss. */
  private entry(form: string, word: boolean): number {
    const map = word ? this.words : this.others;
    const hit = map.get(form);
    if (hit !== undefined) return hit;
    // long forms are rare: scored in a scratch slot, not cached
    const cache = form.length <= MAX_CACHED_FORM;
    if (cache && this.used + this.stride > this.pool.length - this.stride) {
      this.words.clear();
      this.others.clear();
      this.used = 0;
    }
    const off = cache ? this.used : this.pool.length - this.stride;
    const pool = this.pool;
    const k = this.k;
    const buckets = this.buckets;
    const nb = formBuckets(form, word, this.features, buckets, 0);
    pool[off] = formBuckets.hash | 0;
    const copy = cache && form.length > 12 ? formCopy(form.length) : form;
    pool[off + 1] = nb;
    const packed = this.packed;
    for (let h = 0; h < k; h++) {
      let s = 0;
      for (let j = 0; j < nb; j++) s += packed[(buckets[j] as number) * k + h] as number;
      pool[off + 2 + h] = s;
    }
    if (!cache) return off;
    this.used = off + this.stride;
    // a copy: a token's form may be a slice of its text, which the cache must not keep alive
    map.set(copy, off);
    return off;
  }
}

const scorers = new WeakMap<Model, Scorer>();

/** The (cached) scorer of all heads of a model. */
export function scorerOf(model: Model): Scorer {
  let s = scorers.get(model);
  if (!s) scorers.set(model, (s = new Scorer(model)));
  return s;
}

/**
 * Scores every head of a model on tokens from the core tokenizer.
 * Per-token contributions are computed only for heads whose probability
 * reaches `explainAt(head)` (their threshold by default): findings are rare,
 * scoring is not.
 */
export function predictTokens(model: Model, tokens: readonly Token[], explainAt: (head: ModelHead) => number = (h) => h.threshold): HeadScore[] {
  const scorer = scorerOf(model);
  scorer.score(tokens);
  return model.heads.map((head, h) => {
    const z = scorer.z[h] as number;
    const probability = scorer.probability[h] as number;
    const score: HeadScore = { head, z, probability, positive: probability >= head.threshold };
    if (probability >= explainAt(head)) score.contributions = scorer.contributions(h);
    return score;
  });
}

/** Scores a raw text (tokenises it first). */
export function predictText(model: Model, text: string): HeadScore[] {
  return predictTokens(model, tokenize(text).tokens, () => 0);
}

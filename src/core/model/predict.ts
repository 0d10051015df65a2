/**
 * Inference: one pass of feature extraction shared by every head, then a dot
 * product per head over int8 weights. Each head also returns how much every
 * token contributed to its score, which is what model findings point at.
 */
import { type Token, tokenize } from '../normalize/tokenize.js';
import { extractFeatures, type Features } from './features.js';
import type { Model, ModelHead } from './format.js';

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

/**
 * Scores every head of a model on tokens from the core tokenizer: one feature
 * extraction and one pass over the features for all heads (interleaved
 * weights). Per-token contributions are computed only for heads whose
 * probability reaches `explainAt(head)` (their threshold by default):
 * findings are rare, scoring is not.
 */
export function predictTokens(model: Model, tokens: readonly Token[], explainAt: (head: ModelHead) => number = (h) => h.threshold): HeadScore[] {
  const f = extractFeatures(tokens, model.features);
  const k = model.heads.length;
  const sums = new Float64Array(k);
  const packed = model.packed;
  if (packed && packed.length === k << model.features.bits) {
    for (let i = 0; i < f.length; i++) {
      const base = (f.buckets[i] as number) * k;
      for (let h = 0; h < k; h++) sums[h] += packed[base + h] as number;
    }
  } else {
    for (let h = 0; h < k; h++) {
      const w = (model.heads[h] as ModelHead).weights;
      let s = 0;
      for (let i = 0; i < f.length; i++) s += w[f.buckets[i] as number] as number;
      sums[h] = s;
    }
  }
  return model.heads.map((head, h) => {
    const z = head.bias + (sums[h] as number) * head.scale * f.unit;
    const probability = calibrate(head, z);
    const score: HeadScore = { head, z, probability, positive: probability >= head.threshold };
    if (probability >= explainAt(head)) score.contributions = contributionsOf(head, f, tokens.length);
    return score;
  });
}

/** Scores a raw text (tokenises it first). */
export function predictText(model: Model, text: string): HeadScore[] {
  return predictTokens(model, tokenize(text).tokens, () => 0);
}

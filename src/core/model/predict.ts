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
  /** Contribution of each token to `z` (same indices as the tokens). */
  contributions: Float64Array;
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

/** Scores every head of a model on tokens from the core tokenizer. */
export function predictTokens(model: Model, tokens: readonly Token[]): HeadScore[] {
  const f = extractFeatures(tokens, model.features);
  return model.heads.map((head) => {
    const w = head.weights;
    const k = head.scale * f.unit;
    const contributions = new Float64Array(tokens.length);
    let s = 0;
    for (let i = 0; i < f.length; i++) {
      const c = (w[f.buckets[i] as number] as number) * k;
      s += c;
      const o = f.tokens[i] as number;
      if (o >= 0) contributions[o] += c;
      else {
        const t = -o - 1;
        contributions[t] += c / 2;
        contributions[t - 1] += c / 2;
      }
    }
    const z = head.bias + s;
    const probability = calibrate(head, z);
    return { head, z, probability, positive: probability >= head.threshold, contributions };
  });
}

/** Scores a raw text (tokenises it first). */
export function predictText(model: Model, text: string): HeadScore[] {
  return predictTokens(model, tokenize(text).tokens);
}

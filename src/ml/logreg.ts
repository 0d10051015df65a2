/**
 * Sparse logistic regression trained with AdaGrad SGD over hashed features,
 * optionally on NB-scaled features (NB-LR, the logistic-regression variant of
 * Wang & Manning's NB-SVM). Deterministic for a seed; single-threaded.
 */
import { mulberry32, shuffle } from './random.js';

/** A sparse row: sorted bucket ids and values. */
export interface SparseRow {
  idx: Int32Array;
  val: Float32Array;
}

/** Training options. */
export interface LogRegOptions {
  dim: number;
  epochs: number;
  /** AdaGrad base learning rate. */
  lr: number;
  /** L2 penalty per update on touched weights. */
  l2: number;
  seed: number;
  /** NB log-count-ratio scaling (Wang & Manning 2012); computed from the training rows when true. */
  nb: boolean;
  /** Weight of positive examples in the loss. */
  posWeight: number;
}

/** Defaults chosen by the trials in docs/quality.md. */
export const DEFAULT_LOGREG: Omit<LogRegOptions, 'dim' | 'seed'> = { epochs: 10, lr: 0.6, l2: 1e-3, nb: true, posWeight: 1 };

/** Effective weights (NB ratios folded in) and bias. */
export interface LinearModel {
  w: Float64Array;
  b: number;
}

/** NB log-count ratios r_j = log((p_j/|p|) / (q_j/|q|)) with add-alpha smoothing. */
export function nbRatios(rows: SparseRow[], y: Uint8Array, ids: ArrayLike<number>, dim: number, alpha = 1): Float64Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k] as number;
    const r = rows[i] as SparseRow;
    const target = y[i] ? p : q;
    for (let j = 0; j < r.idx.length; j++) target[r.idx[j] as number] += r.val[j] as number;
  }
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < dim; j++) {
    sp += p[j] as number;
    sq += q[j] as number;
  }
  const out = new Float64Array(dim);
  for (let j = 0; j < dim; j++) out[j] = Math.log((p[j] as number) / sp / ((q[j] as number) / sq));
  return out;
}

/** Trains one binary classifier on the rows `ids` of `rows` with labels `y` (indexed like rows). */
export function trainLogReg(rows: SparseRow[], y: Uint8Array, ids: ArrayLike<number>, o: LogRegOptions): LinearModel {
  const r = o.nb ? nbRatios(rows, y, ids, o.dim) : undefined;
  const w = new Float64Array(o.dim);
  const g2 = new Float64Array(o.dim);
  let b = 0;
  let gb2 = 0;
  const rand = mulberry32(o.seed);
  const order = Array.from(ids);
  const eps = 1e-8;
  for (let ep = 0; ep < o.epochs; ep++) {
    shuffle(order, rand);
    for (const i of order) {
      const row = rows[i] as SparseRow;
      let z = b;
      for (let j = 0; j < row.idx.length; j++) {
        const f = row.idx[j] as number;
        z += (w[f] as number) * (row.val[j] as number) * (r ? (r[f] as number) : 1);
      }
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const yi = y[i] as number;
      const g = (p - yi) * (yi ? o.posWeight : 1);
      for (let j = 0; j < row.idx.length; j++) {
        const f = row.idx[j] as number;
        const x = (row.val[j] as number) * (r ? (r[f] as number) : 1);
        const grad = g * x + o.l2 * (w[f] as number);
        g2[f] += grad * grad;
        w[f] -= (o.lr * grad) / Math.sqrt((g2[f] as number) + eps);
      }
      gb2 += g * g;
      b -= (o.lr * g) / Math.sqrt(gb2 + eps);
    }
  }
  if (r) for (let j = 0; j < o.dim; j++) w[j] = (w[j] as number) * (r[j] as number);
  return { w, b };
}

/** Quantises weights to int8 with one scale: q = round(w / scale), scale = max|w| / 127. */
export function quantize(w: Float64Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (let j = 0; j < w.length; j++) max = Math.max(max, Math.abs(w[j] as number));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(w.length);
  for (let j = 0; j < w.length; j++) q[j] = Math.max(-127, Math.min(127, Math.round((w[j] as number) / scale)));
  return { q, scale };
}

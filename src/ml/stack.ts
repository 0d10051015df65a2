/**
 * Learned judgement for every content category, and its combination with the
 * rules (stacking).
 *
 * Level 1: one NB-LR text head per content category trained on bijak-posts
 * (the policy's labels), beside the public-data heads (ibrohim-budi-2019,
 * netifier). Level 2, per category: a small logistic regression over the
 * category's head scores and whether a rule of that category fired, trained on
 * out-of-fold level-1 scores (grouped by writer, so the stacker learns how far
 * the heads can be trusted on unseen voices), with a threshold chosen on the
 * same out-of-fold predictions. The stacker decides each category of a post:
 * a rule finding it does not confirm is dropped, a model finding is added
 * where no rule saw the category.
 */
import type { Category } from '../core/index.js';
import { DEFAULT_LOGREG, type LogRegOptions, type SparseRow, trainLogReg } from './logreg.js';

/** Categories judged by the stacker (the account-name rule stays a rule). */
export const STACKED: Category[] = [
  'hoax',
  'partisanship',
  'confidential',
  'personal-data',
  'hate-speech',
  'abusive',
  'harassment',
  'pornography',
  'radicalism',
  'extravagance',
  'defamation',
];

/** Raw score of a linear model on a sparse row. */
export function dot(w: Float64Array, b: number, row: SparseRow): number {
  let s = b;
  for (let j = 0; j < row.idx.length; j++) s += (w[row.idx[j] as number] as number) * (row.val[j] as number);
  return s;
}

/** Trains one head per category on rows `ids`; labels[c][i] is 1 when row i has category c. */
export function trainHeads(
  rows: SparseRow[],
  labels: Record<string, Uint8Array>,
  ids: number[],
  dim: number,
  seed: number,
  o: Partial<Omit<LogRegOptions, 'dim' | 'seed'>> = {},
): Record<string, { w: Float64Array; b: number }> {
  const out: Record<string, { w: Float64Array; b: number }> = {};
  for (const [c, y] of Object.entries(labels)) out[c] = trainLogReg(rows, y, ids, { ...DEFAULT_LOGREG, ...o, dim, seed });
  return out;
}

/** A fitted level-2 model of one category: weights over its inputs, bias and threshold on the probability. */
export interface StackModel {
  w: number[];
  b: number;
  threshold: number;
}

/** Plain logistic regression (batch gradient descent with L2) on a few dense inputs. */
export function fitDense(x: number[][], y: ArrayLike<number>, l2 = 1e-2, iters = 600, lr = 0.5): { w: number[]; b: number } {
  const d = x[0]?.length ?? 0;
  const n = x.length;
  // standardise for stable steps, then fold the scaling back
  const mu = new Array(d).fill(0);
  const sd = new Array(d).fill(0);
  for (const r of x) for (let j = 0; j < d; j++) mu[j] += (r[j] as number) / n;
  for (const r of x) for (let j = 0; j < d; j++) sd[j] += ((r[j] as number) - mu[j]) ** 2 / n;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  const w = new Array(d).fill(0);
  let b = 0;
  for (let it = 0; it < iters; it++) {
    const gw = new Array(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const r = x[i] as number[];
      let z = b;
      for (let j = 0; j < d; j++) z += w[j] * (((r[j] as number) - mu[j]) / sd[j]);
      const p = 1 / (1 + Math.exp(-z));
      const g = p - (y[i] as number);
      for (let j = 0; j < d; j++) gw[j] += (g * ((r[j] as number) - mu[j])) / sd[j];
      gb += g;
    }
    for (let j = 0; j < d; j++) w[j] -= lr * (gw[j] / n + l2 * w[j]);
    b -= lr * (gb / n);
  }
  const wOut = w.map((v, j) => v / sd[j]);
  const bOut = b - w.reduce((a, v, j) => a + (v * mu[j]) / sd[j], 0);
  return { w: wOut, b: bOut };
}

/** Probability of a stack model on inputs. */
export function stackProbability(m: Pick<StackModel, 'w' | 'b'>, x: readonly number[]): number {
  let z = m.b;
  for (let j = 0; j < m.w.length; j++) z += (m.w[j] as number) * (x[j] as number);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The threshold maximising F-beta on (scores, labels); ties go to the higher
 * threshold. Returns the midpoint to the next lower score.
 */
export function chooseThreshold(p: number[], y: ArrayLike<number>, beta = 1): number {
  const order = p.map((_, i) => i).sort((a, b) => (p[b] as number) - (p[a] as number));
  const pos = Array.from(y).reduce((a, v) => a + v, 0);
  let tp = 0;
  let fp = 0;
  let best = -1;
  let bestT = 0.5;
  const b2 = beta * beta;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (y[i]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next !== undefined && p[next] === p[i]) continue;
    const prec = tp / (tp + fp);
    const rec = pos ? tp / pos : 0;
    const f = prec + rec > 0 ? ((1 + b2) * prec * rec) / (b2 * prec + rec) : 0;
    if (f > best) {
      best = f;
      bestT = next !== undefined ? ((p[i] as number) + (p[next] as number)) / 2 : (p[i] as number) / 2;
    }
  }
  return bestT;
}

/**
 * Thresholds for several categories at once: each starts at its F-beta optimum on (p[c], y[c]); while more than
 * `budget` of the clean rows (rows with no label at all) are flagged by any category, the category whose next
 * step up (just far enough to pass one more clean row; a row several categories flag counts 1/their number) costs the least F-beta per
 * clean row saved takes that step. So the false-alarm budget is spent where it buys the most recall, instead of
 * every category leaning to precision by the same rule. Returns one threshold per category (midpoints as in
 * {@link chooseThreshold}).
 */
export function jointThresholds(p: number[][], y: ArrayLike<number>[], clean: ArrayLike<boolean>, budget: number, beta = 1): number[] {
  const n = clean.length;
  let nClean = 0;
  for (let i = 0; i < n; i++) if (clean[i]) nClean++;
  const b2 = beta * beta;
  const cats = p.map((pc, c) => {
    const order = pc.map((_, i) => i).sort((a, b) => (pc[b] as number) - (pc[a] as number));
    const yc = y[c] as ArrayLike<number>;
    let pos = 0;
    for (let i = 0; i < n; i++) pos += yc[i] as number;
    // f[k]: F-beta when the top k rows are flagged; cut positions only between distinct scores
    const f = new Float64Array(n + 1);
    const ok = new Uint8Array(n + 1);
    ok[0] = 1;
    let tp = 0;
    for (let k = 1; k <= n; k++) {
      tp += yc[order[k - 1] as number] as number;
      const prec = tp / k;
      const rec = pos ? tp / pos : 0;
      f[k] = prec + rec > 0 ? ((1 + b2) * prec * rec) / (b2 * prec + rec) : 0;
      ok[k] = k === n || pc[order[k] as number] !== pc[order[k - 1] as number] ? 1 : 0;
    }
    let k = 0;
    for (let j = 1; j <= n; j++) if (ok[j] && f[j] > (f[k] as number)) k = j;
    return { pc, order, f, ok, k };
  });
  const count = new Int32Array(n);
  for (const c of cats) for (let j = 0; j < c.k; j++) count[c.order[j] as number]++;
  let flagged = 0;
  for (let i = 0; i < n; i++) if (clean[i] && count[i]) flagged++;
  const limit = Math.floor(budget * nClean);
  while (flagged > limit) {
    let best = -1;
    let bestK = 0;
    let bestRatio = Infinity;
    cats.forEach((c, ci) => {
      let saved = 0;
      for (let j = c.k - 1; j >= 0; j--) {
        const i = c.order[j] as number;
        // a clean row another category also flags counts in part: it is unflagged once all of them step up
        if (clean[i]) saved += 1 / (count[i] as number);
        if (saved > 0 && c.ok[j]) {
          const ratio = ((c.f[c.k] as number) - (c.f[j] as number)) / saved;
          if (ratio < bestRatio) {
            bestRatio = ratio;
            best = ci;
            bestK = j;
          }
          return;
        }
      }
    });
    if (best < 0) break;
    const c = cats[best] as (typeof cats)[number];
    for (let j = bestK; j < c.k; j++) {
      const i = c.order[j] as number;
      if (--count[i] === 0 && clean[i]) flagged--;
    }
    c.k = bestK;
  }
  return cats.map((c) => {
    if (c.k === 0) return ((c.pc[c.order[0] as number] ?? 0.5) + 1) / 2;
    const last = c.pc[c.order[c.k - 1] as number] as number;
    const next = c.pc[c.order[c.k] as number];
    return next !== undefined ? (last + next) / 2 : last / 2;
  });
}

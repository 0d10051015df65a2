/** Metrics, threshold choice and probability calibration (all on given scores; no data access). */

/** Precision, recall and F-beta of the positive class at a threshold. */
export function prf(scores: ArrayLike<number>, y: ArrayLike<number>, threshold: number, beta = 1): { p: number; r: number; f: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < y.length; i++) {
    const pred = (scores[i] as number) >= threshold;
    if (pred && y[i]) tp++;
    else if (pred) fp++;
    else if (y[i]) fn++;
  }
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  const b2 = beta * beta;
  const f = p + r > 0 ? ((1 + b2) * p * r) / (b2 * p + r) : 0;
  return { p, r, f };
}

/**
 * The threshold maximising F-beta over the given scores (one sort, linear
 * sweep). The threshold is the midpoint between neighbouring distinct scores.
 */
export function bestThreshold(scores: ArrayLike<number>, y: ArrayLike<number>, beta = 1): { threshold: number; f: number } {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i] ? 1 : 0;
  const b2 = beta * beta;
  let tp = 0;
  let best = { threshold: Number.POSITIVE_INFINITY, f: 0 };
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    if (y[i]) tp++;
    const next = order[k + 1];
    const s = scores[i] as number;
    if (next !== undefined && (scores[next] as number) === s) continue;
    const predicted = k + 1;
    const p = tp / predicted;
    const r = pos > 0 ? tp / pos : 0;
    const f = p + r > 0 ? ((1 + b2) * p * r) / (b2 * p + r) : 0;
    if (f > best.f) best = { threshold: next === undefined ? s : (s + (scores[next] as number)) / 2, f };
  }
  return best;
}

/** Platt scaling: fits p = sigmoid(a * z + b) to labels by Newton's method with Platt's smoothed targets. */
export function plattFit(z: ArrayLike<number>, y: ArrayLike<number>): { a: number; b: number } {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i] ? 1 : 0;
  const neg = y.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < y.length; i++) {
      const zi = z[i] as number;
      const t = y[i] ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * zi + b)));
      const d = p - t;
      const w = p * (1 - p);
      ga += d * zi;
      gb += d;
      haa += w * zi * zi;
      hab += w * zi;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

/** Mean and sample standard deviation. */
export function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}

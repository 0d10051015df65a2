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

/**
 * Platt scaling: fits p = sigmoid(a * z + b) to labels with Platt's smoothed
 * targets, by Newton's method with backtracking line search (Lin, Lin & Weng
 * 2007), which stays stable on separable validation data.
 */
export function plattFit(z: ArrayLike<number>, y: ArrayLike<number>): { a: number; b: number } {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i] ? 1 : 0;
  const neg = y.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const loss = (a: number, b: number) => {
    let f = 0;
    for (let i = 0; i < y.length; i++) {
      const t = y[i] ? hi : lo;
      const m = a * (z[i] as number) + b;
      // -[t log p + (1 - t) log(1 - p)] with p = sigmoid(m), written stably
      f += m >= 0 ? (1 - t) * m + Math.log1p(Math.exp(-m)) : -t * m + Math.log1p(Math.exp(m));
    }
    return f;
  };
  let a = 1;
  let b = Math.log((pos + 1) / (neg + 1));
  let f = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < y.length; i++) {
      const zi = z[i] as number;
      const t = y[i] ? hi : lo;
      const m = a * zi + b;
      const p = m >= 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m));
      const d = p - t;
      const w = p * (1 - p);
      ga += d * zi;
      gb += d;
      haa += w * zi * zi;
      hab += w * zi;
      hbb += w;
    }
    if (Math.abs(ga) < 1e-7 && Math.abs(gb) < 1e-7) break;
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    let step = 1;
    let improved = false;
    while (step >= 1e-8) {
      const na = a + step * da;
      const nb = b + step * db;
      const nf = loss(na, nb);
      if (nf < f + 1e-4 * step * (ga * da + gb * db)) {
        a = na;
        b = nb;
        f = nf;
        improved = true;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { a, b };
}

/** Mean and sample standard deviation. */
export function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}

/**
 * Ranking quality of the text heads alone on the cross-writer protocol (no rules, no stacker): for each writer the
 * eleven heads are trained on the other writers (plus NusaX negatives) and score that writer's posts; prints per
 * category the pooled average precision and the best F1 over thresholds (an upper bound, for comparing variants).
 * Run: FEAT='{"bits":18}' LR='{"nb":false}' npx tsx scripts/judge-heads.ts
 */
import { DEFAULT_FEATURES, type FeatureConfig } from '../src/core/model/features.js';
import { loadNusax } from '../src/ml/data.js';
import { DEFAULT_LOGREG, type SparseRow, trainLogReg } from '../src/ml/logreg.js';
import { featurize } from '../src/ml/pipeline.js';
import { dot, STACKED } from '../src/ml/stack.js';
import { loadBijakPosts } from '../src/ml/writers.js';

const env = process.env;
const cfg: FeatureConfig = { ...DEFAULT_FEATURES, identity: true, ...(env.FEAT ? JSON.parse(env.FEAT) : {}) };
const lo = { ...DEFAULT_LOGREG, ...(env.LR ? JSON.parse(env.LR) : {}) };
const cases = loadBijakPosts().filter((c) => c.kind === 'post');
const texts = cases.map((c) => c.text ?? '');
const t0 = Date.now();
const rows = featurize(texts, cfg);
const neg = featurize(
  loadNusax('train')
    .filter((_, k) => k % 3 === 0)
    .map((r) => r.text),
  cfg,
);
const all: SparseRow[] = rows.concat(neg);
const writers = [...new Set(cases.map((c) => c.writer))];
const scores: Record<string, Float64Array> = {};
for (const c of STACKED) scores[c] = new Float64Array(cases.length);
for (const w of writers) {
  const train = cases.flatMap((c, i) => (c.writer !== w ? [i] : []));
  const ids = [...train, ...neg.map((_, k) => rows.length + k)];
  for (const c of STACKED) {
    const y = new Uint8Array(all.length);
    for (const i of train) if (cases[i]!.expect.includes(c)) y[i] = 1;
    const m = trainLogReg(all, y, ids, { ...lo, dim: 1 << cfg.bits, seed: 42 });
    cases.forEach((cc, i) => {
      if (cc.writer === w) scores[c]![i] = dot(m.w, m.b, rows[i]!);
    });
  }
}
let sAP = 0,
  sF = 0;
const out: string[] = [];
for (const c of STACKED) {
  const ord = cases.map((_, i) => i).sort((a, b) => scores[c]![b]! - scores[c]![a]!);
  const P = cases.filter((x) => x.expect.includes(c)).length;
  let tp = 0,
    ap = 0,
    best = 0;
  ord.forEach((i, k) => {
    if (cases[i]!.expect.includes(c)) {
      tp++;
      ap += tp / (k + 1);
    }
    const f = (2 * tp) / (k + 1 + P);
    if (f > best) best = f;
  });
  ap /= P;
  sAP += ap;
  sF += best;
  out.push(`${c.padEnd(13)} AP ${(ap * 100).toFixed(1)} F1* ${(best * 100).toFixed(1)}`);
}
console.log(
  `${env.TAG ?? ''} feat=${JSON.stringify(cfg)} lr=${JSON.stringify(lo)} ${((Date.now() - t0) / 1000).toFixed(0)}s\n${out.join('\n')}\nMEAN AP ${((sAP / STACKED.length) * 100).toFixed(1)} F1* ${((sF / STACKED.length) * 100).toFixed(1)}`,
);

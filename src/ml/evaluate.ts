/**
 * The evaluation protocols of `bijak eval`:
 * - ibrohim-budi-2019, labels HS and Abusive: 5 folds, each 70/10/20
 *   train/dev/test, stratified, fixed seed; binary F1 of the positive class on
 *   test at the threshold that maximised F1 on dev; mean ± sd over folds
 *   (the IndoBERTweet protocol, Koto et al. 2021).
 * - netifier train.csv: one stratified 70/10/20 split; F1 per label on test.
 */
import { DEFAULT_FEATURES, type FeatureConfig } from '../core/model/features.js';
import type { Example } from './data.js';
import { DEFAULT_LOGREG, type LogRegOptions, type SparseRow } from './logreg.js';
import { meanSd } from './metrics.js';
import { featurize, foldSplits, type HeadSpec, labelsOf, testScores, trainHead } from './pipeline.js';

/** Scores of one fold (or of the single netifier split). */
export interface FoldResult {
  devF1: number;
  testF1: number;
  testP: number;
  testR: number;
  /** Test precision and recall at the run-time (precision-leaning) threshold. */
  runP: number;
  runR: number;
}

/** Results of one label. */
export interface LabelResult {
  name: string;
  folds: FoldResult[];
  f1: { mean: number; sd: number };
  devF1: { mean: number; sd: number };
  p: number;
  r: number;
  runP: number;
  runR: number;
}

function summarise(name: string, folds: FoldResult[]): LabelResult {
  const m = (k: keyof FoldResult) => meanSd(folds.map((f) => f[k])).mean;
  return {
    name,
    folds,
    f1: meanSd(folds.map((f) => f.testF1)),
    devF1: meanSd(folds.map((f) => f.devF1)),
    p: m('testP'),
    r: m('testR'),
    runP: m('runP'),
    runR: m('runR'),
  };
}

/** Options of the evaluation. */
export interface EvalOptions {
  seed: number;
  folds?: number;
  features?: FeatureConfig;
  logreg?: Partial<Omit<LogRegOptions, 'dim' | 'seed'>>;
  /** Pre-computed rows for `examples` (reused across labels and trials with the same features). */
  rows?: SparseRow[];
}

/** k-fold cross-validation of one label (the IndoBERTweet protocol with `folds` = 5 and split 70/10/20). `folds` = 1 gives one held-out split. */
export function crossValidate(examples: Example[], spec: HeadSpec, o: EvalOptions): LabelResult {
  const cfg = o.features ?? DEFAULT_FEATURES;
  const rows =
    o.rows ??
    featurize(
      examples.map((e) => e.text),
      cfg,
    );
  const y = labelsOf(examples, spec.label);
  // one held-out split is the first fold of the 5-fold layout (70/10/20)
  const folds = o.folds ?? 5;
  const splits = foldSplits(
    Array.from(y, (v) => String(v)),
    o.seed,
    folds === 1 ? 5 : folds,
  );
  const used = folds === 1 ? splits.slice(0, 1) : splits;
  const lr = { ...DEFAULT_LOGREG, ...o.logreg, seed: o.seed };
  const results = used.map((s) => {
    const t = trainHead(spec, rows, y, s.train, s.dev, cfg, lr);
    const devScores = testScores(t, rows, y, s.dev);
    const test = testScores(t, rows, y, s.test);
    return { devF1: devScores.f1, testF1: test.f1, testP: test.p, testR: test.r, runP: test.runP, runR: test.runR };
  });
  return summarise(spec.name, results);
}

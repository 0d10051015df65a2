/**
 * Training and evaluation pipeline shared by `bijak train` and `bijak eval`:
 * featurise with the core's tokenizer and feature extractor (so training sees
 * exactly what inference sees), split deterministically, train one logistic
 * regression per label, quantise, calibrate and choose thresholds on
 * validation data only.
 */
import { DEFAULT_FEATURES, extractFeatures, type FeatureConfig, toSparse } from '../core/model/features.js';
import { type Model, type ModelHead, serializeModel } from '../core/model/format.js';
import { calibrate } from '../core/model/predict.js';
import { tokenize } from '../core/normalize/tokenize.js';
import type { Category } from '../core/types.js';
import type { Example } from './data.js';
import { DEFAULT_LOGREG, type LogRegOptions, quantize, type SparseRow, trainLogReg } from './logreg.js';
import { bestThreshold, plattFit, prf } from './metrics.js';
import { mulberry32, shuffle } from './random.js';

/** A label of a data set and the policy category it feeds. */
export interface HeadSpec {
  name: string;
  category: Category;
  data: 'ibrohim' | 'netifier';
  label: string;
}

/**
 * Every head the shipped model has. ibrohim's HS label also covers insults
 * aimed at one person ("goblok lu"), which the policy treats as abusive
 * language: at run time the hate-speech model therefore yields to the abusive
 * one (src/core/model/rules.ts), and adds what word lists miss, hostility
 * without a bad word ("mereka pantas diusir dari negeri ini").
 */
export const HEADS: HeadSpec[] = [
  { name: 'hs', category: 'hate-speech', data: 'ibrohim', label: 'hs' },
  { name: 'abusive', category: 'abusive', data: 'ibrohim', label: 'abusive' },
  { name: 'pornografi', category: 'pornography', data: 'netifier', label: 'pornografi' },
  { name: 'sara', category: 'hate-speech', data: 'netifier', label: 'sara' },
  { name: 'radikalisme', category: 'radicalism', data: 'netifier', label: 'radikalisme' },
  { name: 'pencemaran_nama_baik', category: 'defamation', data: 'netifier', label: 'pencemaran_nama_baik' },
];

/**
 * The run-time threshold favours precision: the lowest threshold whose
 * validation precision reaches {@link OPERATING_PRECISION} (keeping recall at
 * least 0.2). A head that cannot reach it is shipped disabled (its threshold
 * is then the one maximising F-beta with this beta, for callers that enable
 * it explicitly).
 */
export const OPERATING_BETA = 0.5;
/** Validation precision the run-time threshold aims for. */
export const OPERATING_PRECISION = 0.95;

/** Chooses the run-time threshold on validation scores (see {@link OPERATING_PRECISION}). */
export function operatingThreshold(p: number[], y: number[]): { threshold: number; reached: boolean } {
  const cands = [...new Set(p)].sort((a, b) => a - b);
  for (let k = 0; k < cands.length; k++) {
    const t = cands[k] as number;
    const m = prf(p, y, t);
    // midway to the next lower score, as for the F1 threshold
    if (m.p >= OPERATING_PRECISION && m.r >= 0.2) return { threshold: k > 0 ? (t + (cands[k - 1] as number)) / 2 : t, reached: true };
  }
  return { threshold: bestThreshold(p, y, OPERATING_BETA).threshold, reached: false };
}

/** Featurises texts exactly as inference does (core tokenizer + core feature extractor). */
export function featurize(texts: string[], cfg: FeatureConfig = DEFAULT_FEATURES): SparseRow[] {
  return texts.map((t) => toSparse(extractFeatures(tokenize(t).tokens, cfg)));
}

/**
 * Assigns each example to one of `parts` parts, stratified by `keys` (equal
 * shares of every key in every part), deterministically for a seed.
 */
export function stratifiedParts(keys: string[], parts: number, seed: number): Int32Array {
  const rand = mulberry32(seed);
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  });
  const out = new Int32Array(keys.length);
  let next = 0;
  for (const k of [...groups.keys()].sort()) {
    const ids = shuffle(groups.get(k) as number[], rand);
    for (const i of ids) {
      out[i] = next;
      next = (next + 1) % parts;
    }
  }
  return out;
}

/** One split: row ids of train, dev (validation) and test. */
export interface Split {
  train: number[];
  dev: number[];
  test: number[];
}

/** The k-fold protocol of IndoBERTweet: 10 stratified parts; fold f tests on parts 2f, 2f+1 (20%), validates on part 2f+2 (10%), trains on the other 70%. */
export function foldSplits(keys: string[], seed: number, folds = 5): Split[] {
  const parts = stratifiedParts(keys, folds * 2, seed);
  const n = folds * 2;
  return Array.from({ length: folds }, (_, f) => {
    const s: Split = { train: [], dev: [], test: [] };
    parts.forEach((p, i) => {
      if (p === 2 * f || p === 2 * f + 1) s.test.push(i);
      else if (p === (2 * f + 2) % n) s.dev.push(i);
      else s.train.push(i);
    });
    return s;
  });
}

/** A trained head with its validation figures. */
export interface TrainedHead {
  head: ModelHead;
  /** Threshold (calibrated probability) maximising F1 on validation: the evaluation protocol's operating point. */
  f1Threshold: number;
  /** Validation scores at the run-time threshold. */
  dev: { p: number; r: number; f1: number; f05: number };
}

/** Trains, quantises and calibrates one head; thresholds come from `devIds` only. */
export function trainHead(
  spec: HeadSpec,
  rows: SparseRow[],
  y: Uint8Array,
  trainIds: number[],
  devIds: number[],
  cfg: FeatureConfig,
  o: Omit<LogRegOptions, 'dim'>,
): TrainedHead {
  const lin = trainLogReg(rows, y, trainIds, { ...o, dim: 1 << cfg.bits });
  const { q, scale } = quantize(lin.w);
  const head: ModelHead = {
    name: spec.name,
    category: spec.category,
    scale,
    bias: lin.b,
    calibration: { a: 1, b: 0 },
    threshold: 0.5,
    enabled: true,
    weights: q,
  };
  const zDev = devIds.map((i) => rawScoreRow(head, rows[i] as SparseRow));
  const yDev = devIds.map((i) => y[i] as number);
  head.calibration = plattFit(zDev, yDev);
  const pDev = zDev.map((z) => calibrate(head, z));
  const op = operatingThreshold(pDev, yDev);
  head.threshold = round6(op.threshold);
  head.enabled = op.reached;
  const f1Threshold = bestThreshold(pDev, yDev, 1).threshold;
  const at = prf(pDev, yDev, head.threshold);
  return { head, f1Threshold, dev: { p: at.p, r: at.r, f1: at.f, f05: prf(pDev, yDev, head.threshold, 0.5).f } };
}

function round6(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 1e6) / 1e6));
}

/** The raw score of a quantised head on a sparse row (equal to the core's `rawScore` on the same text). */
export function rawScoreRow(head: ModelHead, row: SparseRow): number {
  let s = 0;
  for (let j = 0; j < row.idx.length; j++) s += (head.weights[row.idx[j] as number] as number) * (row.val[j] as number);
  return head.bias + s * head.scale;
}

/** Test scores of a trained head at its validation-chosen F1 threshold (and at the run-time threshold). */
export function testScores(t: TrainedHead, rows: SparseRow[], y: Uint8Array, ids: number[]) {
  const p = ids.map((i) => calibrate(t.head, rawScoreRow(t.head, rows[i] as SparseRow)));
  const yy = ids.map((i) => y[i] as number);
  const atF1 = prf(p, yy, t.f1Threshold);
  const atRun = prf(p, yy, t.head.threshold);
  return { f1: atF1.f, p: atF1.p, r: atF1.r, runP: atRun.p, runR: atRun.r, runF1: atRun.f };
}

/** Labels of one head as a byte array aligned with the examples. */
export function labelsOf(examples: Example[], label: string): Uint8Array {
  return Uint8Array.from(examples.map((e) => e.labels[label] ?? 0));
}

/** Options of {@link trainModel}. */
export interface TrainOptions {
  seed: number;
  features?: FeatureConfig;
  logreg?: Partial<Omit<LogRegOptions, 'dim' | 'seed'>>;
  /** Restricts the heads (names); all of {@link HEADS} by default. */
  heads?: HeadSpec[];
  /** Provenance stored in the model header. */
  info?: Record<string, string | number>;
}

/** Result of {@link trainModel}. */
export interface TrainResult {
  bytes: Uint8Array;
  model: Omit<Model, 'version'>;
  heads: TrainedHead[];
  counts: Record<string, { train: number; validation: number; positives: number }>;
}

/**
 * Trains the shipped model: per data set, 90% train and a stratified 10%
 * validation part (calibration and thresholds); every head is trained with the
 * same seed. Deterministic: same data and seed give identical bytes.
 */
export function trainModel(data: Partial<Record<HeadSpec['data'], Example[]>>, o: TrainOptions): TrainResult {
  const cfg = o.features ?? DEFAULT_FEATURES;
  const lr = { ...DEFAULT_LOGREG, ...o.logreg, seed: o.seed };
  const specs = o.heads ?? HEADS;
  const trained: TrainedHead[] = [];
  const counts: TrainResult['counts'] = {};
  for (const set of ['ibrohim', 'netifier'] as const) {
    const ex = data[set];
    const mine = specs.filter((s) => s.data === set);
    if (mine.length === 0) continue;
    if (!ex || ex.length === 0) throw new Error(`no ${set} data for heads ${mine.map((s) => s.name).join(', ')}`);
    const rows = featurize(
      ex.map((e) => e.text),
      cfg,
    );
    const keys = ex.map((e) => mine.map((s) => e.labels[s.label] ?? 0).join(''));
    const parts = stratifiedParts(keys, 10, o.seed);
    const trainIds: number[] = [];
    const devIds: number[] = [];
    parts.forEach((p, i) => {
      (p === 0 ? devIds : trainIds).push(i);
    });
    for (const s of mine) {
      const y = labelsOf(ex, s.label);
      trained.push(trainHead(s, rows, y, trainIds, devIds, cfg, lr));
      counts[s.name] = { train: trainIds.length, validation: devIds.length, positives: y.reduce((a, b) => a + b, 0) };
    }
  }
  const order = new Map(specs.map((s, i) => [s.name, i]));
  trained.sort((a, b) => (order.get(a.head.name) as number) - (order.get(b.head.name) as number));
  const model = { features: cfg, heads: trained.map((t) => t.head), info: { seed: o.seed, ...o.info } };
  return { bytes: serializeModel(model), model, heads: trained, counts };
}

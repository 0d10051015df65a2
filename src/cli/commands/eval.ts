/**
 * `bijak eval`: reproduces the IndoBERTweet protocol on ibrohim-budi-2019
 * (HS and Abusive: 5 folds of 70/10/20, stratified, fixed seed, binary F1 of
 * the positive class on test, mean ± sd) and a held-out 70/10/20 split of
 * netifier for its four labels; prints the table beside the published
 * reference figures and writes it to docs/quality.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { COMMON_GIVEN_NAMES, PUBLIC_FIGURE_NAMES } from '../../core/data/identity.js';
import { createChecker, DEFAULT_POLICY } from '../../core/index.js';
import { DEFAULT_FEATURES, type FeatureConfig } from '../../core/model/features.js';
import { parseModel } from '../../core/model/index.js';
import { modelRules } from '../../core/model/rules.js';
import { intOption, parseArgs, UsageError } from '../../ml/args.js';
import { DEFAULT_IBROHIM, DEFAULT_NETIFIER, type Example, loadIbrohim, loadNetifier, loadNusax } from '../../ml/data.js';
import { crossValidate, type LabelResult } from '../../ml/evaluate.js';
import { heaviestWords, vocabularyOf } from '../../ml/heaviest.js';
import { crossWriterPredictions, JUDGE_DEFAULTS, judgeModel, judgeOptions, trainJudge } from '../../ml/judge.js';
import { type JudgeDataOptions, type LoadedJudgeData, loadJudgeData } from '../../ml/judge-data.js';
import { DEFAULT_LOGREG, type LogRegOptions, type SparseRow } from '../../ml/logreg.js';
import { featurize, HEADS, stratifiedParts } from '../../ml/pipeline.js';
import { foldLine, REFERENCE_HS, replaceBlock, resultTable } from '../../ml/report.js';
import { aggregate, DEFAULT_BIJAK_POSTS, inputOf, loadBijakPosts, predicted, writerTable } from '../../ml/writers.js';
import type { CliIO, Command } from '../main.js';

const HELP = `Pemakaian / usage: bijak eval [opsi]

Mengukur model teks dengan protokol IndoBERTweet (5 lipatan 70/10/20) dan data netifier.
Evaluates the text model with the IndoBERTweet protocol (5 folds of 70/10/20) and on netifier.

  --ibrohim FILE   re_dataset.csv (default ${DEFAULT_IBROHIM})
  --netifier FILE  netifier train.csv (default ${DEFAULT_NETIFIER})
  --seed N         random seed of splits and training (default 42)
  --folds N        folds for ibrohim, 2..10 (default 5)
  --trials         also compare model families on HS and Abusive (slower, a few minutes)
  --writers        the cross-writer protocol on bijak-posts instead: for each writer, train the judge on
                   the others (plus the public samples) and check that writer with the real checker
                   (rules + that fold's model); per-category P/R/F1 and benign false alarms (about 10 minutes)
  --real           the shipped checker (rules + model, run-time thresholds) on real posts it was not trained on:
                   every ibrohim-budi-2019 tweet (HS -> hate-speech or abusive, Abusive -> abusive) and every netifier post
  --features       the heaviest words of each head of the shipped model; exit 1 when a person's name is among them
  --posts DIR      bijak-posts (default ${DEFAULT_BIJAK_POSTS})
  --doc FILE       markdown file to update (default docs/quality.md)
  --meta FILE      model metadata to update (default models/bijak-text.model.json, when present)
  --no-write       print only
  --help
`;

interface Trial {
  name: string;
  features: FeatureConfig;
  logreg: Partial<Omit<LogRegOptions, 'dim' | 'seed'>>;
}

const W: FeatureConfig = { ...DEFAULT_FEATURES, charMin: 0, charMax: 0 };
const C: FeatureConfig = { ...DEFAULT_FEATURES, charMin: 2, words: false, bigrams: false };
/** Model families compared (same folds, dev-chosen F1 thresholds); 6 epochs unless said. The last one is the shipped configuration (best mean dev F1 over HS and Abusive). */
const C25: FeatureConfig = { ...DEFAULT_FEATURES, charMin: 2 };
const TRIALS: Trial[] = [
  { name: 'word 1-2-grams, logistic regression', features: W, logreg: { nb: false, lr: 0.3, l2: 1e-5, epochs: 6 } },
  { name: 'word 1-2-grams, NB-LR', features: W, logreg: { nb: true, lr: 0.3, l2: 1e-5, epochs: 6 } },
  { name: 'char 2-5-grams only, NB-LR', features: C, logreg: { nb: true, lr: 0.3, l2: 1e-5, epochs: 6 } },
  { name: 'char 2-5 + word 1-2, logistic regression', features: C25, logreg: { nb: false, lr: 0.6, l2: 1e-4, epochs: 6 } },
  { name: 'char 2-5 + word 1-2, NB-LR, lr 0.3, L2 1e-5', features: C25, logreg: { nb: true, lr: 0.3, l2: 1e-5, epochs: 6 } },
  { name: 'char 2-5 + word 1-2, NB-LR, lr 0.6, L2 3e-4, 6 epochs', features: C25, logreg: { l2: 3e-4, epochs: 6 } },
  { name: 'char 3-5 + word 1-2, NB-LR, lr 0.6, L2 3e-4, 6 epochs', features: DEFAULT_FEATURES, logreg: { l2: 3e-4, epochs: 6 } },
  { name: 'char 3-5 + word 1-2, NB-LR, lr 0.6, L2 1e-3, 10 epochs, 2^18 buckets', features: { ...DEFAULT_FEATURES, bits: 18 }, logreg: {} },
  { name: `char 3-5 + word 1-2, NB-LR, lr 0.6, L2 1e-3, 10 epochs, 2^${DEFAULT_FEATURES.bits} buckets (shipped)`, features: DEFAULT_FEATURES, logreg: {} },
];

const pct = (x: number) => (x * 100).toFixed(1);

export const command: Command = {
  summary: { id: 'ukur mutu model teks (protokol IndoBERTweet)', en: 'evaluate the text model (IndoBERTweet protocol)' },
  async run(args: string[], io: CliIO): Promise<number> {
    let opts: Record<string, string | true>;
    let seed: number;
    let folds: number;
    try {
      opts = parseArgs(
        args,
        ['ibrohim', 'netifier', 'seed', 'folds', 'doc', 'meta', 'posts', 'model'],
        ['help', 'trials', 'no-write', 'writers', 'features', 'real'],
      );
      if (opts.help) {
        io.stdout.write(HELP);
        return 0;
      }
      seed = intOption(opts.seed, 'seed', 42, 0, 2 ** 31 - 1);
      folds = intOption(opts.folds, 'folds', 5, 2, 10);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.stderr.write(`bijak eval: ${e.message}\n\n${HELP}`);
      return 2;
    }
    if (opts.features) return heaviest(opts, io);
    if (opts.real) return real(opts, seed, io);
    if (opts.writers) return writers(opts, seed, io);
    const ibrohimPath = String(opts.ibrohim ?? DEFAULT_IBROHIM);
    const netifierPath = String(opts.netifier ?? DEFAULT_NETIFIER);
    let ibrohim: Example[];
    let netifier: Example[];
    try {
      ibrohim = loadIbrohim(ibrohimPath);
      netifier = loadNetifier(netifierPath);
    } catch (e) {
      io.stderr.write(`bijak eval: tidak dapat membaca data / cannot read data: ${(e as Error).message}\n`);
      return 1;
    }
    const t0 = Date.now();
    const log = (s: string) => io.stderr.write(`${s}\n`);
    const rowsI = featurize(ibrohim.map((e) => e.text));
    const rowsN = featurize(netifier.map((e) => e.text));
    const spec = (name: string) => HEADS.find((h) => h.name === name) as (typeof HEADS)[number];
    const results: Array<{ data: string; label: string; category: string; protocol: string; r: LabelResult; reference: string }> = [];
    for (const [name, label] of [
      ['hs', 'HS'],
      ['abusive', 'Abusive'],
    ] as const) {
      const r = crossValidate(ibrohim, spec(name), { seed, folds, rows: rowsI });
      log(`${label}: F1 ${pct(r.f1.mean)} ± ${pct(r.f1.sd)} (${foldLine(r)})`);
      results.push({
        data: 'ibrohim-budi-2019',
        label,
        category: spec(name).category,
        protocol: `${folds} folds × 70/10/20`,
        r,
        reference: name === 'hs' ? `mBERT ${REFERENCE_HS.mBERT}, IndoBERT ${REFERENCE_HS.IndoBERT}, IndoBERTweet ${REFERENCE_HS.IndoBERTweet}` : '—',
      });
    }
    for (const name of ['pornografi', 'sara', 'radikalisme', 'pencemaran_nama_baik']) {
      const r = crossValidate(netifier, spec(name), { seed, folds: 1, rows: rowsN });
      log(`${name}: F1 ${pct(r.f1.mean)}`);
      results.push({ data: 'netifier', label: name, category: spec(name).category, protocol: 'held-out 70/10/20', r, reference: '—' });
    }
    const table = resultTable(results);
    const secs = ((Date.now() - t0) / 1000).toFixed(0);
    const evalBody = [
      `Command: \`npx tsx src/cli/main.ts eval --seed ${seed}\` (${secs} s on this machine). Per-fold F1: HS ${foldLine(results[0]!.r)}; Abusive ${foldLine(results[1]!.r)}.`,
      '',
      table,
    ].join('\n');
    io.stdout.write(`${table}\n`);
    let trialsBody: string | undefined;
    if (opts.trials) {
      const cache = new Map<string, SparseRow[]>([[JSON.stringify(DEFAULT_FEATURES), rowsI]]);
      const lines = ['| model family | HS dev F1 | HS test F1 (mean ± sd) | Abusive dev F1 | Abusive test F1 (mean ± sd) |', '|---|---|---|---|---|'];
      for (const t of TRIALS) {
        const key = JSON.stringify(t.features);
        let rows = cache.get(key);
        if (!rows) {
          rows = featurize(
            ibrohim.map((e) => e.text),
            t.features,
          );
          cache.set(key, rows);
        }
        const lr = { ...DEFAULT_LOGREG, ...t.logreg };
        const hs = crossValidate(ibrohim, spec('hs'), { seed, folds, rows, features: t.features, logreg: lr });
        const ab = crossValidate(ibrohim, spec('abusive'), { seed, folds, rows, features: t.features, logreg: lr });
        const line = `| ${t.name} | ${pct(hs.devF1.mean)} | ${pct(hs.f1.mean)} ± ${pct(hs.f1.sd)} | ${pct(ab.devF1.mean)} | ${pct(ab.f1.mean)} ± ${pct(ab.f1.sd)} |`;
        log(line);
        lines.push(line);
      }
      trialsBody = [
        `Command: \`npx tsx src/cli/main.ts eval --trials --seed ${seed}\`; same ${folds} folds as below, thresholds chosen on dev.`,
        '',
        ...lines,
      ].join('\n');
      io.stdout.write(`\n${lines.join('\n')}\n`);
    }
    if (!opts['no-write']) {
      const docPath = String(opts.doc ?? 'docs/quality.md');
      let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Quality\n';
      doc = replaceBlock(doc, 'bijak-eval', evalBody);
      if (trialsBody) doc = replaceBlock(doc, 'bijak-trials', trialsBody);
      writeFileSync(docPath, doc);
      const metaPath = String(opts.meta ?? 'models/bijak-text.model.json');
      if (existsSync(metaPath)) {
        const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
        meta.evaluation = {
          command: `bijak eval --seed ${seed}`,
          date: new Date().toISOString().slice(0, 10),
          note: 'F1 of the positive class on test parts, threshold chosen on dev; same features and training as the shipped model',
          results: results.map((x) => ({
            data: x.data,
            label: x.label,
            protocol: x.protocol,
            f1Mean: round(x.r.f1.mean),
            f1Sd: round(x.r.f1.sd),
            precision: round(x.r.p),
            recall: round(x.r.r),
            runtimePrecision: round(x.r.runP),
            runtimeRecall: round(x.r.runR),
          })),
          reference: { label: 'HS', source: 'Koto et al. 2021 (IndoBERTweet), F1 ×100', ...REFERENCE_HS },
        };
        writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
      }
      io.stderr.write(`wrote ${docPath}${existsSync(metaPath) ? ` and ${metaPath}` : ''}\n`);
    }
    return 0;
  },
};

/** `--writers`: the cross-writer protocol (src/ml/writers.ts, src/ml/judge.ts). */
async function writers(opts: Record<string, string | true>, seed: number, io: CliIO): Promise<number> {
  const t0 = Date.now();
  let loaded: LoadedJudgeData;
  try {
    loaded = loadJudgeData(dataPaths(opts));
  } catch (e) {
    io.stderr.write(`bijak eval: tidak dapat membaca data / cannot read data: ${(e as Error).message}\n`);
    return 1;
  }
  const { data, bijakPosts: n } = loaded;
  const cases = data.cases.slice(0, n);
  const rules = createChecker(DEFAULT_POLICY);
  const before = aggregate(
    cases,
    cases.map((c) => predicted(rules.check(inputOf(c)))),
  );
  const preds = crossWriterPredictions(data, judgeOptions(seed), (s) => io.stderr.write(`${s}\n`));
  const after = aggregate(cases, preds.slice(0, n));
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  const J = JUDGE_DEFAULTS;
  const learned = [
    "the other writers' posts",
    J.projectCases ? "the project's own posts (tests/core, training only)" : '',
    'NusaX sentences as negatives',
    J.pubHeads ? 'the pub heads trained on ibrohim-budi-2019 and netifier' : '',
  ].filter(Boolean);
  const body = [
    `Command: \`npx tsx src/cli/main.ts eval --writers --seed ${seed}\` (${secs} s on this machine). For each of the ${after.perWriter.length} writers: the judge is trained on ${learned.join(', ')} (none of which that writer wrote), and the real checker (rules + that fold's model) checks the writer's posts and accounts. P, R and F1 are means over writers (a category counts for a writer where it occurs there); macro-F1 is the mean over the 12 categories.`,
    '',
    '**Rules and learned judge (cross-writer):**',
    '',
    writerTable(after),
    '',
    '**Rules alone (no model), same cases:**',
    '',
    writerTable(before),
  ].join('\n');
  io.stdout.write(`${body}\n`);
  if (!opts['no-write']) writeDocBlock(opts, 'bijak-writers', body, io);
  return 0;
}

/** Data paths given on the command line (defaults: ../shared). */
function dataPaths(opts: Record<string, string | true>): JudgeDataOptions {
  const s = (k: string) => (opts[k] === undefined ? undefined : String(opts[k]));
  return { posts: s('posts'), ibrohim: s('ibrohim'), netifier: s('netifier') };
}

function writeDocBlock(opts: Record<string, string | true>, block: string, body: string, io: CliIO): void {
  const docPath = String(opts.doc ?? 'docs/quality.md');
  let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Quality\n';
  doc = replaceBlock(doc, block, body);
  writeFileSync(docPath, doc);
  io.stderr.write(`wrote ${docPath}\n`);
}

/**
 * `--real`: held-out real posts with the run-time decisions. A stratified fifth of ibrohim-budi-2019 and of
 * netifier is held out; the judge is trained as shipped (bijak-posts, project posts, NusaX, and the pub heads on
 * the other four fifths of the public sets), and the whole checker (rules + judge) checks the held-out posts.
 */
async function real(opts: Record<string, string | true>, seed: number, io: CliIO): Promise<number> {
  const t0 = Date.now();
  const parts: Partial<Record<'ibrohim' | 'netifier', Int32Array>> = {};
  const keyOf = (e: Example) =>
    Object.keys(e.labels)
      .sort()
      .map((k) => e.labels[k])
      .join('');
  let loaded: LoadedJudgeData;
  try {
    const ib = loadIbrohim(String(opts.ibrohim ?? DEFAULT_IBROHIM));
    const ne = loadNetifier(String(opts.netifier ?? DEFAULT_NETIFIER));
    parts.ibrohim = stratifiedParts(ib.map(keyOf), 5, seed);
    parts.netifier = stratifiedParts(ne.map(keyOf), 5, seed);
    loaded = loadJudgeData({ ...dataPaths(opts), pubPart: (d, k) => (parts[d] as Int32Array)[k] !== 0 });
  } catch (e) {
    io.stderr.write(`bijak eval: tidak dapat membaca data / cannot read data: ${(e as Error).message}\n`);
    return 1;
  }
  const judge = trainJudge(
    loaded.data,
    loaded.data.cases.map((_, i) => i),
    judgeOptions(seed),
  );
  const checker = createChecker(DEFAULT_POLICY, { extraRules: modelRules(judgeModel(judge, JUDGE_DEFAULTS.features)) });
  const ib = loaded.ibrohim.filter((_, k) => parts.ibrohim?.[k] === 0);
  const ne = loaded.netifier.filter((_, k) => parts.netifier?.[k] === 0);
  const lines = ['| data | label | predicted as | P | R | F1 | flagged among negatives |', '|---|---|---|---|---|---|---|'];
  const measure = (data: string, ex: Example[], label: string, cats: string[]) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let neg = 0;
    ex.forEach((e, i) => {
      const found = preds[data]?.[i] as Set<string>;
      const h = cats.some((c) => found.has(c));
      const y = e.labels[label] === 1;
      if (!y) neg++;
      if (h && y) tp++;
      else if (h) fp++;
      else if (y) fn++;
    });
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
    lines.push(`| ${data} | ${label} | ${cats.join(' or ')} | ${pct(p)} | ${pct(r)} | ${pct(f)} | ${pct(fp / Math.max(1, neg))}% |`);
  };
  const run = (ex: Example[]) =>
    ex.map(
      (e) =>
        new Set(
          checker
            .check({ text: e.text })
            .filter((f) => f.severity !== 'info')
            .map((f) => f.category as string),
        ),
    );
  const preds: Record<string, Array<Set<string>>> = { 'ibrohim-budi-2019': run(ib), netifier: run(ne) };
  measure('ibrohim-budi-2019', ib, 'hs', ['hate-speech', 'abusive']);
  measure('ibrohim-budi-2019', ib, 'hs_group', ['hate-speech']);
  measure('ibrohim-budi-2019', ib, 'abusive', ['abusive']);
  measure('netifier', ne, 'pornografi', ['pornography']);
  measure('netifier', ne, 'sara', ['hate-speech']);
  measure('netifier', ne, 'radikalisme', ['radicalism']);
  measure('netifier', ne, 'pencemaran_nama_baik', ['defamation', 'abusive']);
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  const body = [
    `\`npx tsx src/cli/main.ts eval --real --seed ${seed}\` (${secs} s): the whole checker (rules + the judge, run-time decisions) on a held-out stratified fifth of each public set (${ib.length} ibrohim tweets, ${ne.length} netifier posts). The judge is trained as shipped${JUDGE_DEFAULTS.pubHeads ? ', its pub heads on the other four fifths only' : ' (no public data)'}. HS counts as found when the checker reports hate-speech or abusive, since ibrohim’s HS includes insults aimed at one person; netifier's pencemaran_nama_baik when it reports defamation or abusive.`,
    '',
    ...lines,
  ].join('\n');
  io.stdout.write(`${body}\n`);
  if (!opts['no-write']) writeDocBlock(opts, 'bijak-real', body, io);
  return 0;
}

/** `--features`: heaviest words per head of the shipped model; fails when a name is among them. */
async function heaviest(opts: Record<string, string | true>, io: CliIO): Promise<number> {
  const path = String(opts.model ?? 'models/bijak-text.model');
  const model = parseModel(new Uint8Array(readFileSync(path)));
  let texts: string[] = [];
  try {
    texts = loadBijakPosts(String(opts.posts ?? DEFAULT_BIJAK_POSTS)).map((c) => [c.text, c.displayName, c.bio].filter(Boolean).join(' '));
    texts.push(...loadNusax('train').map((r) => r.text));
  } catch (e) {
    io.stderr.write(`bijak eval: tidak dapat membaca data / cannot read data: ${(e as Error).message}\n`);
    return 1;
  }
  const names = new Set([...PUBLIC_FIGURE_NAMES, ...COMMON_GIVEN_NAMES]);
  const vocab = vocabularyOf(texts);
  for (const n of names) vocab.add(n);
  const top = heaviestWords(model, vocab, 20);
  let bad = 0;
  for (const [head, list] of Object.entries(top)) {
    const named = list.filter((x) => names.has(x.word));
    bad += named.length;
    io.stdout.write(`${head}: ${list.map((x) => `${x.word} ${x.weight.toFixed(2)}`).join(', ')}\n`);
    if (named.length)
      io.stdout.write(`  ✗ nama orang di antara fitur terberat / a person's name among the heaviest features: ${named.map((x) => x.word).join(', ')}\n`);
  }
  return bad > 0 ? 1 : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

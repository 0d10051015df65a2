/**
 * `bijak train`: trains the shipped text model, the learned judge: a text head
 * per content category and a per-category stacker over head, rule and
 * context, from bijak-posts (the policy's labels), samples of
 * ibrohim-budi-2019 and netifier (real language) and NusaX sentences (regional
 * languages, as negatives). Writes models/bijak-text.model plus its metadata.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FORMAT_VERSION, serializeModel } from '../../core/model/format.js';
import { intOption, parseArgs, UsageError } from '../../ml/args.js';
import { DEFAULT_IBROHIM, DEFAULT_NETIFIER, DEFAULT_NUSAX } from '../../ml/data.js';
import { JUDGE_DEFAULTS, judgeModel, judgeOptions, PUB_HEADS, trainJudge } from '../../ml/judge.js';
import { type LoadedJudgeData, loadJudgeData } from '../../ml/judge-data.js';
import { DEFAULT_LOGREG } from '../../ml/logreg.js';
import { DEFAULT_BIJAK_POSTS } from '../../ml/writers.js';
import type { CliIO, Command } from '../main.js';

const HELP = `Pemakaian / usage: bijak train [opsi]

Melatih model teks (penilai per kategori) dari data berlabel.
Trains the text model (a judge per category) from labelled data.

  --posts DIR      bijak-posts (default ${DEFAULT_BIJAK_POSTS})
  --ibrohim FILE   re_dataset.csv (default ${DEFAULT_IBROHIM})
  --netifier FILE  netifier train.csv (default ${DEFAULT_NETIFIER})
  --nusax DIR      NusaX-Senti (default ${DEFAULT_NUSAX})
  --out FILE       model file (default models/bijak-text.model; metadata beside it as .json)
  --seed N         random seed (default 42); same data and seed give identical bytes
  --date YYYY-MM-DD  date recorded in the metadata (default today)
  --help
`;

export const command: Command = {
  summary: { id: 'latih model teks dari data berlabel', en: 'train the text model from labelled data' },
  async run(args: string[], io: CliIO): Promise<number> {
    let opts: Record<string, string | true>;
    let seed: number;
    try {
      opts = parseArgs(args, ['posts', 'ibrohim', 'netifier', 'nusax', 'out', 'seed', 'date'], ['help']);
      if (opts.help) {
        io.stdout.write(HELP);
        return 0;
      }
      seed = intOption(opts.seed, 'seed', 42, 0, 2 ** 31 - 1);
      if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(opts.date))) throw new UsageError('--date must be YYYY-MM-DD');
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.stderr.write(`bijak train: ${e.message}\n\n${HELP}`);
      return 2;
    }
    const out = String(opts.out ?? 'models/bijak-text.model');
    const t0 = Date.now();
    const J = JUDGE_DEFAULTS;
    let loaded: LoadedJudgeData;
    try {
      loaded = loadJudgeData({
        posts: opts.posts === undefined ? undefined : String(opts.posts),
        ibrohim: opts.ibrohim === undefined ? undefined : String(opts.ibrohim),
        netifier: opts.netifier === undefined ? undefined : String(opts.netifier),
        nusax: opts.nusax === undefined ? undefined : String(opts.nusax),
      });
      io.stderr.write(`data: ${JSON.stringify(loaded.counts)}\n`);
    } catch (e) {
      io.stderr.write(`bijak train: tidak dapat membaca data / cannot read data: ${(e as Error).message}\n`);
      return 1;
    }
    const { data, counts } = loaded;
    const judge = trainJudge(
      data,
      data.cases.map((_, i) => i),
      judgeOptions(seed),
    );
    const nc = counts.ibrohim > 0 || counts.netifier > 0;
    const licence = nc ? 'CC BY-NC-SA 4.0' : 'CC BY-SA 4.0';
    const info = {
      data: [
        'bijak-posts',
        counts.projectPosts ? 'project posts' : '',
        'NusaX-Senti train (sample, negatives)',
        nc ? 'ibrohim-budi-2019 and netifier (pub heads)' : '',
      ]
        .filter(Boolean)
        .join('; '),
      licence,
      seed,
    };
    const bytes = serializeModel(judgeModel(judge, J.features, info));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    const sources = [
      { name: 'bijak-posts', rows: counts.bijakPosts, licence: 'CC BY 4.0', use: 'every content category (the policy’s labels), all twelve writers' },
      ...(counts.projectPosts
        ? [
            {
              name: 'Bijak project posts (tests/core/cases.jsonl, holdout.jsonl, holdout2.jsonl)',
              rows: counts.projectPosts,
              licence: 'Apache-2.0 (this repository)',
              use: 'every content category (written beside the rules: training only, never a measure of the judge)',
            },
          ]
        : []),
      {
        name: 'NusaX-Senti',
        split: 'train',
        rows: counts.nusax,
        sample: `every ${J.nusaxEvery}th sentence`,
        licence: 'CC BY-SA 4.0',
        use: 'negatives for every category (regional languages)',
        citation: 'Winata et al. 2022, NusaX: Multilingual Parallel Sentiment Dataset for 10 Indonesian Local Languages',
      },
      ...(nc
        ? [
            {
              name: 'ibrohim-budi-2019',
              rows: counts.ibrohim,
              licence: 'CC BY-NC-SA 4.0',
              use: `heads ${PUB_HEADS.filter((h) => h.data === 'ibrohim')
                .map((h) => h.name)
                .join(', ')} (real tweets), the stackers' pub input`,
              citation: 'Ibrohim and Budi 2019, Multi-label Hate Speech and Abusive Language Detection in Indonesian Twitter',
            },
            {
              name: 'netifier',
              rows: counts.netifier,
              licence: 'CC BY-NC-SA 4.0 (as listed by the SEACrowd catalogue)',
              use: `heads ${PUB_HEADS.filter((h) => h.data === 'netifier')
                .map((h) => h.name)
                .join(', ')} (real comments), the stackers' pub input`,
            },
          ]
        : []),
    ];
    const meta = {
      name: 'bijak-text',
      file: out.split('/').pop(),
      format: `BIJAKTXT v${FORMAT_VERSION} (see src/core/model/format.ts)`,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      date: String(opts.date ?? new Date().toISOString().slice(0, 10)),
      seed,
      licence: `${licence} (derived from the training data below, share-alike${nc ? ', non-commercial' : ''}; the code of Bijak is Apache-2.0)`,
      data: sources,
      features: J.features,
      training: {
        judgeHeads: { ...DEFAULT_LOGREG, ...J.logreg },
        pubHeads: DEFAULT_LOGREG,
        method:
          'per category: logistic regression over hashed n-grams (int8 weights); pub heads: NB-scaled logistic regression on the public data alone; stacker: logistic regression over [head score, rule finding, context shares, pub heads], fitted on out-of-fold head scores over writer groups',
        identity: 'person names and group names are one placeholder each whose own weight is zero (src/core/data/identity.ts)',
        threshold:
          J.faBudget !== undefined
            ? `stacker thresholds chosen jointly on the out-of-fold scores: F${J.beta} per category within ${J.faBudget * 100}% flagged clean posts`
            : `stacker threshold maximising F${J.beta} on the out-of-fold scores`,
        groups: J.groups,
      },
      heads: judge.heads.map((h) => ({ name: h.name, category: h.category })),
      stack: judge.stack,
      evaluation: 'run `bijak eval --writers` (cross-writer protocol) and `bijak eval` (public data); figures in docs/quality.md',
    };
    writeFileSync(`${out}.json`, `${JSON.stringify(meta, null, 2)}\n`);
    io.stdout.write(`wrote ${out} (${bytes.length} bytes) and ${out}.json in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    for (const s of judge.stack)
      io.stdout.write(`  ${s.category.padEnd(14)} w ${s.w.map((x) => x.toFixed(2)).join(' ')}  b ${s.b.toFixed(2)}  threshold ${s.threshold.toFixed(3)}\n`);
    return 0;
  },
};

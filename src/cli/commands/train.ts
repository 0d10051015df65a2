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
import { DEFAULT_IBROHIM, DEFAULT_NETIFIER, DEFAULT_NUSAX, loadIbrohim, loadNetifier, loadNusax } from '../../ml/data.js';
import { JUDGE_DEFAULTS, judgeModel, prepareJudgeData, trainJudge } from '../../ml/judge.js';
import { DEFAULT_LOGREG } from '../../ml/logreg.js';
import { DEFAULT_BIJAK_POSTS, loadBijakPosts } from '../../ml/writers.js';
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
    let data: ReturnType<typeof prepareJudgeData>;
    let counts: Record<string, number>;
    try {
      const cases = loadBijakPosts(String(opts.posts ?? DEFAULT_BIJAK_POSTS));
      const ibrohim = loadIbrohim(String(opts.ibrohim ?? DEFAULT_IBROHIM)).filter((_, k) => J.ibrohimEvery > 0 && k % J.ibrohimEvery === 0);
      const netifier = loadNetifier(String(opts.netifier ?? DEFAULT_NETIFIER)).filter((_, k) => J.netifierEvery > 0 && k % J.netifierEvery === 0);
      const nusax = loadNusax('train', String(opts.nusax ?? DEFAULT_NUSAX)).filter((_, k) => k % J.nusaxEvery === 0);
      counts = { bijakPosts: cases.length, ibrohim: ibrohim.length, netifier: netifier.length, nusax: nusax.length };
      io.stderr.write(`data: ${JSON.stringify(counts)}\n`);
      data = prepareJudgeData(cases, { features: J.features, ibrohim, netifier, negatives: nusax.map((r) => r.text) });
    } catch (e) {
      io.stderr.write(`bijak train: tidak dapat membaca data / cannot read data: ${(e as Error).message}\n`);
      return 1;
    }
    const judge = trainJudge(
      data,
      data.cases.map((_, i) => i),
      { seed, features: J.features, beta: J.beta, groups: J.groups, repeat: J.repeat },
    );
    const info = { data: 'bijak-posts; NusaX-Senti train (sample, negatives)', licence: 'CC BY-SA 4.0', seed };
    const bytes = serializeModel(judgeModel(judge, J.features, info));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    const meta = {
      name: 'bijak-text',
      file: out.split('/').pop(),
      format: `BIJAKTXT v${FORMAT_VERSION} (see src/core/model/format.ts)`,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      date: String(opts.date ?? new Date().toISOString().slice(0, 10)),
      seed,
      licence:
        'CC BY-SA 4.0 (derived from the training data below: bijak-posts CC BY 4.0 and NusaX-Senti CC BY-SA 4.0, share-alike; the code of Bijak is Apache-2.0)',
      data: [
        { name: 'bijak-posts', rows: counts.bijakPosts, licence: 'CC BY 4.0', use: 'every content category (the policy’s labels), all twelve writers' },
        {
          name: 'NusaX-Senti',
          split: 'train',
          rows: counts.nusax,
          sample: `every ${J.nusaxEvery}th sentence`,
          licence: 'CC BY-SA 4.0',
          use: 'negatives for every category (regional languages)',
          citation: 'Winata et al. 2022, NusaX: Multilingual Parallel Sentiment Dataset for 10 Indonesian Local Languages',
        },
      ],
      features: J.features,
      training: {
        ...DEFAULT_LOGREG,
        method:
          'per category: NB-scaled logistic regression over hashed n-grams (int8 weights); stacker: logistic regression over [head score, rule finding, context shares], fitted on out-of-fold head scores over writer groups',
        identity: 'person names and group names are one placeholder each whose own weight is zero (src/core/data/identity.ts)',
        threshold: `stacker threshold maximising F${J.beta} on the out-of-fold scores`,
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

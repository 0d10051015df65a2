/**
 * `bijak train`: trains the learned text model from the labelled CSVs and
 * writes models/bijak-text.model plus its metadata (.json).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_FEATURES } from '../../core/model/features.js';
import { FORMAT_VERSION } from '../../core/model/format.js';
import { intOption, parseArgs, UsageError } from '../../ml/args.js';
import { DEFAULT_IBROHIM, DEFAULT_NETIFIER, loadIbrohim, loadNetifier } from '../../ml/data.js';
import { DEFAULT_LOGREG } from '../../ml/logreg.js';
import { HEADS, OPERATING_BETA, OPERATING_PRECISION, trainModel } from '../../ml/pipeline.js';
import type { CliIO, Command } from '../main.js';

const HELP = `Pemakaian / usage: bijak train [opsi]

Melatih model teks (regresi logistik atas n-gram ter-hash) dari data berlabel.
Trains the text model (logistic regression over hashed n-grams) from labelled data.

  --ibrohim FILE   re_dataset.csv (default ${DEFAULT_IBROHIM})
  --netifier FILE  netifier train.csv (default ${DEFAULT_NETIFIER})
  --out FILE       model file (default models/bijak-text.model; metadata beside it as .json)
  --seed N         random seed (default 42); same data and seed give identical bytes
  --bits N         log2 of hash buckets, 12..22 (default ${DEFAULT_FEATURES.bits})
  --date YYYY-MM-DD  date recorded in the metadata (default today)
  --help
`;

export const command: Command = {
  summary: { id: 'latih model teks dari data berlabel', en: 'train the text model from labelled data' },
  async run(args: string[], io: CliIO): Promise<number> {
    let opts: Record<string, string | true>;
    let seed: number;
    let bits: number;
    try {
      opts = parseArgs(args, ['ibrohim', 'netifier', 'out', 'seed', 'bits', 'date'], ['help']);
      if (opts.help) {
        io.stdout.write(HELP);
        return 0;
      }
      seed = intOption(opts.seed, 'seed', 42, 0, 2 ** 31 - 1);
      bits = intOption(opts.bits, 'bits', DEFAULT_FEATURES.bits, 12, 22);
      if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(opts.date))) throw new UsageError('--date must be YYYY-MM-DD');
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.stderr.write(`bijak train: ${e.message}\n\n${HELP}`);
      return 2;
    }
    const ibrohimPath = String(opts.ibrohim ?? DEFAULT_IBROHIM);
    const netifierPath = String(opts.netifier ?? DEFAULT_NETIFIER);
    const out = String(opts.out ?? 'models/bijak-text.model');
    const t0 = Date.now();
    let ibrohim: ReturnType<typeof loadIbrohim>;
    let netifier: ReturnType<typeof loadNetifier>;
    try {
      ibrohim = loadIbrohim(ibrohimPath);
      netifier = loadNetifier(netifierPath);
    } catch (e) {
      io.stderr.write(`bijak train: tidak dapat membaca data / cannot read data: ${(e as Error).message}\n`);
      return 1;
    }
    io.stderr.write(`data: ${ibrohim.length} tweets (${ibrohimPath}), ${netifier.length} posts (${netifierPath})\n`);
    const features = { ...DEFAULT_FEATURES, bits };
    const result = trainModel(
      { ibrohim, netifier },
      { seed, features, info: { data: 'ibrohim-budi-2019 re_dataset.csv; netifier train.csv', licence: 'CC BY-NC-SA 4.0' } },
    );
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.bytes);
    const meta = {
      name: 'bijak-text',
      file: out.split('/').pop(),
      format: `BIJAKTXT v${FORMAT_VERSION} (see src/core/model/format.ts)`,
      bytes: result.bytes.length,
      sha256: createHash('sha256').update(result.bytes).digest('hex'),
      date: String(opts.date ?? new Date().toISOString().slice(0, 10)),
      seed,
      licence: 'CC BY-NC-SA 4.0 (derived from the training data below; the code of Bijak is Apache-2.0)',
      data: [
        {
          name: 'ibrohim-budi-2019',
          file: 're_dataset.csv',
          rows: ibrohim.length,
          licence: 'CC BY-NC-SA 4.0',
          citation:
            'M. O. Ibrohim and I. Budi. Multi-label Hate Speech and Abusive Language Detection in Indonesian Twitter. ALW3 2019, ACL Anthology W19-3506.',
        },
        { name: 'netifier', file: 'train.csv', rows: netifier.length, licence: 'CC BY-NC-SA 4.0 (SEACrowd catalogue)', source: 'ahmadizzan/netifier' },
      ],
      features,
      training: {
        ...DEFAULT_LOGREG,
        method: DEFAULT_LOGREG.nb ? 'NB-scaled logistic regression (AdaGrad SGD), int8 weights' : 'logistic regression (AdaGrad SGD), int8 weights',
        split: '90% train / 10% stratified validation per data set (calibration and thresholds on validation only)',
        operatingThreshold: `lowest threshold with validation precision >= ${OPERATING_PRECISION} (and recall >= 0.2), else max F${OPERATING_BETA} (precision-leaning)`,
      },
      heads: result.heads.map((t) => ({
        name: t.head.name,
        category: t.head.category,
        source: HEADS.find((h) => h.name === t.head.name)?.data,
        threshold: t.head.threshold,
        enabled: t.head.enabled,
        calibration: t.head.calibration,
        counts: result.counts[t.head.name],
        validation: { precision: round(t.dev.p), recall: round(t.dev.r), f1: round(t.dev.f1) },
      })),
      evaluation: 'run `bijak eval` (writes the cross-validated figures here and in docs/quality.md)',
    };
    writeFileSync(`${out}.json`, `${JSON.stringify(meta, null, 2)}\n`);
    io.stdout.write(`wrote ${out} (${result.bytes.length} bytes) and ${out}.json in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    for (const h of meta.heads)
      io.stdout.write(
        `  ${h.name.padEnd(22)} ${h.category.padEnd(12)} threshold ${h.threshold.toFixed(3)}${h.enabled ? '' : ' (disabled)'}  validation P ${h.validation.precision} R ${h.validation.recall} F1 ${h.validation.f1}\n`,
      );
    return 0;
  },
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

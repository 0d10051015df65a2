/**
 * Checker throughput benchmark (issue 2): the full pipeline (tokeniser, all
 * rules, learned models as wired in src/host/checker.ts) on the tweets of
 * ../shared/datasets/ibrohim-budi-2019/re_dataset.csv repeated to at least
 * 100,000 texts, side by side in the same run with obscenity's RegExpMatcher
 * (englishDataset + englishRecommendedTransformers) on the same texts.
 *
 * Prints both rates, the ratio and our p50/p99 per post. Targets: ratio >= 2,
 * p99 < 2 ms. Run: npm run bench:check (compiled with tsc: esbuild-based runners add per-closure overhead that distorts the figures)   (BENCH_TEXTS=N to change the count)
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { DEFAULT_POLICY } from '../src/core/index.js';
import { getChecker } from '../src/host/checker.js';
import { sharedPath } from '../src/host/shared.js';

const file = sharedPath('datasets', 'ibrohim-budi-2019', 're_dataset.csv');
if (!file) {
  console.error('bench: ../shared is absent (set BIJAK_SHARED); the benchmark needs re_dataset.csv');
  process.exit(2);
}
const raw = readFileSync(file);
// the file is not clean UTF-8 everywhere: decode as UTF-8 and fall back to latin1 when replacement characters appear
let csv = raw.toString('utf8');
if (csv.includes('\uFFFD')) csv = raw.toString('latin1');
const rows = parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true }) as Array<{ Tweet: string }>;
const tweets = rows.map((r) => r.Tweet).filter((t) => typeof t === 'string' && t.length > 0);
const target = Number(process.env.BENCH_TEXTS ?? 100_000);
const texts: string[] = [];
while (texts.length < target) texts.push(...tweets);
texts.length = Math.max(target, tweets.length);

const checker = getChecker(DEFAULT_POLICY);
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

// warm-up both (JIT)
for (let i = 0; i < 5000; i++) {
  checker.check({ text: texts[i] as string });
  matcher.getAllMatches(texts[i] as string);
}

function runObscenity(): number {
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (const t of texts) n += matcher.getAllMatches(t).length;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (n < 0) console.log(n);
  return s;
}

function runBijak(): { seconds: number; lat: Float64Array; findings: number } {
  const lat = new Float64Array(texts.length);
  let findings = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    const a = process.hrtime.bigint();
    findings += checker.check({ text: texts[i] as string }).length;
    lat[i] = Number(process.hrtime.bigint() - a) / 1e6;
  }
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, lat, findings };
}

const obs = runObscenity();
const ours = runBijak();
const sorted = Float64Array.from(ours.lat).sort();
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
const rateOurs = texts.length / ours.seconds;
const rateObs = texts.length / obs;
const ratio = rateOurs / rateObs;
const p99 = pct(0.99);
console.log(`texts: ${texts.length} (${tweets.length} distinct tweets of re_dataset.csv, repeated)`);
console.log(
  `bijak full pipeline : ${rateOurs.toFixed(0).padStart(8)} texts/s  (${ours.seconds.toFixed(2)} s, ${ours.findings} findings, ${checker.rules.length} rules)`,
);
console.log(`obscenity RegExpMatcher: ${rateObs.toFixed(0).padStart(5)} texts/s  (${obs.toFixed(2)} s)`);
console.log(`ratio bijak/obscenity: ${ratio.toFixed(2)}x  (target >= 2)  ${ratio >= 2 ? 'OK' : 'BELOW TARGET'}`);
console.log(
  `bijak per post: p50 ${pct(0.5).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${(sorted[sorted.length - 1] as number).toFixed(3)} ms  (target p99 < 2 ms)  ${p99 < 2 ? 'OK' : 'BELOW TARGET'}`,
);

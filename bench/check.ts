import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { createChecker, DEFAULT_POLICY } from '../src/core/index.js';
import { getChecker } from '../src/host/checker.js';
import { benchTweets } from './tweets.js';

const tweets = benchTweets();
if (!tweets) {
  console.error('bench: ../shared is absent (set BIJAK_SHARED); the benchmark needs re_dataset.csv');
  process.exit(2);
}
const target = Number(process.env.BENCH_TEXTS ?? 100_000);
const texts: string[] = [];
while (texts.length < target) texts.push(...tweets);
texts.length = Math.max(target, tweets.length);

const checker = getChecker(DEFAULT_POLICY);
// the same rules without the learned model, for the rules-only figure
const rulesOnly = createChecker(DEFAULT_POLICY);
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

// warm-up, the same for every matcher: one pass over the distinct tweets (JIT, and the per-spelling caches
// that a long-running checker has filled), so the timed runs measure the steady state
for (const t of tweets) {
  checker.check({ text: t });
  rulesOnly.check({ text: t });
  matcher.getAllMatches(t);
}

function runObscenity(): number {
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (const t of texts) n += matcher.getAllMatches(t).length;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (n < 0) console.log(n);
  return s;
}

/** Throughput run: the same plain loop as for obscenity, no per-call timers. */
function runBijak(c: typeof checker): { seconds: number; findings: number } {
  let findings = 0;
  const t0 = process.hrtime.bigint();
  for (const t of texts) findings += c.check({ text: t }).length;
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, findings };
}

/** Latency run, separate so that the timers do not weigh on the throughput figure. */
function latencies(c: typeof checker): Float64Array {
  const lat = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const a = process.hrtime.bigint();
    c.check({ text: texts[i] as string });
    lat[i] = Number(process.hrtime.bigint() - a) / 1e6;
  }
  return lat;
}

const obs = runObscenity();
const ours = runBijak(checker);
const rules = runBijak(rulesOnly);
const pct = (lat: Float64Array, p: number) => {
  const sorted = Float64Array.from(lat).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
};
const rateObs = texts.length / obs;
console.log(`texts: ${texts.length} (${tweets.length} distinct tweets of re_dataset.csv, repeated)`);
console.log(`obscenity RegExpMatcher   : ${rateObs.toFixed(0).padStart(7)} texts/s  (${obs.toFixed(2)} s)`);
for (const [name, r, c] of [
  ['bijak rules + model (full)', ours, checker],
  ['bijak rules only          ', rules, rulesOnly],
] as const) {
  const rate = texts.length / r.seconds;
  const ratio = rate / rateObs;
  const lat = latencies(c);
  const p99 = pct(lat, 0.99);
  console.log(`${name}: ${rate.toFixed(0).padStart(7)} texts/s  (${r.seconds.toFixed(2)} s, ${r.findings} findings, ${c.rules.length} rules)`);
  console.log(
    `  ratio to obscenity ${ratio.toFixed(2)}x (target >= 2: ${ratio >= 2 ? 'OK' : 'BELOW TARGET'}); per post p50 ${pct(lat, 0.5).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (target < 2 ms: ${p99 < 2 ? 'OK' : 'BELOW TARGET'})`,
  );
}

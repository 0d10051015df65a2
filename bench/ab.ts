/**
 * A/B benchmark for a noisy machine: loads two builds of the checker into one process (BENCH_A and BENCH_B, each a
 * repository root with a compiled `dist/`, e.g. a `git archive` of the older commit built with tsc) and times the same
 * tweets of re_dataset.csv with obscenity and each build in turn, REPS rounds (default 6), keeping each one's best CPU
 * time per tweet (process.cpuUsage), with and without the bench's 10,000-entry generated KB (as bench/kb.ts builds
 * it, from the sample KB and the tweets' words). Interleaving the rounds makes the builds share whatever load the
 * machine has; the best round is the least disturbed. Prints figures, asserts nothing.
 *
 * Run: npx tsc -p tsconfig.json && BENCH_A=/path/to/old BENCH_B=. node dist/bench/ab.js
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { parseKbJsonl } from '../src/core/kb/index.js';
import { loadBuilds } from './builds.js';
import { tenThousandKb } from './kb-gen.js';
import { benchTweets } from './tweets.js';

const tweets = benchTweets();
if (!tweets || !process.env.BENCH_A || !process.env.BENCH_B) {
  console.error('bench: set BENCH_A and BENCH_B (repository roots with dist/), and ../shared must hold re_dataset.csv');
  process.exit(2);
}

// the 10,000-entry KB of bench/kb.ts part 2 (same generator and seed; part 1's draws are skipped the same way)
const root = resolve(process.env.BENCH_B);
const sample = parseKbJsonl(readFileSync(resolve(root, 'models/kb-sample.jsonl'), 'utf8'));
const entries = tenThousandKb(sample, tweets, Number(process.env.BENCH_KB_ENTRIES ?? 100_000));

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const stages: Array<[string, (t: string) => unknown]> = [['obscenity', (t) => matcher.getAllMatches(t)]];
for (const { name, core, host, kb } of await loadBuilds()) {
  const plain = host.getChecker(core.DEFAULT_POLICY);
  const withKb = host.getChecker(core.DEFAULT_POLICY, kb.buildKbIndex(entries));
  stages.push([`${name} full`, (t) => plain.check({ text: t })], [`${name} full + 10k KB`, (t) => withKb.check({ text: t })]);
}
for (const [, fn] of stages) for (const t of tweets) fn(t);
const best = new Map<string, number>();
for (let rep = 0; rep < Number(process.env.REPS ?? 6); rep++)
  for (const [name, fn] of stages) {
    const c0 = process.cpuUsage();
    for (const t of tweets) fn(t);
    const c = process.cpuUsage(c0);
    best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, (c.user + c.system) / tweets.length));
  }
const obs = best.get('obscenity') as number;
console.log(
  `CPU time per tweet, best of ${process.env.REPS ?? 6} interleaved rounds over ${tweets.length} tweets (A=${process.env.BENCH_A}, B=${process.env.BENCH_B})`,
);
for (const [name, us] of best) console.log(`  ${name.padEnd(20)} ${us.toFixed(2).padStart(7)} µs  (${(obs / us).toFixed(2)}x obscenity)`);

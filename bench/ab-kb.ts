/**
 * A/B of the KB's cost for a shared machine: loads two builds (BENCH_A and BENCH_B, repository roots with a compiled
 * `dist/`, as bench/ab.ts) into one process with the bench's 10,000-entry KB and times, per build, `matchKb` on the
 * tweets of re_dataset.csv with their tokens given, and the full pipeline without and with the KB. Each stage's tweets
 * are cut into CHUNKS chunks (default 40) and every round (REPS, default 10) runs every stage on every chunk; the
 * figure is the sum of each chunk's best time, so a stage is charged for its least disturbed run of each chunk.
 * With BENCH_P99=1 it then builds each build's 100,000-entry KB (as bench/kb.ts part 1) and times every 280-character
 * post with both builds in turn (three rounds, order alternating): p50, p90, p99 side by side.
 * Prints figures, asserts nothing.
 *
 * Run: npx tsc -p tsconfig.json && BENCH_A=/path/to/old BENCH_B=. node dist/bench/ab-kb.js
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KbEntry } from '../src/core/kb/index.js';
import { parseKbJsonl } from '../src/core/kb/index.js';
import { loadBuilds } from './builds.js';
import { kbGenerator } from './kb-gen.js';
import { benchTweets } from './tweets.js';

const read = benchTweets();
if (!read || !process.env.BENCH_A || !process.env.BENCH_B) {
  console.error('bench: set BENCH_A and BENCH_B (repository roots with dist/), and ../shared must hold re_dataset.csv');
  process.exit(2);
}
const tweets: string[] = read;
const sample = parseKbJsonl(readFileSync(resolve(import.meta.dirname, '../../models/kb-sample.jsonl'), 'utf8'));

/** The generator of bench/kb.ts: `skip` entries drawn first (part 1's), then 500 draws, then `n` entries. */
function generated(n: number, skip: number): KbEntry[] {
  const g = kbGenerator(sample, tweets);
  const first = g.generate(skip);
  if (n === 0) return first;
  for (let i = 0; i < 500; i++) g.rnd();
  return g.generate(n);
}

const kb10 = [...sample, ...generated(10_000 - sample.length, 100_000)];
type Stage = [string, (lo: number, hi: number) => void];
const stages: Stage[] = [];
const builds: Array<{ name: string; core: Record<string, unknown>; kb: Record<string, unknown> }> = [];
for (const { name, core, host, kb } of await loadBuilds()) {
  builds.push({ name, core, kb });
  const index = kb.buildKbIndex(kb10);
  const toks = tweets.map((t) => core.tokenize(t));
  const plain = host.getChecker(core.DEFAULT_POLICY);
  const withKb = host.getChecker(core.DEFAULT_POLICY, index);
  stages.push(
    [
      `${name} matchKb (tokens given)`,
      (lo, hi) => {
        for (let i = lo; i < hi; i++) kb.matchKb(index, tweets[i], toks[i]);
      },
    ],
    [
      `${name} full`,
      (lo, hi) => {
        for (let i = lo; i < hi; i++) plain.check({ text: tweets[i] as string });
      },
    ],
    [
      `${name} full + 10k KB`,
      (lo, hi) => {
        for (let i = lo; i < hi; i++) withKb.check({ text: tweets[i] as string });
      },
    ],
  );
}
for (const [, f] of stages) f(0, tweets.length);
const chunks = Number(process.env.CHUNKS ?? 40);
const best = new Map<string, number[]>();
for (let r = 0; r < Number(process.env.REPS ?? 10); r++)
  for (let c = 0; c < chunks; c++) {
    const lo = Math.floor((c * tweets.length) / chunks);
    const hi = Math.floor(((c + 1) * tweets.length) / chunks);
    for (const [name, f] of stages) {
      const t0 = process.hrtime.bigint();
      f(lo, hi);
      const us = Number(process.hrtime.bigint() - t0) / 1e3;
      const row = best.get(name) ?? new Array<number>(chunks).fill(Number.POSITIVE_INFINITY);
      row[c] = Math.min(row[c] as number, us);
      best.set(name, row);
    }
  }
console.log(`per tweet, sum of each chunk's best of ${process.env.REPS ?? 10} rounds, ${tweets.length} tweets in ${chunks} chunks`);
for (const [name, row] of best) console.log(`  ${name.padEnd(26)} ${(row.reduce((a, b) => a + b, 0) / tweets.length).toFixed(2).padStart(7)} µs`);

if (process.env.BENCH_P99) {
  const entries = generated(0, 100_000);
  // the posts of bench/kb.ts part 1 are drawn after its entries; these use their own draws (same for both builds)
  const rnd = kbGenerator([], [], 7).rnd;
  const posts: string[] = [];
  let ti = 0;
  for (let i = 0; i < 5000; i++) {
    let p = '';
    if (i % 10 === 0) p = `${(entries[Math.floor(rnd() * entries.length)] as KbEntry).claims[0]}. `;
    while (p.length < 280) p += `${tweets[ti++ % tweets.length]} `;
    posts.push(p.slice(0, 280));
  }
  const fns = builds.map(({ core, kb }) => {
    const index = (kb.buildKbIndex as (e: KbEntry[]) => unknown)(entries);
    const match = kb.matchKb as (i: unknown, t: string, tok: unknown) => unknown;
    const tokenize = core.tokenize as (t: string) => unknown;
    return (p: string) => match(index, p, tokenize(p));
  });
  for (const f of fns) for (const p of posts.slice(0, 500)) f(p);
  const lat: number[][] = fns.map(() => []);
  for (let r = 0; r < 3; r++)
    for (let i = 0; i < posts.length; i++)
      for (let k = 0; k < fns.length; k++) {
        const j = (i + r) % 2 === 0 ? k : fns.length - 1 - k;
        const t0 = process.hrtime.bigint();
        (fns[j] as (p: string) => unknown)(posts[i] as string);
        (lat[j] as number[]).push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
  console.log('match per 280-char post, 100,000 entries, both builds timed in turn (3 rounds)');
  for (let j = 0; j < fns.length; j++) {
    const v = Float64Array.from(lat[j] as number[]).sort();
    const q = (p: number) => (v[Math.min(v.length - 1, Math.floor(p * v.length))] as number).toFixed(3);
    console.log(`  ${builds[j]?.name}: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms`);
  }
}

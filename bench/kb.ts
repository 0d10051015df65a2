/**
 * KB benchmark (issue 9). Prints figures, asserts nothing.
 *
 * 1. A generated KB of 100,000 entries (BENCH_KB_ENTRIES): claims of 8-20 words
 *    drawn (Zipf-like) from the words of the sample KB and of the tweets of
 *    ../shared/datasets/ibrohim-budi-2019/re_dataset.csv, a third with numbers,
 *    a quarter with a second wording. Index build time, memory of the index
 *    (heap + array buffers after GC), and match latency (tokenise + match, p50/p99)
 *    per 280-character post: tweets joined to 280 characters, one in ten with a
 *    KB claim inside. Targets: build < 10 s, memory < 300 MB, p99 < 5 ms.
 * 2. The full check pipeline (host checker: rules + model) with a 10,000-entry
 *    KB in hoax/known, without a KB, and obscenity's RegExpMatcher on the same
 *    tweets (as bench/check.ts). Target: with the KB >= 2x obscenity.
 *
 * Run: npm run bench:kb   (BENCH_TEXTS=N tweets for part 2, default 50,000)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { DEFAULT_POLICY, tokenize } from '../src/core/index.js';
import { buildKbIndex, type KbEntry, matchKb, parseKbJsonl } from '../src/core/kb/index.js';
import { getChecker } from '../src/host/checker.js';
import { kbGenerator } from './kb-gen.js';
import { benchTweets } from './tweets.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('bench: run with node --expose-gc for the memory figure (npm run bench:kb does)');

const tweets = benchTweets();
if (!tweets) {
  console.error('bench: ../shared is absent (set BIJAK_SHARED); the benchmark needs re_dataset.csv');
  process.exit(2);
}
const samplePath = ['../../models/kb-sample.jsonl', '../models/kb-sample.jsonl']
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((p) => {
    try {
      readFileSync(p);
      return true;
    } catch {
      return false;
    }
  });
const sample = parseKbJsonl(readFileSync(samplePath as string, 'utf8'));

// the generated KB (bench/kb-gen.ts): part 1's 100,000 entries, its query draws, then part 2's entries, from one stream
const gen = kbGenerator(sample, tweets);
const rnd = gen.rnd;
const generate = (n: number) => gen.generate(n, 'Ringkasan klarifikasi (dibuat untuk benchmark).');

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const mem = () => {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const pct = (a: Float64Array, p: number) => {
  const s = Float64Array.from(a).sort();
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
};

// --- part 1: 100,000 entries -------------------------------------------------------------------
const N = Number(process.env.BENCH_KB_ENTRIES ?? 100_000);
let entries: KbEntry[] | null = generate(N);
const before = mem();
const t0 = process.hrtime.bigint();
let big: ReturnType<typeof buildKbIndex> | null = buildKbIndex(entries);
const buildS = Number(process.hrtime.bigint() - t0) / 1e9;
// the index holds the entries; count them in, as the server and CLI keep both
const after = mem();
console.log(`KB of ${N} generated entries (${big.docs} wordings, ${big.terms} terms)`);
console.log(`  index build ${buildS.toFixed(2)} s (target < 10 s: ${buildS < 10 ? 'OK' : 'ABOVE TARGET'})`);
console.log(
  `  memory of the index (heap + array buffers after GC, entries excluded) ${mb(after - before)} MB (target < 300 MB: ${after - before < 300 * 1024 * 1024 ? 'OK' : 'ABOVE TARGET'})`,
);

// 280-character posts: tweets joined; one in ten carries a KB claim (a wording of a random entry) inside
const posts: string[] = [];
let ti = 0;
for (let i = 0; i < 5000; i++) {
  let s = '';
  if (i % 10 === 0) s = `${(entries[Math.floor(rnd() * N)] as KbEntry).claims[0]}. `;
  while (s.length < 280) s += `${tweets[ti++ % tweets.length]} `;
  posts.push(s.slice(0, 280));
}
for (const p of posts.slice(0, 500)) matchKb(big, p, tokenize(p)); // warm-up
const lat = new Float64Array(posts.length);
let found = 0;
for (let i = 0; i < posts.length; i++) {
  const p = posts[i] as string;
  const a = process.hrtime.bigint();
  found += matchKb(big, p, tokenize(p)).filter((h) => h.decision === 'known').length;
  lat[i] = Number(process.hrtime.bigint() - a) / 1e6;
}
const p99 = pct(lat, 0.99);
console.log(
  `  match per 280-char post (tokenise + match): p50 ${pct(lat, 0.5).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (target < 5 ms: ${p99 < 5 ? 'OK' : 'ABOVE TARGET'}); ${found} known matches in ${posts.length} posts (${posts.length / 10} carry a claim)`,
);
big = null;
entries = null;

// --- part 2: pipeline throughput with a 10,000-entry KB -----------------------------------------
const kb10 = buildKbIndex([...sample, ...generate(10_000 - sample.length)]);
const target = Number(process.env.BENCH_TEXTS ?? 50_000);
const texts: string[] = [];
while (texts.length < target) texts.push(...tweets);
texts.length = target;
const withKb = getChecker(DEFAULT_POLICY, kb10);
const plain = getChecker(DEFAULT_POLICY);
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
for (const t of tweets) {
  withKb.check({ text: t });
  plain.check({ text: t });
  matcher.getAllMatches(t);
}
const time = (fn: (t: string) => unknown) => {
  const a = process.hrtime.bigint();
  for (const t of texts) fn(t);
  return Number(process.hrtime.bigint() - a) / 1e9;
};
const obs = time((t) => matcher.getAllMatches(t));
const ours = time((t) => withKb.check({ text: t }));
const base = time((t) => plain.check({ text: t }));
const rate = (s: number) => (texts.length / s).toFixed(0).padStart(7);
console.log(`check pipeline on ${texts.length} tweets of re_dataset.csv (repeated)`);
console.log(`  obscenity RegExpMatcher        : ${rate(obs)} texts/s`);
console.log(`  bijak full, no KB              : ${rate(base)} texts/s  (${(obs / base).toFixed(2)}x obscenity)`);
console.log(
  `  bijak full, 10,000-entry KB    : ${rate(ours)} texts/s  (${(obs / ours).toFixed(2)}x obscenity; target >= 2: ${obs / ours >= 2 ? 'OK' : 'BELOW TARGET'})`,
);

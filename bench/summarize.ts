/**
 * Summariser speed (issue 11): a 50-page official text (the 20 fixtures of tests/summarize/fixtures
 * repeated to at least 50 pages of 3,000 characters) summarised for every platform, each part checked
 * by the full checker. Target: < 1 s per platform. Run: npx tsx bench/summarize.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUMMARY_PLATFORMS, summarize } from '../src/core/summarize/index.js';
import { getChecker } from '../src/host/checker.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'summarize', 'fixtures');
const parts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const PAGE = 3000;
const PAGES = Number(process.env.BENCH_PAGES ?? 50);
let text = '';
for (let i = 0; text.length < PAGES * PAGE; i++) text += `${parts[i % parts.length]}\n\n`;
const checker = getChecker();
const check = (t: string) => checker.check({ text: t });
summarize(text.slice(0, 20_000), { platform: 'x', check }); // warm-up (JIT, checker caches)

console.log(`text: ${text.length.toLocaleString('en')} characters (${(text.length / PAGE).toFixed(1)} pages of ${PAGE})`);
let worst = 0;
for (const platform of SUMMARY_PLATFORMS) {
  const t0 = performance.now();
  const r = summarize(text, { platform, link: 'https://www.kemenkeu.go.id/apbn', check });
  const ms = performance.now() - t0;
  worst = Math.max(worst, ms);
  console.log(
    `${platform.padEnd(10)} ${ms.toFixed(1).padStart(7)} ms  post ${r.lengths.post}/${r.limit}, thread ${r.thread.length} parts, ${r.sentences.total} sentences`,
  );
}
console.log(`slowest: ${worst.toFixed(1)} ms (target < 1000 ms): ${worst < 1000 ? 'MET' : 'NOT MET'}`);

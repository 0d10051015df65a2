/**
 * Output dump for before/after comparisons of speed work (outputs must stay byte-identical). Loads one build
 * (BENCH_ROOT, a repository root with a compiled `dist/`, as bench/ab.ts) and writes one JSON line per input: the
 * findings of the full checker without a KB, with the sample KB and with the 10,000-entry KB of bench/kb.ts, and
 * every `matchKb` and `searchKb` hit with its scores for the sample and 10,000-entry KBs. Inputs: the tweets of
 * re_dataset.csv, bijak-posts, the dev cases, NusaX (train and valid, every language), netifier, the KB eval sets,
 * and 4,000 bench-style posts carrying a wording of the 10,000-entry KB (whole, partial, shuffled, with a changed
 * number, negated, cut short). Prints the count and a SHA-256 of the dump; compare two builds' dumps with cmp.
 *
 * Run: npx tsc -p tsconfig.json && BENCH_ROOT=/path/to/build node dist/bench/identical.js /tmp/dump.jsonl
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { KbEntry, KbHit } from '../src/core/kb/index.js';
import { sharedPath } from '../src/host/shared.js';
import { kbGenerator, tenThousandKb } from './kb-gen.js';

const out = process.argv[2];
const datasets = sharedPath('datasets');
const cases = sharedPath('cases', 'dev.jsonl');
if (!out || !process.env.BENCH_ROOT || !datasets || !cases) {
  console.error('bench: set BENCH_ROOT (a repository root with dist/), give the output file, and ../shared must be present');
  process.exit(2);
}
const root = resolve(process.env.BENCH_ROOT);
const here = resolve(import.meta.dirname, '../..');
const csvRows = (f: string): Array<Record<string, string>> => {
  const raw = readFileSync(f);
  let c = raw.toString('utf8');
  if (c.includes('\uFFFD')) c = raw.toString('latin1');
  return parse(c, { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
};
const jsonl = (f: string): Array<Record<string, string>> =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const tweets = csvRows(resolve(datasets, 'ibrohim-budi-2019/re_dataset.csv'))
  .map((r) => r.Tweet as string)
  .filter((t) => typeof t === 'string' && t.length > 0);
const inputs: unknown[] = [...tweets];
for (const f of readdirSync(resolve(datasets, 'bijak-posts')).filter((f) => f.endsWith('.jsonl')))
  for (const r of jsonl(resolve(datasets, 'bijak-posts', f))) inputs.push(r.text);
for (const r of jsonl(cases)) inputs.push(r.text);
for (const lang of readdirSync(resolve(datasets, 'nusax')))
  for (const s of ['train.csv', 'valid.csv']) {
    try {
      for (const r of csvRows(resolve(datasets, 'nusax', lang, s))) inputs.push(r.text);
    } catch {
      // a language without this split
    }
  }
for (const r of csvRows(resolve(datasets, 'netifier/train.csv'))) inputs.push(r.original_text);
for (const f of ['paraphrases.jsonl', 'debunks.jsonl', 'related-true.jsonl']) for (const r of jsonl(resolve(here, 'tests/kb/eval', f))) inputs.push(r.text);

const at = (p: string) => pathToFileURL(resolve(root, 'dist/src', p)).href;
const core = await import(at('core/index.js'));
const host = await import(at('host/checker.js'));
const kb = await import(at('core/kb/index.js'));
const sample: KbEntry[] = kb.parseKbJsonl(readFileSync(resolve(here, 'models/kb-sample.jsonl'), 'utf8'));
// the 10,000-entry KB of bench/kb.ts part 2 (same generator and seed, part 1's draws skipped), as bench/ab.ts
const entries = tenThousandKb(sample, tweets);
const r2 = kbGenerator([], [], 7).rnd;
for (let i = 0; i < 4000; i++) {
  const e = entries[Math.floor(r2() * entries.length)] as KbEntry;
  let ws = (e.claims[Math.floor(r2() * e.claims.length)] as string).split(' ');
  const m = i % 6;
  if (m === 1) ws = ws.filter(() => r2() < 0.7);
  if (m === 2)
    ws = ws
      .map((w) => [r2(), w] as const)
      .sort((a, b) => a[0] - b[0])
      .map((x) => x[1]);
  if (m === 3) ws = ws.map((w) => (/^\d+$/.test(w) ? String(Number(w) + 1) : w));
  if (m === 4) ws.splice(Math.floor(r2() * ws.length), 0, 'tidak');
  if (m === 5) ws = ws.slice(0, Math.max(2, Math.floor(ws.length * r2())));
  const tw = tweets[Math.floor(r2() * tweets.length)] as string;
  inputs.push(r2() < 0.5 ? `${ws.join(' ')}. ${tw}` : `${tw} ${ws.join(' ')}!!`);
}
const kb10 = kb.buildKbIndex(entries);
const kbS = kb.buildKbIndex(sample);
const c0 = host.getChecker(core.DEFAULT_POLICY);
const cS = host.getChecker(core.DEFAULT_POLICY, kbS);
const c10 = host.getChecker(core.DEFAULT_POLICY, kb10);
const hits = (hs: Array<KbHit & { decision?: string }>) =>
  hs.map((h) => [h.entry.id, h.claim, h.score, h.coverage, h.near, h.range, h.numbersDisagree, h.negationDisagrees, h.rank, h.decision]);
const lines: string[] = [];
let nHits = 0;
for (const t of inputs) {
  if (typeof t !== 'string') continue;
  const tok = core.tokenize(t);
  const m10 = kb.matchKb(kb10, t, tok);
  const mS = kb.matchKb(kbS, t, tok);
  nHits += m10.length + mS.length;
  lines.push(
    JSON.stringify({
      f0: c0.check({ text: t }),
      fS: cS.check({ text: t }),
      f10: c10.check({ text: t }),
      m10: hits(m10),
      mS: hits(mS),
      s10: hits(kb.searchKb(kb10, t, 10)),
      sS: hits(kb.searchKb(kbS, t, 5)),
    }),
  );
}
const text = lines.join('\n');
writeFileSync(out, text);
console.log(`${root}: ${lines.length} inputs, ${nHits} matchKb hits, sha256 ${createHash('sha256').update(text).digest('hex')}`);

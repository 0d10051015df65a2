/**
 * The generated knowledge base of the KB benchmarks (bench/kb.ts, bench/ab.ts, bench/ab-kb.ts, bench/identical.ts):
 * claims of 8–20 words drawn Zipf-like from the words of the sample KB and the tweets, a third with a number, a
 * quarter of the entries with a second wording. One seeded stream (mulberry32), so every benchmark that draws in the
 * same order gets the same entries.
 */
import type { KbEntry } from '../src/core/kb/index.js';

export interface KbGenerator {
  /** The stream's next number in [0, 1). */
  rnd(): number;
  /** `n` entries from the stream (ids gen-0 ...). */
  generate(n: number, summary?: string): KbEntry[];
}

export function kbGenerator(sample: readonly KbEntry[], tweets: readonly string[], start = 42): KbGenerator {
  let seed = start;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // vocabulary: words of the sample claims and of the tweets, most frequent first (Zipf-like draws)
  const freq = new Map<string, number>();
  for (const s of [...sample.flatMap((e) => e.claims), ...tweets])
    for (const w of s.toLowerCase().match(/[a-z]{3,}/g) ?? []) if (w !== 'user' && w !== 'url') freq.set(w, (freq.get(w) ?? 0) + 1);
  const vocab = [...freq.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const word = () => vocab[Math.floor(vocab.length * rnd() ** 2.5)] as string;
  const claim = () => {
    const n = 8 + Math.floor(rnd() * 13);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(word());
    if (rnd() < 0.33) ws.splice(Math.floor(rnd() * ws.length), 0, String(1 + Math.floor(rnd() * 100)), rnd() < 0.5 ? 'persen' : 'juta');
    return ws.join(' ');
  };
  const generate = (n: number, summary = 'Ringkasan.'): KbEntry[] =>
    Array.from({ length: n }, (_, i) => {
      const claims = [claim()];
      if (rnd() < 0.25) claims.push(claim());
      return { id: `gen-${i}`, claims, verdict: rnd() < 0.9 ? 'hoaks' : 'benar', summary, source: { name: 'Benchmark', url: '' }, topics: [] };
    });
  return { rnd, generate };
}

/** The 10,000-entry KB of bench/kb.ts part 2: the sample plus generated entries, after part 1's draws (`part1` entries, then 500 query draws). */
export function tenThousandKb(sample: readonly KbEntry[], tweets: readonly string[], part1 = 100_000): KbEntry[] {
  const g = kbGenerator(sample, tweets);
  g.generate(part1);
  for (let i = 0; i < 500; i++) g.rnd();
  return [...sample, ...g.generate(10_000 - sample.length)];
}

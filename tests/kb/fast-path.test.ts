/**
 * KB retrieval's early exit (a text whose touched wordings cannot be covered to the candidate threshold returns
 * nothing before the pre-selection) against the exhaustive path, on generated KBs where many terms are common
 * (in more wordings than are walked) and on random texts and partial, shuffled, noisy claims.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildKbIndex, type KbEntry, matchKb, searchKb } from '../../src/core/kb/index.js';
import { KB_TESTING } from '../../src/core/kb/matcher.js';
import { tokenize } from '../../src/core/normalize/tokenize.js';

const SYL = ['ba', 'ki', 'ru', 'se', 'to', 'lam', 'pur', 'gen', 'dis', 'mo'];
const VOCAB = (
  'pajak gaji pns thr asn rekening saldo bank dipotong ditiadakan dibatalkan naik turun persen juta tahun bulan depan ' +
  'pemerintah menteri keuangan kemenkeu djp bea cukai impor barang kiriman paket pemilu suara kotak dicoblos kontainer ' +
  'priok bansos sembako beras harga minyak listrik subsidi dicabut tarif ppn pph bpjs iuran kesehatan pensiun tunjangan ' +
  'honorer diangkat dipecat cpns formasi kuota daerah desa dana hibah utang negara bangkrut rupiah dolar anjlok emas'
)
  .split(' ')
  // and made-up words (three syllables), so that most terms are rare (walked) and a few common (bounded)
  .concat(Array.from({ length: 2000 }, (_, i) => SYL[i % 10] + SYL[Math.floor(i / 10) % 10] + SYL[Math.floor(i / 100) % 10] + (i >= 1000 ? 'ng' : '')));

/** Deterministic words with a Zipf-like skew, so a few terms sit in many wordings. */
function generator(seed: number) {
  let s = seed;
  const rnd = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => VOCAB[Math.floor(VOCAB.length * rnd() ** 3)] as string;
  const claim = () => {
    const n = 5 + Math.floor(rnd() * 10);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(word());
    if (rnd() < 0.3) ws.splice(Math.floor(rnd() * ws.length), 0, String(1 + Math.floor(rnd() * 50)), 'persen');
    if (rnd() < 0.2) ws.unshift('tidak');
    return ws.join(' ');
  };
  return { rnd, word, claim };
}

function kbOf(n: number, seed: number): KbEntry[] {
  const g = generator(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    claims: g.rnd() < 0.3 ? [g.claim(), g.claim()] : [g.claim()],
    verdict: g.rnd() < 0.85 ? 'hoaks' : 'benar',
    summary: 'Klarifikasi.',
    source: { name: 'Uji', url: '' },
    topics: [],
  }));
}

function both<T>(f: () => T): [T, T] {
  KB_TESTING.exhaustive = true;
  try {
    const slow = f();
    KB_TESTING.exhaustive = false;
    return [f(), slow];
  } finally {
    KB_TESTING.exhaustive = false;
  }
}

describe('KB retrieval: the early exit returns what the exhaustive path returns', () => {
  const entries = kbOf(1500, 7);
  const index = buildKbIndex(entries);
  const claims = entries.flatMap((e) => e.claims);
  const textArb = fc.oneof(
    fc.array(fc.constantFrom(...VOCAB, 'yang', 'dan', 'hoaks', 'katanya', '10', '2026', 'Rp5.000', 'bukan'), { maxLength: 60 }).map((ws) => ws.join(' ')),
    fc
      .tuple(fc.constantFrom(...claims), fc.array(fc.constantFrom(...VOCAB, '!!!', '.', 'gaes'), { maxLength: 20 }), fc.nat(), fc.boolean())
      .map(([c, noise, cut, shuffle]) => {
        let ws = c.split(' ');
        if (shuffle)
          ws = ws
            .map((w, i) => [((i * 7919 + cut) % 101) as number, w] as const)
            .sort((a, b) => a[0] - b[0])
            .map((x) => x[1]);
        ws = ws.slice(0, Math.max(1, ws.length - (cut % 5)));
        return `${noise.slice(0, noise.length >> 1).join(' ')} ${ws.join(' ')}. ${noise.slice(noise.length >> 1).join(' ')}`;
      }),
    fc.string({ maxLength: 200 }),
  );

  it('matchKb and searchKb agree on random texts and paraphrased claims', () => {
    let hits = 0;
    fc.assert(
      fc.property(textArb, (text) => {
        const [fast, slow] = both(() => matchKb(index, text, tokenize(text)));
        expect(fast).toEqual(slow);
        hits += fast.length;
        const [fs, ss] = both(() => searchKb(index, text));
        expect(fs).toEqual(ss);
      }),
      { numRuns: 400 },
    );
    // the texts exercise matches, not only empty results
    expect(hits).toBeGreaterThan(20);
  });

  it('agree under other thresholds (the early exit and the skips of scoring follow the index options)', () => {
    for (const options of [
      { matchThreshold: 0.45, similarThreshold: 0.6 },
      { matchThreshold: 0.8, similarThreshold: 0.2 },
      { matchThreshold: 0.6, similarThreshold: 0.35 },
    ]) {
      const other = buildKbIndex(entries, options);
      fc.assert(
        fc.property(textArb, (text) => {
          const [fast, slow] = both(() => matchKb(other, text, tokenize(text)));
          expect(fast).toEqual(slow);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('agree on texts built from several wordings at once (wordings touched by many rare terms, siblings of one entry)', () => {
    const multi = entries.filter((e) => e.claims.length > 1);
    fc.assert(
      fc.property(fc.constantFrom(...multi), fc.constantFrom(...claims), fc.nat(), (e, other, cut) => {
        const [a, b] = e.claims as [string, string];
        const ws = `${a} ${b} ${other}`.split(' ');
        const text = ws.filter((_, i) => (i * 31 + cut) % 7 !== 0).join(' ');
        const [fast, slow] = both(() => matchKb(index, text, tokenize(text)));
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });

  it('agree when an entry has a long and a short wording (one hit decided none can outrank its sibling)', () => {
    const g = generator(11);
    const pairs: KbEntry[] = Array.from({ length: 300 }, (_, i) => {
      const long = Array.from({ length: 12 + (i % 6) }, () => g.word()).join(' ');
      const short = Array.from({ length: 3 + (i % 2) }, () => g.word()).join(' ');
      return { id: `p${i}`, claims: [long, short], verdict: 'hoaks', summary: 'Klarifikasi.', source: { name: 'Uji', url: '' }, topics: [] };
    });
    const pairIndex = buildKbIndex([...pairs, ...kbOf(600, 13)]);
    let hits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.nat(), fc.array(fc.constantFrom(...VOCAB), { maxLength: 12 }), (e, cut, noise) => {
        const [long, short] = e.claims as [string, string];
        const part = long.split(' ').filter((_, i) => (i * 13 + cut) % 10 < 3 + (cut % 5));
        const text = `${part.join(' ')} ${short} ${noise.join(' ')}`;
        const [fast, slow] = both(() => matchKb(pairIndex, text, tokenize(text)));
        expect(fast).toEqual(slow);
        hits += fast.length;
      }),
      { numRuns: 500 },
    );
    expect(hits).toBeGreaterThan(20);
  });

  it('agree when the prefix filter drops every term it may (checks of the wordings that lost terms instead of reads)', () => {
    const cost = KB_TESTING.checkCost;
    KB_TESTING.checkCost = 0;
    let dropped: ReturnType<typeof buildKbIndex>;
    try {
      dropped = buildKbIndex(entries);
    } finally {
      KB_TESTING.checkCost = cost;
    }
    // the runs hold checks (a rare term's run: [carry, rest, check, ...]) and fewer postings than the index's
    const runs = dropped._ as unknown as { exit: Int32Array; exitStart: Int32Array };
    const usual = index._ as unknown as { exit: Int32Array };
    let checks = 0;
    for (const at of runs.exitStart) if ((runs.exit[at] as number) >= 0) checks += runs.exit[at + 2] as number;
    expect(checks).toBeGreaterThan(100);
    expect(runs.exit.length).toBeLessThan(usual.exit.length);
    const multi = entries.filter((e) => e.claims.length > 1);
    const several = fc.tuple(fc.constantFrom(...multi), fc.constantFrom(...claims), fc.nat()).map(([e, other, cut]) =>
      `${(e.claims as string[]).join(' ')} ${other}`
        .split(' ')
        .filter((_, i) => (i * 31 + cut) % 7 !== 0)
        .join(' '),
    );
    let hits = 0;
    fc.assert(
      fc.property(fc.oneof(textArb, several), (text) => {
        const [fast, slow] = both(() => matchKb(dropped, text, tokenize(text)));
        expect(fast).toEqual(slow);
        hits += fast.length;
      }),
      { numRuns: 600 },
    );
    expect(hits).toBeGreaterThan(20);
  });

  it('has common terms to bound (the generated KB is the case the bound is for)', () => {
    const ix = index._ as unknown as { docCommonTerms: Int32Array };
    expect(ix.docCommonTerms.length).toBeGreaterThan(1000);
  });
});

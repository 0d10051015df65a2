/**
 * The extractive summariser: Indonesian sentence splitting, X's weighted length, and on 20 official-style
 * texts (tests/summarize/fixtures, written for these tests) for every platform: each output within its
 * limit, every number phrase of the output a number phrase of the source, every sentence taken from the
 * source, the source link appended, each part checked by the checker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/index.js';
import { numberPhrases, PLATFORM_LIMITS, platformLength, SUMMARY_PLATFORMS, splitSentences, summarize, xLength } from '../../src/core/summarize/index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }));
const LINK = 'https://www.kemenkeu.go.id/informasi-publik/publikasi/siaran-pers/detil/apbn-2025-sebesar-rp3621-triliun';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('keeps decimals, thousands, percentages and currency inside one sentence', () => {
    expect(texts('Defisit Rp3.061,2 triliun atau 2,53% PDB. Inflasi 5,2% pada 2024. Selesai.')).toEqual([
      'Defisit Rp3.061,2 triliun atau 2,53% PDB.',
      'Inflasi 5,2% pada 2024.',
      'Selesai.',
    ]);
  });
  it('does not end a sentence at Rp., No., Prof., initials or dotted abbreviations', () => {
    expect(texts('Diatur dalam PMK No. 96 Tahun 2023 senilai Rp. 5 juta. Disampaikan Prof. Dr. Sri M. Indrawati, S.E. Kemudian rapat ditutup.')).toEqual([
      'Diatur dalam PMK No. 96 Tahun 2023 senilai Rp. 5 juta.',
      'Disampaikan Prof. Dr. Sri M. Indrawati, S.E. Kemudian rapat ditutup.',
    ]);
  });
  it('treats dst., dll. as the end of a list: a sentence ends only when a capital follows', () => {
    expect(texts('Pajak, cukai, PNBP, dst. merupakan pendapatan. Belanja pegawai, barang dll. Modal juga.')).toEqual([
      'Pajak, cukai, PNBP, dst. merupakan pendapatan.',
      'Belanja pegawai, barang dll.',
      'Modal juga.',
    ]);
  });
  it('ends a sentence after a unit word, a year, ! and ?, and at line breaks (headings)', () => {
    expect(texts('Judul Berita\nBelanja Rp3.621,3 triliun. Tahun 2025. Sudah lapor? Ayo lapor! "Kutipan." Akhir')).toEqual([
      'Judul Berita',
      'Belanja Rp3.621,3 triliun.',
      'Tahun 2025.',
      'Sudah lapor?',
      'Ayo lapor!',
      '"Kutipan."',
      'Akhir',
    ]);
  });
  it('keeps times and URLs whole and gives original offsets', () => {
    const src = '  Layanan pukul 08.00 WIB di www.pajak.go.id. Berikutnya libur.';
    const ss = splitSentences(src);
    expect(ss.map((s) => s.text)).toEqual(['Layanan pukul 08.00 WIB di www.pajak.go.id.', 'Berikutnya libur.']);
    for (const s of ss) expect(src.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('numberPhrases', () => {
  it('takes currency, separators, percent, units and dates together', () => {
    expect(numberPhrases('Rp3.061,2 triliun, 5,2%, 31 Maret 2025, USD 1,5 miliar, 8,7 juta SPT dan 4,6 juta debitur').map((p) => p.text)).toEqual([
      'Rp3.061,2 triliun',
      '5,2%',
      '31 Maret 2025',
      'USD 1,5 miliar',
      '8,7 juta',
      '4,6 juta',
    ]);
  });
});

describe('X weighted length', () => {
  it('counts a URL as 23 whatever its length', () => {
    expect(xLength('https://a.id')).toBe(23);
    expect(xLength(`Baca ${LINK}`)).toBe(5 + 23);
    expect(xLength('lihat kemenkeu.go.id/apbn ya')).toBe(6 + 23 + 3);
  });
  it('weighs Latin 1, CJK and emoji 2 (one emoji sequence counts once)', () => {
    expect(xLength('APBN')).toBe(4);
    expect(xLength('財政')).toBe(4);
    expect(xLength('👍')).toBe(2);
    expect(xLength('👨‍👩‍👧')).toBe(2);
    expect(xLength('é')).toBe(1);
  });
  it('other platforms count code points, links at full length', () => {
    expect(platformLength(`a ${LINK}`, 'threads')).toBe(2 + LINK.length);
    expect(platformLength('👍', 'instagram')).toBe(1);
  });
});

/** Number phrases of the source, as a set. */
const phrasesOf = (s: string) => new Set(numberPhrases(s).map((p) => p.text));

/** The source sentences an output piece was built from: strip numbering, link and ellipses, split. */
function sentencesOf(part: string, link: string): string[] {
  const body = part
    .replace(/^\d+\/\d+ /, '')
    .split(link)
    .join('');
  return body
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?…"”)])\s+/))
    .map((s) => s.replace(/^…\s*/, '').replace(/\s*…$/, '').trim())
    .filter(Boolean);
}

describe('summarize on 20 official texts', () => {
  it('has 20 fixtures', () => expect(FIXTURES.length).toBe(20));
  const checker = (text: string) => check({ text });
  for (const { name, text } of FIXTURES) {
    it(`${name}: within limits, numbers exact, extractive, link appended, every platform`, () => {
      const source = phrasesOf(text);
      for (const platform of SUMMARY_PLATFORMS) {
        const r = summarize(text, { platform, link: LINK, check: checker });
        const { limit } = PLATFORM_LIMITS[platform];
        expect(platformLength(r.post, platform), `${platform} post`).toBeLessThanOrEqual(limit);
        expect(r.post.endsWith(LINK)).toBe(true);
        expect(r.post.length).toBeGreaterThan(LINK.length + 40);
        expect(r.thread.length).toBeGreaterThan(0);
        r.thread.forEach((p, i) => {
          expect(p.startsWith(`${i + 1}/${r.thread.length} `), p).toBe(true);
          expect(platformLength(p, platform), `${platform} part ${i + 1}`).toBeLessThanOrEqual(limit);
        });
        expect(r.thread.some((p) => p.includes(LINK))).toBe(true);
        for (const out of [r.post, ...r.thread]) {
          for (const p of numberPhrases(
            out
              .replace(/^\d+\/\d+ /, '')
              .split(LINK)
              .join(''),
          )) {
            expect(source.has(p.text), `${platform}: "${p.text}" is not a number of the source`).toBe(true);
          }
          for (const s of sentencesOf(out, LINK)) expect(text.includes(s), `${platform}: not in the source: ${s}`).toBe(true);
        }
        // every part checked: the findings are exactly the checker's on each part
        const expected = [r.post, ...r.thread].reduce((n, p) => n + checker(p).length, 0);
        expect(r.findings.length).toBe(expected);
      }
    });
  }
  it('an X post of the APBN text keeps the headline figures', () => {
    const apbn = FIXTURES.find((f) => f.name.startsWith('01'))!.text;
    const r = summarize(apbn, { platform: 'x', link: LINK });
    expect(r.post).toContain('Rp3.621,3');
    expect(xLength(r.post)).toBeLessThanOrEqual(280);
  });
  it('reports findings per part when the text breaks the rules', () => {
    const bad = 'Anggaran Rp10 triliun dipakai pejabat goblok untuk foya-foya. Pemerintah menjelaskan rincian belanja tahun 2025 kepada publik.';
    const r = summarize(bad, { platform: 'x', check: checker });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings[0].part).toMatch(/^(post|thread \d+\/\d+)$/);
  });
});

describe('cutting long sentences', () => {
  it('never cuts inside a number phrase, and each piece is within the limit', () => {
    const long = `${'Belanja negara untuk program perlindungan sosial, pendidikan, kesehatan, dan infrastruktur dasar '.repeat(3)}mencapai Rp3.061,2 triliun pada 31 Desember 2025 atau 5,2% dari PDB.`;
    const r = summarize(long, { platform: 'x' });
    const src = phrasesOf(long);
    for (const out of [r.post, ...r.thread]) {
      expect(xLength(out)).toBeLessThanOrEqual(280);
      for (const p of numberPhrases(out.replace(/^\d+\/\d+ /, ''))) expect(src.has(p.text), p.text).toBe(true);
    }
    expect(r.thread.join(' ')).toContain('Rp3.061,2 triliun');
  });
  it('a sentence dense with figures and no clause break is cut between phrases, never inside one', () => {
    const dense = `${'Belanja negara tumbuh Rp1.234,5 triliun dan Rp2.345,6 triliun dan pajak Rp3.456,7 triliun dan 12,5 persen dan '.repeat(5)}selesai.`;
    const src = phrasesOf(dense);
    for (const platform of ['x', 'threads'] as const) {
      const r = summarize(dense, { platform });
      expect(r.thread.length).toBeGreaterThan(1);
      for (const out of [r.post, ...r.thread]) {
        expect(platformLength(out, platform)).toBeLessThanOrEqual(PLATFORM_LIMITS[platform].limit);
        for (const p of numberPhrases(out.replace(/^\d+\/\d+ /, ''))) expect(src.has(p.text), p.text).toBe(true);
      }
    }
  });
  it('property: random official-like texts keep every number exact and every part within the limit', () => {
    const word = fc.constantFrom('pemerintah', 'belanja', 'negara', 'pajak', 'tumbuh', 'menjadi', 'anggaran', 'daerah', 'pendapatan', 'sebesar');
    const num = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom(' triliun', '%', ' juta', ' persen', ''))
      .map(([a, b, u]) => `Rp${a.toLocaleString('id-ID')},${b}${u}`);
    const sentence = fc.array(fc.oneof(word, word, num), { minLength: 3, maxLength: 70 }).map((ws) => `${ws.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 12 }), fc.constantFrom(...SUMMARY_PLATFORMS), (ss, platform) => {
        const text = ss.join(' ');
        const src = phrasesOf(text);
        const r = summarize(text, { platform, link: 'https://kemenkeu.go.id/x' });
        for (const out of [r.post, ...r.thread]) {
          if (platformLength(out, platform) > PLATFORM_LIMITS[platform].limit) return false;
          for (const p of numberPhrases(out.replace(/^\d+\/\d+ /, '').replace('https://kemenkeu.go.id/x', ''))) if (!src.has(p.text)) return false;
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
  it('rejects a text above the input bound with a clear error', () => {
    expect(() => summarize('a'.repeat(2_000_001), { platform: 'x' })).toThrow(/longer than/);
  });
});

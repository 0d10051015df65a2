/**
 * Property tests (fast-check): for every finding, the range is inside the
 * field and text.slice(range) is a non-empty run of the original text, also
 * with emoji / surrogate pairs and long random inputs; ranges never split a
 * surrogate pair. Pathological 100 KB inputs return (the implementation is
 * linear; no timing is asserted).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccountInput, check, type Finding, tokenize } from '../../src/core/index.js';

const WORDS = [
  'anjing',
  'babi',
  'bangsat',
  't0l0l',
  'goblok',
  'open',
  'bo',
  'bokep',
  'coblos',
  'nomor',
  '2',
  'pilih',
  'Pak',
  'Budi',
  'dasar',
  'Cina',
  'semua',
  'penipu',
  'usir',
  'SEBARKAN',
  'sebelum',
  'dihapus',
  'katanya',
  'dibatalkan',
  'bocoran',
  'draft',
  'PMK',
  'jangan',
  'disebar',
  'NIK',
  '3174015505900003',
  '01.234.567.8-901.000',
  'rekening',
  'BCA',
  '1234567890',
  'dinas',
  'rasa',
  'liburan',
  'moge',
  'pamer',
  'korupsi',
  'khilafah',
  'tegakkan',
  'thogut',
  'gendut',
  '@dimas',
  'si',
  'Rina',
  '🐕',
  '😂',
  '👍🏽',
  '🇮🇩',
  '👨‍👩‍👧',
  'é',
  'Ａｎｊｉｎｇ',
  '𝐚𝐧𝐣𝐢𝐧𝐠',
  '"',
  '“',
  '”',
  '#dinasrasaliburan',
  'ND-1/PJ/2024',
  'tentang',
  '.',
  '!!',
  ',',
  '\n',
  'a.n.j.i.n.g',
  'kemenkeu',
  'DJP',
];

const textArb = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(fc.constantFrom(...WORDS), { maxLength: 60 })
    .chain((ws) =>
      fc.array(fc.constantFrom(' ', '', '  ', '_', '.'), { minLength: ws.length, maxLength: ws.length }).map((seps) => ws.map((w, i) => w + seps[i]).join('')),
    ),
);

function checkRanges(value: string, f: Finding): void {
  const [s, e] = f.range;
  expect(Number.isInteger(s) && Number.isInteger(e)).toBe(true);
  expect(s).toBeGreaterThanOrEqual(0);
  expect(e).toBeLessThanOrEqual(value.length);
  expect(s).toBeLessThan(e);
  // never cut a surrogate pair in half
  const lowAt = (i: number) =>
    i > 0 &&
    i < value.length &&
    value.charCodeAt(i) >= 0xdc00 &&
    value.charCodeAt(i) <= 0xdfff &&
    value.charCodeAt(i - 1) >= 0xd800 &&
    value.charCodeAt(i - 1) <= 0xdbff;
  expect(lowAt(s)).toBe(false);
  expect(lowAt(e)).toBe(false);
  // rules never report rule failures
  expect(f.message.en.startsWith('Rule ')).toBe(false);
}

describe('finding ranges', () => {
  it('post findings slice the original text exactly', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const f of check({ text })) {
          expect(f.field).toBe('text');
          checkRanges(text, f);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('account findings point into their own field', () => {
    fc.assert(
      fc.property(textArb, textArb, textArb, (handle, displayName, bio) => {
        const a: AccountInput = { kind: 'account', handle: handle || 'x', displayName, bio };
        for (const f of check(a)) checkRanges(a[f.field as 'handle' | 'displayName' | 'bio'] ?? '', f);
      }),
      { numRuns: 200 },
    );
  });

  it('token ranges slice the original text and are ordered', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        let prev = 0;
        for (const t of tokenize(text).tokens) {
          expect(text.slice(t.start, t.end)).toBe(t.raw);
          expect(t.start).toBeGreaterThanOrEqual(prev);
          prev = t.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a flagged word keeps its range after an emoji prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('🐕', '😂', '👍🏽', '🇮🇩', 'é', ' '), { maxLength: 20 }), (pre) => {
        const prefix = `${pre.join('')} `;
        const text = `${prefix}goblok`;
        const f = check({ text }).find((x) => x.category === 'abusive');
        expect(f && text.slice(f.range[0], f.range[1])).toBe('goblok');
      }),
      { numRuns: 100 },
    );
  });
});

describe('pathological inputs return', () => {
  const cases: Array<[string, string]> = [
    ['a x 100000', 'a'.repeat(100_000)],
    ['a. x 50000', 'a.'.repeat(50_000)],
    ['# + a x 100000', `#${'a'.repeat(100_000)}`],
    ['digits x 100000', '1'.repeat(100_000)],
    ['digit groups', '12.345 '.repeat(15_000)],
    ['quotes', '"'.repeat(100_000)],
    ['spaced letters', 'a '.repeat(50_000)],
    ['memo-like', 'ND-1/'.repeat(20_000)],
    ['profanity x many', 'anjing '.repeat(15_000)],
    ['emoji', '😂'.repeat(50_000)],
    ['mentions', '@a '.repeat(30_000)],
    ['hashtag words', `#${'dinasrasaliburan'.repeat(6_000)}`],
  ];
  it.each(cases)('%s', (_name, text) => {
    const r = check({ text });
    expect(Array.isArray(r)).toBe(true);
    for (const f of r) checkRanges(text, f);
  });
  it('a 100 KB handle returns', () => {
    expect(Array.isArray(check({ kind: 'account', handle: 'kemenkeu'.repeat(12_500), displayName: 'd'.repeat(100_000) }))).toBe(true);
  });
});

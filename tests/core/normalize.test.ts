/**
 * Normaliser and matcher tests, with words that must NOT match (Scunthorpe):
 * "analisis", "pajaknya", "saat", "maaf", "Jumat", "ke-13", "dj.pamungkas".
 */
import { describe, expect, it } from 'vitest';
import { check, compileList, DEFAULT_POLICY, matchList, normalizeText, normalizeWord, type TermList, tokenize } from '../../src/core/index.js';
import { findInstitutionNames, pieces } from '../../src/core/rules/account-name.js';
import { findings } from './helpers.js';

describe('normalizeWord', () => {
  it.each([
    ['GOBLOOOK', 'goblok'],
    ['anjg', 'anjing'],
    ['gw', 'saya'],
    ['Bangsaaattt', 'bangsat'],
    ['nggaaak', 'tidak'],
    // a slang key that squeezes below three letters maps only as written: "TL" is the timeline, "tll" is "tolol"
    ['tll', 'tolol'],
    ['TL', 'tl'],
    ['tg', 'tg'],
  ])('%s -> %s', (w, n) => expect(normalizeWord(w)).toBe(n));
});

describe('tokenize', () => {
  it('decodes leetspeak but keeps number suffixes', () => {
    const t = tokenize('t0l0l ke-13 pmk81 2024');
    expect(t.tokens.map((x) => x.leet ?? x.norm)).toEqual(['tolol', 'ke', '13', 'pmk81', '2024']);
  });
  it('reads letters masked by asterisks against the vocabulary, but not emphasis or arithmetic', () => {
    const vocabulary = new Set(['bangsat', 'anjing']);
    const t = tokenize('b*ngs*t anj*ng *penting* 5*3', { vocabulary });
    expect(t.tokens.map((x) => [x.raw, x.leet ?? x.norm])).toEqual([
      ['b*ngs*t', 'bangsat'],
      ['anj*ng', 'anjing'],
      ['penting', 'penting'],
      ['5', '5'],
      ['3', '3'],
    ]);
    // without a vocabulary the mask only drops out
    expect(tokenize('k*rupsi').tokens[0]?.norm).toBe('krupsi');
  });
  it('merges spaced-out letters and keeps the original range', () => {
    const text = 'dasar a n j i n g';
    const t = tokenize(text);
    const last = t.tokens[t.tokens.length - 1]!;
    expect(text.slice(last.start, last.end)).toBe('a n j i n g');
    expect(last.norm).toBe('anjing');
  });
  it('normalizeText maps every unit back into the original', () => {
    const text = 'Gw 🐕 b4ngs4t!!';
    const n = normalizeText(text);
    expect(n.map.length).toBe(n.text.length + 1);
    for (const o of n.map) expect(o).toBeGreaterThanOrEqual(0);
    expect(n.map[n.text.length]).toBe(text.length);
  });
});

const SCUNTHORPE = [
  'Analisis APBN semester I',
  'Saat ini realisasi belanja 60%',
  'Mohon maaf lahir dan batin',
  'Jumat berkah, semangat kerja',
  'Gaji ke-13 cair bulan Juni',
  'Pegawai yang senang belajar tentang pajaknya UMKM',
  'Kita semua adalah humas',
  'Assalamualaikum, selamat pagi',
  'Pasar Anyar ramai pembeli',
  'Tasikmalaya dan Pontianak',
  'Bangsa yang besar menghargai pahlawannya',
  'Kebijakan fiskal ekspansif',
  'Kontribusi pajak daerah',
  'Hasil pemeriksaan BPK wajar tanpa pengecualian',
  'Senam pagi bersama di halaman kantor',
  'Jangan lupa sarapan, kata ibu',
];

describe('innocent words do not match', () => {
  it.each(SCUNTHORPE)('%s', (text) => expect(findings(text, undefined, true)).toEqual([]));
  it('dj.pamungkas is not a unit', () => {
    expect(check({ kind: 'account', handle: 'dj.pamungkas', displayName: 'DJ Pamungkas', bio: 'Music producer' })).toEqual([]);
  });
  it('a unit abbreviation buried in a longer word does not match', () => {
    expect(findInstitutionNames(DEFAULT_POLICY, 'budidjpbxyz')).toEqual([]);
    expect(findInstitutionNames(DEFAULT_POLICY, 'kppnambon').map((h) => h.key)).toEqual(['kppn']);
    expect(findInstitutionNames(DEFAULT_POLICY, "Dja'far")).toEqual([]);
  });
  it('handles are cut at separators, digits and camelCase, with leet between letters', () => {
    expect(pieces('KemenkeuRI').map((p) => p.s)).toEqual(['kemenkeu', 'ri']);
    expect(pieces('k3menkeu').map((p) => p.s)).toEqual(['kemenkeu']);
    expect(pieces('djpb_fan99').map((p) => p.s)).toEqual(['djpb', 'fan', '99']);
  });
});

describe('term matcher', () => {
  const list: TermList = {
    id: 't',
    category: 'abusive',
    description: { id: 'x', en: 'x' },
    sources: [{ title: 't' }],
    terms: [{ pattern: 'anjing', unless: ['jalan'] }, { pattern: 'terima kasih apbn' }, { pattern: 'makasih apbn' }, { pattern: 'baju* ketat' }],
  };
  const c = compileList(list);
  it('matches slang, multi-word and prefix patterns with exact ranges', () => {
    const text = 'Makasih APBN, bajunya ketat, anjing!';
    expect(matchList(c, tokenize(text).tokens).map((m) => text.slice(m.range[0], m.range[1]))).toEqual(['Makasih APBN', 'bajunya ketat', 'anjing']);
  });
  it('unless words cancel a match', () => {
    expect(matchList(c, tokenize('ajak anjing jalan').tokens)).toEqual([]);
  });
  it('fails loudly on duplicates and leading gaps', () => {
    expect(() => compileList({ ...list, terms: [{ pattern: 'a b' }, { pattern: 'A  B' }] })).toThrow(/duplicate/);
    expect(() => compileList({ ...list, terms: [{ pattern: '? b' }] })).toThrow(/gap/);
  });
});

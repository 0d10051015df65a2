import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, createChecker, DEFAULT_POLICY } from '../../src/core/index.js';
import { modelRules, parseModel } from '../../src/core/model/index.js';
import { STACKED } from '../../src/ml/stack.js';

const bytes = new Uint8Array(readFileSync('models/bijak-text.model'));
const meta = JSON.parse(readFileSync('models/bijak-text.model.json', 'utf8'));

describe('the shipped model (the learned judge)', () => {
  const model = parseModel(bytes);
  const checker = createChecker(DEFAULT_POLICY, { rules: BUILTIN_RULES, extraRules: modelRules(model) });
  const rulesOnly = createChecker(DEFAULT_POLICY, { rules: BUILTIN_RULES });
  const categories = (text: string) => [
    ...new Set(
      checker
        .check({ text })
        .filter((f) => f.severity !== 'info')
        .map((f) => f.category),
    ),
  ];

  it('is compact, masks identities, judges every content category and matches its metadata', () => {
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    expect(model.features.identity).toBe(true);
    expect(model.stack?.map((s) => s.category).sort()).toEqual([...STACKED].sort());
    expect(meta.bytes).toBe(bytes.length);
    expect(meta.stack).toEqual(model.stack);
    expect(meta.licence).toMatch(/CC BY-NC-SA 4\.0/); // derived from ibrohim-budi-2019 and netifier (pub heads)
  });

  it('adds what the rules miss: hostility and campaigning without a listed phrase, with a confidence and the words that weighed', () => {
    const cases: Array<[string, string]> = [
      ['Kaum itu memang tidak pantas tinggal di sini, usir saja semuanya', 'hate-speech'],
      ['Ayo dukung paslon kita di pilgub nanti, kader partai harus solid', 'partisanship'],
    ];
    for (const [text, cat] of cases) {
      expect(categories(text)).toContain(cat);
      const f = checker.check({ text }).find((x) => x.category === cat);
      if (f?.ruleId.endsWith('/model')) {
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.message.id).toMatch(/«/);
        expect(text.slice(...f.range).trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('withdraws a rule finding it does not support only where the text explains or reports', () => {
    // the guideline's own wording quoted as a reminder stays clean with the judge
    expect(categories('Hindari ujaran kebencian, hoaks dan konten SARA di media sosial, rekan-rekan ASN')).toEqual([]);
    expect(categories('Kami mengecam keras ujaran kebencian terhadap etnis Tionghoa')).toEqual([]);
    // a precise rule is trusted by its measured precision: office greetings around a campaign call do not hide it
    expect(categories('Selamat pagi rekan-rekan. Ayo coblos nomor 2! Semangat.')).toContain('partisanship');
    // an explicit insult the rules find stays found
    expect(rulesOnly.check({ text: 'Anjing lu, goblok banget jadi orang' }).some((f) => f.category === 'abusive')).toBe(true);
    expect(categories('Anjing lu, goblok banget jadi orang')).toContain('abusive');
    // a validated identifier number of another person is a fact, not wording: the judge cannot withdraw it
    const nik = 'Bantuan Rp5 juta sudah cair untuk Siti NIK 3174015505900003 di Jakarta. Pemerintah menyalurkan bantuan tahun 2025.';
    expect(categories(nik)).toContain('personal-data');
  });

  it("adds no personal-data finding where a rule found the number to be the writer's own or an institution's", () => {
    // whatever the head scores: the judge does not add a finding to a category a rule examined and cleared
    for (const text of [
      'Yang jadi beli, transfer ke rekening saya sendiri BRI 1234-01-009876-53-2 a.n. Rahmawati ya, nanti saya kirim.',
      'Bayarnya ke rekeningku aja: BCA 5430118827 a.n. Fajar, bukti transfer kirim japri ya',
      'Infak pembangunan bisa via BSI 7201334556 a.n. Masjid Al-Ikhlas, konfirmasi ke bendahara DKM.',
    ])
      expect(categories(text), text).not.toContain('personal-data');
  });

  it('keeps names out of it: news about a politician is clean, whoever it names', () => {
    for (const name of ['Ahok', 'Prabowo', 'Anies', 'Ganjar', 'Gibran', 'Mbak Dewi', 'Pak Sutrisno'])
      expect(categories(`${name} hari ini ke Surabaya untuk meresmikan jembatan`), name).toEqual([]);
  });

  it('scores ordinary office posts low', () => {
    for (const text of [
      'Selamat pagi rekan-rekan, semangat bekerja hari ini',
      'Menurut rilis resmi Kemenkeu, realisasi pendapatan negara mencapai 80% dari target',
      'Aku isih ngenteni kowe ning stasiun, ojo suwe-suwe yo',
    ]) {
      expect(categories(text), text).toEqual([]);
    }
  });
});

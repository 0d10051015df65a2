import { describe, expect, it } from 'vitest';
import { check, createChecker, DEFAULT_POLICY, type Rule } from '../../src/core/index.js';
import { buildKbIndex, type KbEntry, KbFormatError, kbRule, matchKb, numbersIn, parseKbJsonl, searchKb, termOf, withKb } from '../../src/core/kb/index.js';
import { tokenize } from '../../src/core/normalize/tokenize.js';
import { BUILTIN_RULES } from '../../src/core/rules/index.js';

const E = (id: string, claims: string[], extra: Partial<KbEntry> = {}): KbEntry => ({
  id,
  claims,
  verdict: 'hoaks',
  summary: `Klarifikasi ${id}.`,
  source: { name: 'Badan Uji', url: '' },
  topics: [],
  ...extra,
});

const KB: KbEntry[] = [
  E('thr', ['THR PNS tahun ini ditiadakan karena anggaran negara defisit']),
  E('ppn', ['Tarif PPN naik menjadi 15 persen mulai 1 Januari 2026']),
  E('kontainer', ['Tujuh kontainer surat suara sudah dicoblos ditemukan di Tanjung Priok']),
  E('benar', ['Pendaftaran CPNS dibuka lewat portal SSCASN'], { verdict: 'benar' }),
  E('old', ['Uang kertas seri lama ditarik semua minggu depan'], { expires: '2020-01-01' }),
];
const index = buildKbIndex(KB, { asOf: '2025-06-01' });
const checker = createChecker(DEFAULT_POLICY, { rules: [kbRule(index)] });
const kbFindings = (text: string) => checker.check({ text }).filter((f) => f.ruleId === 'hoax/known');

describe('KB terms', () => {
  it('stems Indonesian affixes and folds synonyms; stop words carry nothing', () => {
    expect(termOf('ditiadakan')).toBe(termOf('tiada'));
    expect(termOf('dibatalkan')).toBe(termOf('dihapus'));
    expect(termOf('pembayaran')).toBe('bayar');
    expect(termOf('pns')).toBe(termOf('asn'));
    expect(termOf('yang')).toBe('');
  });

  it('reads numbers the Indonesian way', () => {
    const v = (s: string) => numbersIn(s).map((n) => n.value);
    expect(v('Rp5.000.000 dan 2,5% serta 50jt, 5 juta, tahun 2025')).toEqual([5_000_000, 2.5, 50_000_000, 5_000_000, 2025]);
    expect(v('PMK81 dan A1')).toEqual([]);
  });
});

describe('KB matching', () => {
  it('a paraphrase with slang is a hoax/known error on the matching sentence, naming the source and clarification', () => {
    const text = 'Selamat pagi semua. Katanya THR PNS thn ini ditiadakan krn anggaran negara defisit!! Sebarkan.';
    const f = kbFindings(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', category: 'hoax' });
    expect(text.slice(...(f[0]?.range as [number, number]))).toBe('Katanya THR PNS thn ini ditiadakan krn anggaran negara defisit!!');
    expect(f[0]?.message.id).toMatch(/diklarifikasi sebagai hoaks oleh Badan Uji/);
    expect(f[0]?.suggestions[0]?.id).toContain('Klarifikasi thr.');
    expect(f[0]?.references).toContain('Badan Uji');
  });

  it('a different number or date is a different claim: at most "mirip"', () => {
    expect(kbFindings('Tarif PPN naik menjadi 15 persen mulai 1 Januari 2026')[0]?.severity).toBe('error');
    const other = kbFindings('Tarif PPN naik menjadi 12 persen mulai 1 Januari 2025');
    expect(other.every((f) => f.severity === 'info')).toBe(true);
    expect(other[0]?.message.id).toMatch(/^Mirip dengan/);
    // words for the number are not read as a disagreement
    expect(kbFindings('Tujuh kontainer surat suara sdh dicoblos ditemukan di Tanjung Priok')[0]?.severity).toBe('error');
  });

  it('a negated claim is not the claim', () => {
    const f = kbFindings('THR PNS tahun ini tidak ditiadakan walau anggaran negara defisit');
    expect(f.every((x) => x.severity !== 'error')).toBe(true);
  });

  it('a debunking draft is not a match (context analysis)', () => {
    expect(kbFindings('Hoaks: THR PNS tahun ini ditiadakan karena anggaran defisit. Cek klarifikasinya.')).toEqual([]);
    expect(kbFindings('Keliru kalau ada yang bilang THR PNS tahun ini ditiadakan karena anggaran negara defisit.')).toEqual([]);
  });

  it('a true-verdict entry, an expired entry and unrelated text give nothing', () => {
    expect(kbFindings('Pendaftaran CPNS dibuka lewat portal SSCASN')).toEqual([]);
    expect(kbFindings('Uang kertas seri lama ditarik semua minggu depan')).toEqual([]);
    expect(kbFindings('Selamat hari raya, mohon maaf lahir dan batin')).toEqual([]);
    expect(searchKb(index, 'Pendaftaran CPNS dibuka lewat portal SSCASN')[0]?.entry.id).toBe('benar');
  });

  it('an empty KB and an empty text are fine', () => {
    const empty = buildKbIndex([]);
    expect(searchKb(empty, 'apa saja')).toEqual([]);
    expect(matchKb(index, '', tokenize(''))).toEqual([]);
  });

  it('withKb keeps the built-in hoax/known list and adds the KB under the same rule id', () => {
    const rules = withKb(BUILTIN_RULES, index);
    expect(rules.map((r) => r.meta.id)).toEqual(BUILTIN_RULES.map((r) => r.meta.id));
    const c = createChecker(DEFAULT_POLICY, { rules });
    const text = 'THR PNS tahun ini ditiadakan karena anggaran negara defisit';
    expect(c.check({ text }).some((f) => f.ruleId === 'hoax/known' && f.message.id.includes('Badan Uji'))).toBe(true);
    // the default checker (no KB) does not know this claim
    expect(check({ text }).some((f) => f.message.id.includes('Badan Uji'))).toBe(false);
  });

  it('a KB match is binding: a later judge that withdraws the hoax findings cannot withdraw it', () => {
    const judge = {
      meta: { id: 'hoax/test-judge', category: 'hoax', severity: 'warning', description: { id: 'uji', en: 'test' }, references: [], appliesTo: ['post'] },
      check(ctx) {
        for (const f of ctx.findings()) if (f.category === 'hoax') ctx.withdraw(f);
      },
    } satisfies Rule;
    const c = createChecker(DEFAULT_POLICY, { rules: withKb(BUILTIN_RULES, index), extraRules: [judge] });
    const text = 'THR PNS tahun ini ditiadakan karena anggaran negara defisit';
    expect(c.check({ text }).filter((f) => f.ruleId === 'hoax/known' && f.message.id.includes('Badan Uji'))).toHaveLength(1);
    // rule findings that are not binding are withdrawn as before
    const chain = 'SEBARKAN SEBELUM DIHAPUS!!! Info dari orang dalam: gaji PNS dipotong bulan depan';
    expect(
      createChecker(DEFAULT_POLICY, { rules: BUILTIN_RULES })
        .check({ text: chain })
        .some((f) => f.category === 'hoax'),
    ).toBe(true);
    expect(
      createChecker(DEFAULT_POLICY, { rules: BUILTIN_RULES, extraRules: [judge] })
        .check({ text: chain })
        .some((f) => f.category === 'hoax'),
    ).toBe(false);
  });

  it('ranges are always inside the text (random noise around a claim)', () => {
    const noise = ['', 'INFO!!! ', 'Pagi.\n', '🙏🙏 ', 'Dari grup sebelah: '];
    for (const a of noise)
      for (const b of noise) {
        const text = `${a}Tujuh kontainer surat suara sudah dicoblos ditemukan di Tanjung Priok${b}`;
        for (const f of kbFindings(text)) {
          expect(f.range[0]).toBeGreaterThanOrEqual(0);
          expect(f.range[1]).toBeLessThanOrEqual(text.length);
          expect(text.slice(...f.range)).toContain('kontainer');
        }
      }
  });
});

describe('KB file format', () => {
  it('names bad lines and fields, and refuses duplicate ids', () => {
    const good = JSON.stringify(E('a', ['Klaim yang cukup panjang di sini']));
    try {
      parseKbJsonl(`${good}\n${good}\n{"id":"b"}\n`);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(KbFormatError);
      const errors = (e as KbFormatError).errors;
      expect(errors.map((x) => x.line)).toEqual([2, 3]);
      expect(errors[0]?.message).toMatch(/duplicate id a/);
      expect(errors[1]?.message).toMatch(/^claims/);
    }
  });
});

describe('KB retrieval shortcuts (issue 9 speed)', () => {
  // a larger KB so that common terms exist (df above the walked limit) and the coverage bound is exercised
  const words = 'anggaran gaji kantor rapat laporan dinas warga jalan sekolah pasar desa kota banjir listrik air beras harga bensin'.split(' ');
  const big: KbEntry[] = [...KB];
  for (let i = 0; i < 400; i++) {
    const ws: string[] = [];
    for (let k = 0; k < 8; k++) ws.push(words[(i * 7 + k * 13 + ((i * k) % 5)) % words.length] as string);
    big.push(E(`gen-${i}`, [`${ws.join(' ')} nomor${i}x`]));
  }
  const ix = buildKbIndex(big, { asOf: '2025-06-01' });
  const known = (t: string) =>
    matchKb(ix, t, tokenize(t))
      .filter((h) => h.decision === 'known')
      .map((h) => h.entry.id);

  it('an ordinary post retrieves nothing, and the scratch reused across many queries does not leak into the next', () => {
    for (let i = 0; i < 300; i++) expect(known(`Selamat pagi semua, rapat koordinasi hari ke-${i} berjalan lancar.`)).toEqual([]);
    expect(known('THR PNS tahun ini ditiadakan karena anggaran negara defisit')).toEqual(['thr']);
    expect(known('Katanya tarif PPN naik jadi 15 persen mulai 1 Januari 2026 lho')).toEqual(['ppn']);
    const g = big[KB.length + 17] as KbEntry;
    expect(known(g.claims[0] as string)).toContain(g.id);
  });

  it('a query longer than the scratch arrays (grown on demand) still matches', () => {
    const noise = Array.from({ length: 120 }, (_, i) => words[i % words.length]).join(' ');
    expect(known(`${noise}. THR PNS tahun ini ditiadakan karena anggaran negara defisit.`)).toEqual(['thr']);
  });
});

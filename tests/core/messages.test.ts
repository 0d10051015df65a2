// Issue 8 item 2: messages that fit the case (own data, donation accounts, bank-account masks) and suggestions that
// carry a fix {range, text} (ESLint-style) that a page or extension can apply.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, type Finding } from '../../src/core/index.js';
import { sentenceAround, sentenceEnds, sentenceOf, tidy } from '../../src/core/rewrites.js';
import { maskNumber } from '../../src/core/rules/personal-data.js';

const pd = (text: string, author?: string) => check({ text, author }).filter((f) => f.category === 'personal-data');
const apply = (text: string, f: Finding) => {
  const fix = f.suggestions.find((s) => s.fix)?.fix;
  if (!fix) throw new Error(`no fix on ${f.ruleId}`);
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
};

describe('own data and donation accounts', () => {
  it('"NIK saya" is the writer\'s own data: info, "are you sure", not "someone else\'s data"', () => {
    const [f] = pd('NIK saya 3174015505900003, tolong bantu cek ya');
    expect(f?.severity).toBe('info');
    expect(f?.message.id).toMatch(/NIK Anda sendiri/);
    expect(f?.message.id).not.toMatch(/orang lain tidak boleh/);
  });
  it('someone else\'s number stays an error: "NIK ibu saya", a third person before "saya", a plain NIK', () => {
    expect(pd('NIK ibu saya 3174015505900003 belum terdaftar')[0]?.severity).toBe('error');
    expect(pd('Ini no HP bapak yang nabrak motor saya tadi: 0812-3456-7890, tolong diviralkan')[0]?.severity).toBe('error');
    expect(pd('Tolong cek pengaduan atas nama Siti NIK 3174015505900003 ya')[0]?.severity).toBe('error');
  });
  it("a donation account a.n. the writer (first person or the writer's name) is info; a.n. someone else stays an error", () => {
    const appeal = 'Yuk bantu donasi untuk korban banjir, transfer ke rek BCA 1234567890 a.n. Siti Rahmawati';
    const own = pd(appeal, 'Siti Rahmawati');
    expect(own[0]?.severity).toBe('info');
    expect(own[0]?.message.id).toMatch(/Rekening donasi atas nama Anda sendiri/);
    expect(pd(appeal, 'Agus Pratama')[0]?.severity).toBe('error');
    expect(pd(appeal)[0]?.severity).toBe('error');
    expect(pd('Donasi ke rek BCA 1234567890 a.n. saya ya, terima kasih')[0]?.severity).toBe('info');
    expect(pd('Mohon bantuan transfer donasi ke rek BCA 5270123456 a.n. Siti Rahma, beliau ibu dari rekan kami')[0]?.severity).toBe('error');
  });
  it('the owner stressed a few words before the number, in Indonesian or a regional language, or with "-ku", is the writer', () => {
    expect(pd('Uang arisan transfer ke rekening aku sendiri BRI 0123-01-045678-50-1 ya')[0]?.severity).toBe('info');
    expect(pd('Bayarnya ke rekeningku aja: BCA 5430118827, makasih')[0]?.severity).toBe('info');
    expect(pd('Kagem arisan, rekening kula piyambak BRI 0123-01-045678-50-1 nggih')[0]?.severity).toBe('info');
    expect(pd('Konfirmasi ke bendahara (saya sendiri), rek BCA 5430118827 ya')[0]?.severity).toBe('info');
    expect(pd('Transfer ke BRI 0342-01-022718-50-3 a.n. Rina Putri (saya sendiri) ya kak')[0]?.severity).toBe('info');
    // a third person in the window still makes it someone else's
    expect(pd('Ini rekening ibu saya sendiri BRI 0123-01-045678-50-1, tolong dicek')[0]?.severity).toBe('error');
  });
  it("an institution's account (a.n. a mosque, a foundation) is no person's data; a person's account stays an error", () => {
    expect(pd('Infak pembangunan via BSI 7201334556 a.n. Masjid Al-Ikhlas Perum Indah')).toEqual([]);
    expect(pd('Sumbangan ke BNI 0123456789 a.n. Yayasan Peduli Anak')).toEqual([]);
    expect(pd('Sumbangan ke BNI 0123456789 a.n. Budi Santoso')[0]?.severity).toBe('error');
  });
  it('one digit repeated is a format placeholder, not a number', () => {
    expect(pd('Format NPWP lama 15 digit: 99.999.999.9-999.999')).toEqual([]);
    expect(pd('NPWP si Budi 01.234.567.8-901.000')[0]?.severity).toBe('error');
  });
});

describe('masks that look like the number they hide', () => {
  it('a bank account keeps its last 4 digits and its shape, a NIK its first and last 4, a phone its head and tail', () => {
    expect(maskNumber('1234567890', 'account')).toBe('******7890');
    expect(maskNumber('1234-567-890', 'account')).toBe('****-**7-890');
    expect(maskNumber('3174015505900003', 'id')).toBe('3174********0003');
    expect(maskNumber('0812-3456-7890', 'phone')).toBe('0812-****-*890');
  });
  it("the account finding offers the account mask as a fix on the number's range", () => {
    const text = 'transfer ke rek BCA 1234567890 punya Budi';
    const [f] = pd(text);
    const sg = f?.suggestions.find((s) => s.fix);
    expect(sg?.fix).toEqual({ range: [20, 30], text: '******7890' });
    expect(sg?.id).toContain('nomor rekening');
    expect(sg?.id).not.toMatch(/3174/);
    expect(apply(text, f as Finding)).toBe('transfer ke rek BCA ******7890 punya Budi');
    expect(pd(apply(text, f as Finding))).toEqual([]);
  });
});

describe('rewritten sentences as fixes', () => {
  it('offers neutral civic wording for a campaign call, with the range of the sentence it replaces', () => {
    const text = 'Selamat pagi. Ayo coblos nomor 2! Semangat.';
    const f = check({ text }).find((x) => x.ruleId === 'partisanship/campaign-call') as Finding;
    const fix = f.suggestions.find((s) => s.fix)?.fix;
    expect(text.slice(fix!.range[0], fix!.range[1])).toBe('Ayo coblos nomor 2!');
    expect(fix!.text).toBe('Ayo gunakan hak pilih Anda!');
    const after = apply(text, f);
    expect(after).toBe('Selamat pagi. Ayo gunakan hak pilih Anda! Semangat.');
    expect(check({ text: after }).filter((x) => x.category === 'partisanship')).toEqual([]);
  });
  it('softens an insult and takes the luxury out of a trip post; the fixed text no longer has those findings', () => {
    const insult = 'Dasar anjing kalian semua, goblok! Rapat jam 9.';
    const f = check({ text: insult }).find((x) => x.category === 'abusive') as Finding;
    const fixed = apply(insult, f);
    expect(fixed).toBe('Dasar kalian semua! Rapat jam 9.');
    expect(check({ text: fixed }).filter((x) => x.ruleId === 'abusive/profanity')).toEqual([]);
    const trip = 'Perjalanan dinas ke Bali, nginep di resort mewah bintang 5, tas Hermes baru dong. Rapat besok pagi.';
    const g = check({ text: trip }).find((x) => x.ruleId === 'extravagance/luxury') as Finding;
    const t2 = apply(trip, g);
    expect(t2).toContain('Rapat besok pagi.');
    expect(t2).not.toContain('Hermes');
    expect(check({ text: t2 }).filter((x) => x.category === 'extravagance')).toEqual([]);
  });
  it('every fix range lies inside the field (the one position convention)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Ayo coblos nomor 2', 'anjing', 'tas Hermes', 'dinas rasa liburan', 'NIK 3174015505900003', 'rapat', '.', '!', '\n', ' '), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.join(' ');
          for (const f of check({ text }))
            for (const s of f.suggestions)
              if (s.fix) {
                expect(s.fix.range[0]).toBeGreaterThanOrEqual(0);
                expect(s.fix.range[1]).toBeLessThanOrEqual(text.length);
                expect(s.fix.range[0]).toBeLessThanOrEqual(s.fix.range[1]);
                expect(s.fix.range[0]).toBeLessThanOrEqual(f.range[0]);
                expect(s.fix.range[1]).toBeGreaterThanOrEqual(f.range[1]);
              }
        },
      ),
      { numRuns: 150 },
    );
  });
  it('finds sentences the same way with and without the precomputed ends', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '.', '!', '\n', 'b'), maxLength: 60 }), fc.nat(), fc.nat(), (text, x, y) => {
        if (text.length === 0) return;
        const s = x % text.length;
        const e = s + (y % (text.length - s + 1));
        expect(sentenceOf(text, sentenceEnds(text), s, e)).toEqual(sentenceAround(text, s, e));
      }),
    );
    expect(tidy('Dasar  kalian semua , !')).toBe('Dasar kalian semua!');
  });
});

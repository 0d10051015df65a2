/**
 * personal-data: identity numbers (NIK, NPWP, KK, NIP, passport), bank
 * account and card numbers, and a citizen's phone number. Numbers are found
 * by one linear scan over the characters; each is classified by its length,
 * its internal structure (region code and birth date of a NIK, birth date and
 * appointment month of a NIP, the Luhn check of a card) and the words before
 * it. Hotlines, billing codes, NTPN and invoice numbers are not personal data.
 */
import type { Rule, RuleContext } from '../engine.js';
import type { Token } from '../normalize/tokenize.js';
import { steps } from '../steps.js';
import { isWord, L, personTargets, within, wordSet } from './util.js';

const REFS = ['UU PDP 27/2022', 'UU KUP Pasal 34'];
const MASK = L(
  'Samarkan nomornya (mis. 3174********0003) atau kirim lewat kanal resmi yang aman, bukan di media sosial.',
  'Mask the number (e.g. 3174********0003) or send it through a secure official channel, not social media.',
);

/** A run of digits with single separators inside ("01.234.567.8-901.000", "4111 1111 1111 1111"). */
export interface DigitRun {
  start: number;
  end: number;
  digits: string;
  /** Lengths of the digit groups between separators. */
  groups: number[];
  /** The separators used, in order. */
  seps: string;
}

/**
 * Finds digit runs in one pass; a run is cut at 24 digits so pathological inputs stay linear. Runs of fewer
 * than `minDigits` digits are not returned (no object per "1" of a text made of "1/2/1/2...").
 */
export function digitRuns(text: string, minDigits = 1): DigitRun[] {
  const out: DigitRun[] = [];
  const n = text.length;
  let i = 0;
  const isD = (k: number) => {
    const c = text.charCodeAt(k);
    return c >= 48 && c <= 57;
  };
  while (i < n) {
    if (!isD(i)) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    const groups: number[] = [];
    let seps = '';
    let g = 0;
    let j = i;
    while (j < n) {
      if (isD(j)) {
        digits += text[j];
        g++;
        j++;
        if (digits.length > 24) break;
        continue;
      }
      const c = text[j];
      if ((c === ' ' || c === '.' || c === '-') && j + 1 < n && isD(j + 1)) {
        groups.push(g);
        g = 0;
        seps += c;
        j++;
        continue;
      }
      break;
    }
    groups.push(g);
    // skip the rest of an over-long run
    while (j < n && isD(j)) j++;
    if (digits.length >= minDigits) out.push({ start, end: j, digits, groups, seps });
    if (steps.on) steps.n += j - start;
    i = j;
  }
  return out;
}

/** Province codes of Indonesia (first two digits of a NIK). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
]);

/** Whether 16 digits look like a NIK: region code, birth day (01-31, or 41-71 for women), month 01-12. */
export function plausibleNik(d: string): boolean {
  if (d.length !== 16) return false;
  const prov = Number(d.slice(0, 2));
  const day = Number(d.slice(6, 8));
  const month = Number(d.slice(8, 10));
  if (!PROVINCES.has(prov)) return false;
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  if (month < 1 || month > 12) return false;
  return d.slice(12) !== '0000';
}

/** Whether 18 digits look like a NIP: birth date YYYYMMDD, appointment YYYYMM, sex digit 1/2, serial. */
export function plausibleNip(d: string): boolean {
  if (d.length !== 18) return false;
  const by = Number(d.slice(0, 4));
  const bm = Number(d.slice(4, 6));
  const bd = Number(d.slice(6, 8));
  const ty = Number(d.slice(8, 12));
  const tm = Number(d.slice(12, 14));
  const sex = d[14];
  if (by < 1940 || by > 2010 || bm < 1 || bm > 12 || bd < 1 || bd > 31) return false;
  if (ty < by + 17 || ty > 2040 || tm < 1 || tm > 12) return false;
  return sex === '1' || sex === '2';
}

/** Luhn checksum of a card number. */
export function luhn(d: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let x = d.charCodeAt(i) - 48;
    if (dbl) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

const EXCLUDE = wordSet([
  'billing',
  'ntpn',
  'invoice',
  'faktur',
  'resi',
  'pesanan',
  'order',
  'tiket',
  'booking',
  'voucher',
  'kode',
  'referensi',
  'ref',
  'transaksi',
  'va',
  'virtual',
  'hotline',
  'center',
  'sk',
]);
const NIK_CTX = wordSet(['nik', 'ktp', 'kependudukan', 'e-ktp', 'ektp']);
const NPWP_CTX = wordSet(['npwp']);
const KK_CTX = wordSet(['kk', 'keluarga']);
const CARD_CTX = wordSet(['kartu', 'kredit', 'debit', 'cc', 'visa', 'mastercard', 'card', 'atm', 'cvv']);
const ACCOUNT_CTX = wordSet([
  'rekening',
  'rek',
  'norek',
  'bca',
  'bri',
  'bni',
  'mandiri',
  'bsi',
  'cimb',
  'danamon',
  'permata',
  'btn',
  'bjb',
  'jenius',
  'seabank',
  'transfer',
  'tf',
]);
const PASSPORT_CTX = wordSet(['paspor', 'passport']);
const NIP_CTX = wordSet(['nip']);
const PHONE_CTX = wordSet([
  'hp',
  'hpnya',
  'wa',
  'wanya',
  'whatsapp',
  'telp',
  'telepon',
  'nomornya',
  'nomor',
  'no',
  'kontak',
  'kontaknya',
  'hubungi',
  'telpon',
  'nohp',
]);
const THIRD_PARTY = wordSet([
  'wajib',
  'wp',
  'nasabah',
  'warga',
  'pelapor',
  'debitur',
  'beliau',
  'dia',
  'pemohon',
  'peserta',
  'atas',
  'pasien',
  'korban',
  'tetangga',
  'bapak',
  'ibu',
  'orang',
  'pelaku',
  'penipu',
  'pengemudi',
  'sopir',
  'pemilik',
  'cewek',
  'cowok',
  'pria',
  'wanita',
  'temen',
  'teman',
  'klien',
]);

/**
 * Up to `count` word tokens before token `idx`, same sentence, looking at most `3 * count + 10` tokens back:
 * without that bound a sentence of numbers only ("1.1.1...", no word to stop at) was scanned back to its start
 * for every digit run, quadratic in the text.
 */
function wordsBefore(toks: Token[], idx: number, count: number): Token[] {
  const out: Token[] = [];
  const s = toks[idx]?.sentence;
  const stop = Math.max(0, idx - (3 * count + 10));
  for (let k = idx - 1; k >= stop && out.length < count; k--) {
    if (steps.on) steps.n++;
    const t = toks[k] as Token;
    if (t.sentence !== s) break;
    if (t.kind === 'word') out.push(t);
  }
  return out;
}

function has(words: Token[], set: ReadonlySet<string>): boolean {
  return words.some((w) => isWord(w, set));
}

function thirdParty(ctx: RuleContext, before: Token[], sentence: number, idx: number): boolean {
  if (before.some((w) => w.norm.endsWith('nya') && w.norm.length > 4) || has(before, THIRD_PARTY)) return true;
  const toks = ctx.tok.tokens;
  // the owner may be named earlier in the sentence ("Bapak WP yang marah tadi alamatnya ..., no HP 08...")
  if (has(wordsBefore(toks, idx, 20), THIRD_PARTY)) return true;
  return within(personTargets(ctx), idx - 40, idx + 40).some((p) => p.kind !== 'second-person' && toks[p.first]?.sentence === sentence);
}

type Kind = { id: string; en: string };
const K = {
  nik: { id: 'NIK', en: 'national ID number (NIK)' },
  npwp: { id: 'NPWP', en: 'tax ID number (NPWP)' },
  kk: { id: 'nomor KK', en: 'family-card number (KK)' },
  card: { id: 'nomor kartu', en: 'card number' },
  account: { id: 'nomor rekening', en: 'bank account number' },
  nip: { id: 'NIP', en: 'civil-servant ID number (NIP)' },
  passport: { id: 'nomor paspor', en: 'passport number' },
  phone: { id: 'nomor telepon', en: 'phone number' },
} satisfies Record<string, Kind>;

function classify(ctx: RuleContext, r: DigitRun, idx: number): Kind | undefined {
  const toks = ctx.tok.tokens;
  const before = wordsBefore(toks, idx, 6);
  const near = before.slice(0, 3);
  if (has(near, EXCLUDE)) return undefined;
  const len = r.digits.length;
  // NPWP in its printed format 99.999.999.9-999.999 is unambiguous
  if (len === 15 && r.groups.join(',') === '2,3,3,1,3,3') return K.npwp;
  if (len === 16) {
    if (has(before, KK_CTX)) return K.kk;
    if (has(before, NPWP_CTX)) return K.npwp;
    if (has(before, CARD_CTX) && luhn(r.digits)) return K.card;
    if (has(before, ACCOUNT_CTX)) return K.account;
    if (plausibleNik(r.digits)) return K.nik;
    if (r.groups.join(',') === '4,4,4,4' && (luhn(r.digits) || has(before, CARD_CTX))) return K.card;
    return has(before, NIK_CTX) ? K.nik : undefined;
  }
  if (len === 15 && has(before, NPWP_CTX)) return K.npwp;
  if (len === 18 && plausibleNip(r.digits)) return K.nip;
  if (len === 18 && has(before, NIP_CTX)) return K.nip;
  if (len >= 13 && len <= 19 && has(before, CARD_CTX) && luhn(r.digits)) return K.card;
  // phone numbers: 08..., 628..., +628...
  const plus = r.start > 0 && ctx.text[r.start - 1] === '+';
  if ((r.digits.startsWith('08') || (r.digits.startsWith('628') && (plus || has(before, PHONE_CTX)))) && len >= 10 && len <= 14) {
    if (has(before, ACCOUNT_CTX)) return K.account;
    return thirdParty(ctx, before, toks[idx]?.sentence as number, idx) ? K.phone : undefined;
  }
  if (len >= 8 && len <= 16 && has(before, ACCOUNT_CTX)) return K.account;
  return undefined;
}

/** personal-data/identifiers: identity, account, card and phone numbers of a person. */
export const identifiers: Rule = {
  meta: {
    id: 'personal-data/identifiers',
    category: 'personal-data',
    severity: 'error',
    description: L(
      'Nomor identitas orang lain: NIK, NPWP, KK, NIP, paspor, nomor rekening atau kartu, nomor telepon warga/wajib pajak. Nomor layanan (1500200), kode billing, NTPN dan nomor faktur tidak ditandai.',
      "Another person's identifiers: NIK, NPWP, family card, NIP, passport, bank account or card, a citizen's phone. Hotlines, billing codes, NTPN and invoice numbers are not flagged.",
    ),
    references: REFS,
    appliesTo: ['post'],
    examples: {
      valid: ['Call center kami di 1500200 siap melayani', 'Kode billing 123456789012345 berlaku 7 hari'],
      invalid: ['NIK 3174015505900003 atas nama Siti', 'NPWP 01.234.567.8-901.000', 'transfer ke rek BCA 1234567890'],
    },
  },
  check(ctx) {
    const runs = digitRuns(ctx.text, 8);
    // no early return when there is no long run: the passport check below needs none
    const toks = ctx.tok.tokens;
    let ti = 0;
    for (const r of runs) {
      if (r.digits.length < 8) continue;
      while (ti < toks.length && (toks[ti] as Token).end <= r.start) ti++;
      if (ti >= toks.length) break;
      const kind = classify(ctx, r, ti);
      if (!kind) continue;
      ctx.report({
        range: [r.start, r.end],
        message: L(
          `Ini tampaknya ${kind.id} seseorang. Data pribadi orang lain tidak boleh diunggah.`,
          `This looks like someone's ${kind.en}. Another person's personal data must not be posted.`,
        ),
        suggestions: [MASK],
      });
    }
    // passports: one letter and seven digits after "paspor"
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (!isWord(t, PASSPORT_CTX)) continue;
      for (let k = i + 1; k <= i + 5 && k < toks.length; k++) {
        const u = toks[k] as Token;
        const raw = u.raw;
        if (raw.length === 8 && /^[A-Za-z][0-9]{7}$/.test(raw)) {
          ctx.report({
            range: [u.start, u.end],
            message: L('Ini tampaknya nomor paspor seseorang.', "This looks like someone's passport number."),
            suggestions: [MASK],
          });
          break;
        }
      }
    }
  },
};

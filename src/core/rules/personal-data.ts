/**
 * personal-data: identity numbers (NIK, NPWP, KK, NIP, passport), bank
 * account and card numbers, and a citizen's phone number. Numbers are found
 * by one linear scan over the characters; each is classified by its length,
 * its internal structure (region code and birth date of a NIK, birth date and
 * appointment month of a NIP, the Luhn check of a card) and the words before
 * it. Hotlines, billing codes, NTPN and invoice numbers are not personal data.
 */

import {
  ACCOUNT_CONTEXT,
  CARD_CONTEXT,
  KK_CONTEXT,
  NIK_CONTEXT,
  NIP_CONTEXT,
  NOT_PERSONAL,
  NPWP_CONTEXT,
  PASSPORT_CONTEXT,
  PHONE_CONTEXT,
  THIRD_PARTY as THIRD_PARTY_LIST,
} from '../data/personal-data.js';
import { DONATION, FIRST_PERSON, INSTITUTION_OWNERS, OWNER_ID_WORDS, OWNER_LISTS, OWNER_MARKERS, SELF } from '../data/personal-data-owner.js';
import { refs } from '../data/references.js';
import type { Rule, RuleContext } from '../engine.js';
import type { Token } from '../normalize/tokenize.js';
import { steps } from '../steps.js';
import type { Suggestion } from '../types.js';
import { isWord, L, listWords, personTargets, within } from './util.js';

const REFS = refs('PDP', 'KUP34');
const MASK = L(
  'Samarkan nomornya (mis. 3174********0003) atau kirim lewat kanal resmi yang aman, bukan di media sosial.',
  'Mask the number (e.g. 3174********0003) or send it through a secure official channel, not social media.',
);

const OWN = listWords(FIRST_PERSON);
const OWNER_MARK = listWords(OWNER_MARKERS);
const DONATE = listWords(DONATION);
const ID_CONTEXT = listWords(OWNER_ID_WORDS);
const SELF_WORDS = listWords(SELF);
const INSTITUTION = listWords(INSTITUTION_OWNERS);

/**
 * Whether the words before a number (nearest first) say it is the writer's: within four words, a word naming a number
 * followed by a first-person word ("rekening aku sendiri BRI ...") or carrying the first-person suffix ("rekeningku"),
 * or a first-person word stressed by "sendiri" ("bendahara (saya sendiri) di 0812...").
 */
function ownWindow(before: Token[]): boolean {
  const w = before.slice(0, 4);
  for (let k = 0; k < w.length; k++) {
    const t = w[k] as Token;
    if (t.norm.length > 4 && t.norm.endsWith('ku') && ID_CONTEXT.has(t.norm.slice(0, -2))) return true;
    if (!isWord(t, OWN)) continue;
    if (isWord(w[k + 1], ID_CONTEXT) || isWord(w[k - 1], SELF_WORDS)) return true;
  }
  return false;
}

/**
 * The number masked so it keeps its shape (separators, length): an account keeps its last 4 digits ("******7890"), a
 * phone its first 4 and last 3 ("0812*****890"), a NIK, NPWP, KK, NIP or card its first 4 and last 4.
 */
export function maskNumber(raw: string, kind: 'account' | 'phone' | 'id'): string {
  const total = (raw.match(/\d/g) ?? []).length;
  const keepHead = kind === 'account' ? 0 : 4;
  const keepTail = kind === 'phone' ? 3 : 4;
  let seen = 0;
  let out = '';
  for (const c of raw) {
    if (c >= '0' && c <= '9') {
      out += seen < keepHead || seen >= total - keepTail ? c : '*';
      seen++;
    } else out += c;
  }
  return out;
}

function maskSuggestion(raw: string, range: [number, number], kind: Kind): Suggestion {
  const masked = maskNumber(raw, kind === K.account ? 'account' : kind === K.phone ? 'phone' : 'id');
  return {
    id: `Samarkan ${kind.id} menjadi ${masked}, atau kirim lewat kanal resmi yang aman, bukan di media sosial.`,
    en: `Mask the ${kind.en} as ${masked}, or send it through a secure official channel, not social media.`,
    fix: { range, text: masked },
  };
}

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

/** The next digit of a text (from `lastIndex`): the regular expression engine skips the text between runs. */
const NEXT_DIGIT = /[0-9]/g;

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
    NEXT_DIGIT.lastIndex = i;
    if (!NEXT_DIGIT.test(text)) break;
    i = NEXT_DIGIT.lastIndex - 1;
    const start = i;
    // where the run ends (digits, and one separator between two digits) and how many digits it has
    let nd = 0;
    let j = i;
    while (j < n) {
      if (isD(j)) {
        nd++;
        j++;
        if (nd > 24) break;
        continue;
      }
      const c = text.charCodeAt(j);
      if ((c === 32 || c === 46 || c === 45) && j + 1 < n && isD(j + 1)) {
        j++;
        continue;
      }
      break;
    }
    const cut = j;
    // skip the rest of an over-long run
    while (j < n && isD(j)) j++;
    if (nd >= minDigits) {
      // the kept run's digits, its groups' sizes and its separators (a second walk, only for the runs returned)
      let digits = '';
      const groups: number[] = [];
      let seps = '';
      let g = 0;
      for (let k = start; k < cut; k++) {
        if (isD(k)) {
          digits += text[k];
          g++;
        } else {
          groups.push(g);
          g = 0;
          seps += text[k];
        }
      }
      groups.push(g);
      out.push({ start, end: j, digits, groups, seps });
    }
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

const EXCLUDE = listWords(NOT_PERSONAL);
const NIK_CTX = listWords(NIK_CONTEXT);
const NPWP_CTX = listWords(NPWP_CONTEXT);
const KK_CTX = listWords(KK_CONTEXT);
const CARD_CTX = listWords(CARD_CONTEXT);
const ACCOUNT_CTX = listWords(ACCOUNT_CONTEXT);
const PASSPORT_CTX = listWords(PASSPORT_CONTEXT);
const NIP_CTX = listWords(NIP_CONTEXT);
const PHONE_CTX = listWords(PHONE_CONTEXT);
const THIRD_PARTY = listWords(THIRD_PARTY_LIST);

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

/** Word tokens after a token index (at most `count`), same sentence. */
function wordsAfter(toks: Token[], idx: number, count: number, crossSentence = false): Token[] {
  const out: Token[] = [];
  const s = toks[idx]?.sentence;
  for (let k = idx + 1; k < toks.length && out.length < count; k++) {
    const t = toks[k] as Token;
    if (t.sentence !== s && !crossSentence) break;
    if (t.kind === 'word') out.push(t);
  }
  return out;
}

/**
 * Whose number: `own` when a first-person word stands right before it ("NIK saya 3174...", "rek saya BCA 123...") with
 * no third person nearby ("NIK ibu saya" is someone else's), or when the owner named after it ("a.n. saya", "a.n.
 * <the writer's name>") is the writer; else `other`. `donation` tells whether the text is a donation appeal.
 */
function ownerOf(ctx: RuleContext, r: DigitRun, idx: number): { owner: 'own' | 'other' | 'institution'; donation: boolean } {
  const toks = ctx.tok.tokens;
  const donation = toks.some((t) => isWord(t, DONATE));
  const before = wordsBefore(toks, idx, 6);
  const near = before.slice(0, 3);
  // "NIK saya 3174...": the first-person word right before the number; "rek saya BCA 123...": before one word (a bank)
  const ownNear = isWord(near[0], OWN) || (isWord(near[1], OWN) && isWord(near[2], ID_CONTEXT)) || ownWindow(before);
  if (ownNear && !before.some((w) => isWord(w, THIRD_PARTY) && w.norm !== 'atas')) return { owner: 'own', donation };
  let last = idx;
  while (last + 1 < toks.length && (toks[last + 1] as Token).start < r.end) last++;
  // "a.n. saya" / "atas nama Siti Rahmawati": the owner named right after the number (the tokenizer ends a sentence
  // at the dots of "a.n.", so this look-ahead of 6 words crosses sentences)
  const after = wordsAfter(toks, last, 6, true).map((w) => w.norm);
  let named: string[] = [];
  if (after[0] === 'a' && after[1] === 'n') named = after.slice(2);
  else if (after[0] === 'atas' && after[1] === 'nama') named = after.slice(2);
  else if (after[0] !== undefined && OWNER_MARK.has(after[0])) named = after.slice(1);
  if (named.length > 0) {
    if (OWN.has(named[0] as string)) return { owner: 'own', donation };
    if (INSTITUTION.has(named[0] as string)) return { owner: 'institution', donation };
    // "a.n. Rahmawati Putri (saya sendiri)": the named owner is the writer
    for (let k = 1; k + 1 < named.length; k++) if (OWN.has(named[k] as string) && SELF_WORDS.has(named[k + 1] as string)) return { owner: 'own', donation };
    const input = ctx.input as { author?: string };
    const author = (input.author ?? '')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 2);
    // the writer's full name (every word of it, in order) follows the marker
    if (author.length > 0 && author.every((w, i) => named[i] === w)) return { owner: 'own', donation };
  }
  return { owner: 'other', donation };
}

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
    vocabulary: [
      NIK_CONTEXT,
      NPWP_CONTEXT,
      KK_CONTEXT,
      NIP_CONTEXT,
      PASSPORT_CONTEXT,
      CARD_CONTEXT,
      ACCOUNT_CONTEXT,
      PHONE_CONTEXT,
      NOT_PERSONAL,
      THIRD_PARTY_LIST,
      ...OWNER_LISTS,
    ],
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
      // one digit repeated ("99.999.999.9-999.999") is a format's placeholder, nobody's number
      if (/^(\d)\1+$/.test(r.digits)) continue;
      while (ti < toks.length && (toks[ti] as Token).end <= r.start) ti++;
      if (ti >= toks.length) break;
      const kind = classify(ctx, r, ti);
      if (!kind) continue;
      const range: [number, number] = [r.start, r.end];
      const mask = maskSuggestion(ctx.text.slice(r.start, r.end), range, kind);
      const { owner, donation } = ownerOf(ctx, r, ti);
      // an institution's account (a mosque's, a foundation's) is published on purpose and is no person's data
      if (owner === 'institution' && kind === K.account) {
        ctx.clear('personal-data');
        continue;
      }
      if (owner === 'own') {
        ctx.report({
          range,
          severity: 'info',
          clears: true,
          message:
            donation && kind === K.account
              ? L(
                  'Rekening donasi atas nama Anda sendiri: bukan data orang lain. Pastikan penggalangan dananya sah dan cantumkan pertanggungjawabannya.',
                  'A donation account in your own name: not someone else’s data. Make sure the fundraising is lawful and say how the funds will be accounted for.',
                )
              : L(
                  `Anda membagikan ${kind.id} Anda sendiri. Yakin? Data ini bisa disalahgunakan orang lain (penipuan, pinjol).`,
                  `You are sharing your own ${kind.en}. Are you sure? Others can misuse it (fraud, online loans).`,
                ),
          suggestions: donation && kind === K.account ? [] : [mask],
        });
        continue;
      }
      ctx.report({
        range,
        // a validated number format is a fact about the text, not a judgement of its wording: the judge keeps it
        binding: true,
        message: L(
          `Ini tampaknya ${kind.id} seseorang. Data pribadi orang lain tidak boleh diunggah.`,
          `This looks like someone's ${kind.en}. Another person's personal data must not be posted.`,
        ),
        suggestions: [mask],
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
            binding: true,
            message: L('Ini tampaknya nomor paspor seseorang.', "This looks like someone's passport number."),
            suggestions: [MASK],
          });
          break;
        }
      }
    }
  },
};

/**
 * What the KB matcher compares: index terms (the core's normalised tokens,
 * stop words dropped, Indonesian stems from the Snowball stemmer of
 * @orama/stemmers, a few synonyms folded), numbers with their values, and
 * character 4-grams of the normalised word string for near-copies.
 *
 * The vocabulary here (stop words, synonyms) is data with a source note.
 */
import { stemmer } from '@orama/stemmers/indonesian';
import type { Token } from '../normalize/tokenize.js';
import { wordMemo } from '../normalize/tokenize.js';

/**
 * Function words that carry no claim. Source: the project's list of the most
 * frequent Indonesian function words (conjunctions, prepositions, pronouns,
 * particles, fillers of chat), in the spirit of Tala (2003) "A Study of
 * Stemming Effects on Information Retrieval in Bahasa Indonesia"; kept short
 * on purpose: negations ("tidak", "bukan") and time words ("mulai", "tahun")
 * are NOT stop words, since they change a claim.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'yang dan di ke dari ini itu untuk dengan pada adalah akan juga atau oleh karena sebagai dalam para ada ' +
    'saya aku kamu anda kita kami mereka dia ia beliau gue gw lu lo loe nya ya yah sih deh dong kok kan lah pun nih tuh ' +
    'si sang bagi agar supaya jika kalau kalo bila maka lalu kemudian serta namun tetapi tapi sudah telah sedang masih ' +
    'bisa dapat harus mau ingin hanya saja pula lagi sangat lebih paling banyak semua setiap tiap apa siapa mana ' +
    'bahwa yaitu yakni tersebut hal begitu begini gitu gini aja doang banget bgt wkwk wkwkwk hehe haha loh lho kah ' +
    'info infonya berita kabar sebarkan bagikan share viral grup teman teman2 kawan guys gaes sahabat mohon tolong'
  ).split(' '),
);

/**
 * Words written differently for one thing in clarified hoaxes (abbreviation
 * and full form, formal and common word), folded to one term. Source: the
 * project, from the wordings of published clarifications (e.g. "PNS" and
 * "ASN" are used interchangeably for civil servants in hoaxes about pay).
 * Applied after stemming.
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  pns: 'asn',
  aparatur: 'asn',
  gawa: 'asn', // "pegawai" stems to "gawa"
  rekening: 'tabung',
  tabung: 'tabung',
  duit: 'uang',
  dana: 'uang',
  djp: 'pajak',
  djbc: 'cukai',
  bea: 'cukai',
  kemenkeu: 'menkeu',
  hapus: 'tiada',
  batal: 'tiada',
  hilang: 'tiada',
  stop: 'henti',
  cair: 'bayar',
  blokir: 'blokir',
  bekukan: 'blokir',
  beku: 'blokir',
  tarik: 'tarik',
  sembako: 'sembako',
  bpjs: 'bpjs',
  pilpres: 'pemilu',
  pileg: 'pemilu',
  pilkada: 'pemilu',
  coblos: 'pilih',
  contreng: 'pilih',
  thr: 'thr',
  hp: 'ponsel',
  handphone: 'ponsel',
  gawai: 'ponsel',
};

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 100_000;
const memoOwner = {};

/** The index term of a normalised word, or '' for a stop word. Memoised. */
export function termOf(norm: string): string {
  let t = stemCache.get(norm);
  if (t !== undefined) return t;
  if (STOP_WORDS.has(norm) || norm.length < 2) t = '';
  else {
    const s = norm.length > 3 && /^[a-z]+$/.test(norm) ? stemmer(norm) : norm;
    t = SYNONYMS[s] ?? s;
    if (STOP_WORDS.has(t)) t = '';
  }
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(norm, t);
  return t;
}

/** The word {@link tokenTerm} is computing (a static callback, so the memo needs no closure per token). */
let memoNorm = '';
const termOfMemoNorm = () => termOf(memoNorm);

/** The index term of a token ('' when it carries no claim): words only; numbers are compared by value. */
export function tokenTerm(t: Token): string {
  if (t.kind !== 'word') return '';
  const norm = t.leet ?? t.norm;
  if (t.forms) {
    memoNorm = norm;
    return wordMemo(t.forms, memoOwner, termOfMemoNorm);
  }
  return termOf(norm);
}

const SCALE: Readonly<Record<string, number>> = {
  rb: 1e3,
  ribu: 1e3,
  k: 1e3,
  jt: 1e6,
  juta: 1e6,
  m: 1e9,
  miliar: 1e9,
  milyar: 1e9,
  t: 1e12,
  triliun: 1e12,
};

/**
 * Numbers in a text slice with their values, Indonesian style: "." groups
 * thousands, "," is the decimal mark; "50jt", "5 juta", "Rp5.000.000" and
 * "2,5%" are read as values, so a different amount or date is a different claim.
 */
export function numbersIn(text: string): Array<{ value: number; start: number; end: number }> {
  const out: Array<{ value: number; start: number; end: number }> = [];
  const re = /\d+(?:[.,]\d+)*(?:\s?(rb|ribu|k|jt|juta|m|miliar|milyar|t|triliun)\b)?/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // digits glued to letters ("A1", "ke13", "pmk81") are names, not quantities, except a scale suffix
    const before = text.charCodeAt(m.index - 1);
    const rupiah = m.index >= 2 && text.slice(m.index - 2, m.index).toLowerCase() === 'rp';
    if (!rupiah && ((before >= 65 && before <= 90) || (before >= 97 && before <= 122))) continue;
    const body = m[0].replace(/\s?[a-z]+$/i, '');
    let num: number;
    const groups = body.split('.');
    if (groups.length > 1 && groups.slice(1).every((g) => /^\d{3}(,\d+)?$/.test(g))) num = Number(body.replace(/\./g, '').replace(',', '.'));
    else num = Number(body.replace(/\./g, '_').replace(',', '.').replace(/_/g, '.'));
    if (!Number.isFinite(num)) continue;
    const scale = m[1] ? (SCALE[m[1].toLowerCase()] ?? 1) : 1;
    out.push({ value: Math.round(num * scale * 1000) / 1000, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Character 4-grams (hashed) of the normalised words, for near-copies of chain messages. */
export function charGrams(words: string[]): Set<number> {
  const s = ` ${words.join(' ')} `;
  const out = new Set<number>();
  for (let i = 0; i + 4 <= s.length; i++) {
    let h = 2166136261;
    for (let k = i; k < i + 4; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
    out.add(h >>> 0);
  }
  return out;
}

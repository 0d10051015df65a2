/**
 * Context vocabulary (shared by every rule through src/core/rules/context.ts):
 * the words that make a sentence an explanation of the rules, a debunk, a
 * condemnation, a news report or a refusal rather than the act itself.
 */
import type { TermList } from '../terms.js';
import { HOAX_LIT, KBBI, POLICY_CONTEXT, PRESS, SE16, SE137, TBBBI } from './sources.js';

/** Words that turn a sentence into guidance ("hal yang harus dihindari"). */
export const GUIDANCE: TermList = {
  id: 'context-guidance',
  description: {
    id: 'Kata yang menjadikan kalimat pedoman ("hindari", "dilarang", "panduan").',
    en: 'Words that make a sentence guidance ("avoid", "forbidden", "guideline").',
  },
  sources: [POLICY_CONTEXT, SE16, SE137],
  terms: [
    'hindari',
    'dihindari',
    'menghindari',
    'hindarkan',
    'hindarilah',
    'dilarang',
    'larangan',
    'melarang',
    'terlarang',
    'waspada',
    'waspadai',
    'mewaspadai',
    'cegah',
    'mencegah',
    'pencegahan',
    'menangkal',
    'tangkal',
    'panduan',
    'pedoman',
    'ketentuan',
    'aturan',
    'imbauan',
    'himbauan',
    'sosialisasi',
    'literasi',
    'netralitas',
    'etika',
    'kode',
  ].map((pattern) => ({ pattern })),
};

/** The category vocabulary of the guidelines themselves. */
export const TOPICS: TermList = {
  id: 'context-topics',
  description: {
    id: 'Kosakata kategori pedoman itu sendiri ("hoaks", "SARA", "radikalisme"); kalimat pedoman menyebutnya.',
    en: 'The category vocabulary of the guidelines ("hoax", "SARA", "radicalism"); a sentence explaining the rules names them.',
  },
  sources: [POLICY_CONTEXT, SE16, SE137],
  terms: [
    'hoaks',
    'hoax',
    'sara',
    'radikalisme',
    'radikal',
    'terorisme',
    'teroris',
    'pornografi',
    'porno',
    'kebencian',
    'diskriminasi',
    'pelecehan',
    'perundungan',
    'keberpihakan',
    'politik',
    'kampanye',
    'netral',
    'rahasia',
    'kerahasiaan',
    'fitnah',
    'provokasi',
    'kasar',
    'pemborosan',
    'flexing',
    'kemewahan',
    'hedonisme',
    'konten',
    'ujaran',
    'lgbt',
    'intoleransi',
    'ekstremisme',
  ].map((pattern) => ({ pattern })),
};

/** Debunking vocabulary: the text says a claim is false. */
export const DEBUNK: TermList = {
  id: 'context-debunk',
  description: { id: 'Kata bantahan: teks menyatakan suatu klaim salah.', en: 'Debunking words: the text says a claim is false.' },
  sources: [HOAX_LIT, KBBI],
  terms: [
    'hoaks',
    'hoax',
    'hoaxs',
    'disinformasi',
    'misinformasi',
    'klarifikasi',
    'palsu',
    'bohong',
    'keliru',
    'menyesatkan',
    'turnbackhoax',
    // KBBI "bantah" (menyangkal, menyatakan tidak benar), "mitos", "meluruskan" (membetulkan keterangan)
    'bantah',
    'dibantah',
    'membantah',
    'bantahan',
    'mitos',
    'meluruskan',
    'diluruskan',
  ].map((pattern) => ({ pattern })),
};

/**
 * Verification verbs: with an official source after them in the sentence ("cek dulu di kpu.go.id", "periksa di situs
 * resmi") the sentence tells readers to verify, as SE-16 asks ("pastikan ... berasal dari sumber yang jelas"): it
 * counters a hoax rather than spreading one. The source is the word "resmi" or a government address (.go.id).
 */
export const VERIFY: TermList = {
  id: 'context-verify',
  description: {
    id: 'Kata kerja verifikasi; dengan sumber resmi sesudahnya ("cek dulu di kpu.go.id") kalimat mengajak memeriksa kebenaran.',
    en: 'Verification verbs; with an official source after them ("check kpu.go.id first") the sentence asks readers to verify.',
  },
  sources: [SE16, KBBI],
  terms: ['cek', 'ceklah', 'periksa', 'periksalah', 'verifikasi', 'konfirmasi', 'ricek', 'recheck', 'crosscheck'].map((pattern) => ({ pattern })),
};

/** Official-source words after a verification verb (a .go.id address counts too, see rules/context.ts). */
export const OFFICIAL_SOURCE: TermList = {
  id: 'context-official-source',
  description: { id: 'Penanda sumber resmi sesudah kata verifikasi ("situs resmi").', en: 'Official-source words after a verification verb.' },
  sources: [SE16, KBBI],
  terms: ['resmi', 'official'].map((pattern) => ({ pattern })),
};

/** "bukan hoaks": a chain message claiming truth, not a debunk. */
export const NOT_DEBUNK: TermList = {
  id: 'context-not-debunk',
  description: {
    id: 'Ingkar sebelum kata bantahan ("bukan hoaks"): pesan berantai yang mengaku benar, bukan bantahan.',
    en: 'Negators before a debunking word ("not a hoax"): a chain message claiming truth, not a debunk.',
  },
  sources: [HOAX_LIT, TBBBI],
  terms: ['bukan', 'tidak'].map((pattern) => ({ pattern })),
};

/** Condemnation and mourning: the text is against the act. */
export const CONDEMN: TermList = {
  id: 'context-condemn',
  description: {
    id: 'Kecaman, duka, penegakan hukum: teks menentang perbuatan itu.',
    en: 'Condemnation, mourning, law enforcement: the text is against the act.',
  },
  sources: [POLICY_CONTEXT, KBBI],
  terms: [
    'berduka',
    'duka',
    'belasungkawa',
    'mengecam',
    'kecam',
    'kecaman',
    'mengutuk',
    'kutuk',
    'menolak',
    'tolak',
    'berantas',
    'memberantas',
    'pemberantasan',
    'menentang',
    'prihatin',
    'biadab',
    'keji',
    'ditangkap',
    'menangkap',
    'densus',
    'pelaku',
    'terduga',
    'tersangka',
    'dihukum',
    'hukuman',
    'divonis',
    'deradikalisasi',
    'teroris',
    'terorisme',
    'korban',
    'kontra',
  ].map((pattern) => ({ pattern })),
};

/** "tidak punya tempat", "tidak dibenarkan": a condemnation. */
export const CONDEMN_AFTER_TIDAK: TermList = {
  id: 'context-condemn-after-tidak',
  description: {
    id: 'Sesudah "tidak": "tidak punya tempat", "tidak dibenarkan", "tidak mentolerir".',
    en: 'After "tidak" (not): "has no place", "is not justified", "does not tolerate".',
  },
  sources: [POLICY_CONTEXT, TBBBI],
  terms: ['punya', 'dibenarkan', 'mentolerir'].map((pattern) => ({ pattern })),
};

/** Reporting vocabulary: news, statements, court cases. */
export const NEWS: TermList = {
  id: 'context-news',
  description: { id: 'Kosakata pemberitaan: atribusi, lembaga, perkara pengadilan.', en: 'Reporting vocabulary: attribution, institutions, court cases.' },
  sources: [PRESS, TBBBI],
  terms: [
    'menurut',
    'dilaporkan',
    'melaporkan',
    'mengatakan',
    'ujar',
    'ujarnya',
    'katanya',
    'tutur',
    'tuturnya',
    'jelasnya',
    'menyampaikan',
    'disampaikan',
    'rilis',
    'siaran',
    'kpu',
    'bawaslu',
    'kpk',
    'kejaksaan',
    'jaksa',
    'polisi',
    'polri',
    'pengadilan',
    'terdakwa',
    'tersangka',
    'terduga',
    'dugaan',
    'diduga',
    'divonis',
    'vonis',
    'didakwa',
    'sidang',
    'ditetapkan',
    'menetapkan',
    'dituduh',
    'tuduhan',
    'kasus',
    'berita',
    'sumber',
  ].map((pattern) => ({ pattern })),
};

/** Negators: the act that follows is being refused, not done. */
export const NEGATORS: TermList = {
  id: 'context-negators',
  description: {
    id: 'Kata ingkar dan penolakan: perbuatan yang mengikutinya ditolak, bukan dilakukan.',
    en: 'Negators and refusals: the act that follows is refused, not done.',
  },
  sources: [TBBBI, KBBI],
  terms: [
    'jangan',
    'tidak',
    'bukan',
    'dilarang',
    'larang',
    'hindari',
    'hindarilah',
    'menghindari',
    'hindarkan',
    'stop',
    'tolak',
    'menolak',
    'anti',
    'tanpa',
    'berhenti',
    'hentikan',
    'jauhi',
    'jauhkan',
    'cegah',
    'mencegah',
    'lawan',
    'melawan',
  ].map((pattern) => ({ pattern })),
};

/** "jangan lupa", "jangan sampai lupa": a reminder, not a negation. */
export const NOT_NEGATING_AFTER: TermList = {
  id: 'context-not-negating-after',
  description: { id: 'Sesudah "jangan": pengingat, bukan larangan ("jangan lupa").', en: 'After "jangan": a reminder, not a negation ("do not forget").' },
  sources: [TBBBI],
  terms: ['lupa', 'ketinggalan', 'kelewatan', 'ragu'].map((pattern) => ({ pattern })),
};

/** "tidak hanya", "tidak lain": not a negation of what follows. */
export const TIDAK_FALSE: TermList = {
  id: 'context-tidak-not-negating',
  description: {
    id: 'Sesudah "tidak": bukan pengingkaran yang mengikutinya ("tidak hanya", "tidak lain").',
    en: 'After "tidak": not a negation of what follows ("not only", "none other").',
  },
  sources: [TBBBI],
  terms: ['hanya', 'cuma', 'sekadar', 'lain', 'jarang', 'kalah'].map((pattern) => ({ pattern })),
};

/** Every context list, for the docs. */
export const CONTEXT_LISTS: TermList[] = [
  GUIDANCE,
  TOPICS,
  DEBUNK,
  NOT_DEBUNK,
  CONDEMN,
  CONDEMN_AFTER_TIDAK,
  NEWS,
  VERIFY,
  OFFICIAL_SOURCE,
  NEGATORS,
  NOT_NEGATING_AFTER,
  TIDAK_FALSE,
];

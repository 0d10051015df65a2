/**
 * Partisanship vocabulary that does not depend on the election calendar:
 * campaign verbs, campaign-team words, partisan slogans. Names, numbers and
 * hashtags of the current election live in the policy's `election` file.
 */
import type { TermList } from '../terms.js';
import { SE16, SKB } from './sources.js';

const NEUTRAL = {
  id: 'ASN wajib netral. Ajakan netral seperti "gunakan hak pilih Anda" boleh; ajakan memilih calon tertentu tidak.',
  en: 'Civil servants must be neutral. "Use your right to vote" is fine; asking people to vote for a candidate is not.',
};

/** Campaign verbs ("coblos", "pilih", "menangkan"); a target must follow (see rules/partisanship.ts). */
export const CALL_VERBS: TermList = {
  id: 'partisanship-call-verbs',
  category: 'partisanship',
  description: {
    id: 'Kata kerja ajakan memilih (ditandai bila diikuti calon, nomor urut atau partai).',
    en: 'Vote-call verbs (flagged when followed by a candidate, ballot number or party).',
  },
  sources: [SE16, SKB],
  terms: [
    'coblos',
    'nyoblos',
    'mencoblos',
    'contreng',
    'pilih',
    'pilihlah',
    'memilih',
    'menangkan',
    'menangkanlah',
    'dukung',
    'mendukung',
    'colok',
    'jangan pilih',
    'coblos*',
  ].map((pattern) => ({
    pattern,
    suggestion: NEUTRAL,
  })),
};

/** Words after a campaign verb that make it a call for someone ("nomor 2", "paslon", "Pak ..."). */
export const CALL_TARGETS: TermList = {
  id: 'partisanship-call-targets',
  category: 'partisanship',
  description: { id: 'Sasaran ajakan: nomor urut, paslon, capres, caleg, partai.', en: 'Call targets: ballot numbers, tickets, candidates, parties.' },
  sources: [SKB],
  terms: [
    'nomor',
    'nomer',
    'no',
    'nomor urut',
    'paslon',
    'capres',
    'cawapres',
    'cagub',
    'cawagub',
    'cabup',
    'cawabup',
    'cawalkot',
    'caleg',
    'calon',
    'partai',
    'kandidat',
    'jagoan',
    'jagoanku',
    'di pemilu',
    'pada pemilu',
    'di pilpres',
    'di pilkada',
    'di pileg',
    'saat pemilu',
    'bersama',
    'kita',
  ].map((pattern) => ({ pattern })),
};

/** Campaign-team words; flagged with an affiliation word ("bangga jadi relawan pemenangan"). */
export const TEAM: TermList = {
  id: 'partisanship-team',
  category: 'partisanship',
  description: { id: 'Tim kampanye dan relawan pemenangan.', en: 'Campaign and winning teams.' },
  sources: [SKB],
  terms: [
    'relawan pemenangan',
    'tim pemenangan',
    'tim sukses',
    'timses',
    'tim kampanye',
    'relawan paslon',
    'relawan capres',
    'posko pemenangan',
    'buzzer paslon',
    'kader partai',
    'pengurus partai',
    'anggota partai',
    'pengurus dpc',
    'pengurus dpd',
    'pengurus dpw',
    'pengurus ranting',
    'kaos relawan',
    'kampanye akbar',
  ].map((pattern) => ({ pattern, suggestion: NEUTRAL })),
};

/** Affiliation words that make a team word about the author. */
export const AFFILIATION: TermList = {
  id: 'partisanship-affiliation',
  category: 'partisanship',
  description: { id: 'Kata keterlibatan (bangga, gabung, jadi).', en: 'Affiliation words (proud, join, become).' },
  sources: [SKB],
  terms: ['bangga', 'saya', 'aku', 'kami', 'kita', 'gabung', 'bergabung', 'join', 'jadi', 'menjadi', 'ayo', 'mari', 'sebagai', 'daftar', 'mendaftar'].map(
    (pattern) => ({ pattern }),
  ),
};

/** Partisan slogans that need no candidate name. */
export const SLOGANS: TermList = {
  id: 'partisanship-slogans',
  category: 'partisanship',
  description: {
    id: 'Slogan kampanye umum ("ganti presiden", "dua periode", "satu putaran").',
    en: 'Generic campaign slogans ("change the president", "two terms", "one round").',
  },
  sources: [SKB],
  terms: [
    'ganti presiden',
    'ganti gubernur',
    'ganti bupati',
    'ganti walikota',
    'ganti wali kota',
    'ganti rezim',
    'lanjutkan dua periode',
    'salam dua jari',
    'salam satu jari',
    'salam tiga jari',
    'salam 2 jari',
    'salam 1 jari',
    'salam 3 jari',
    'capresku',
    'cawapresku',
    'paslonku',
    'calegku',
    'cagubku',
    'partaiku',
    'foto bareng calon',
    'foto bareng caleg',
    'foto bareng paslon',
    'foto bareng capres',
    'foto bersama calon',
    'foto bersama caleg',
    'foto bersama paslon',
  ].map((pattern) => ({ pattern, suggestion: NEUTRAL })),
};

/** Praise words that, with a party and a call, aim at votes. */
export const PRAISE: TermList = {
  id: 'partisanship-praise',
  category: 'partisanship',
  description: { id: 'Pujian yang diarahkan untuk meraih suara.', en: 'Praise aimed at winning votes.' },
  sources: [SKB],
  terms: [
    'satu satunya',
    'terbaik',
    'paling peduli',
    'peduli rakyat',
    'pilihan tepat',
    'pilihan terbaik',
    'paling bersih',
    'paling jujur',
    'amanah',
    'pro rakyat',
    'harapan rakyat',
    'wajib menang',
    'pasti menang',
    'menang',
  ].map((pattern) => ({ pattern })),
};

/** Words that put a text in an election context. */
export const ELECTION_CONTEXT: TermList = {
  id: 'partisanship-election-context',
  category: 'partisanship',
  description: { id: 'Penanda konteks pemilu.', en: 'Election-context markers.' },
  sources: [SKB],
  terms: [
    'pemilu',
    'pilpres',
    'pilkada',
    'pileg',
    'paslon',
    'capres',
    'cawapres',
    'caleg',
    'cagub',
    'cabup',
    'partai',
    'nomor urut',
    'kampanye',
    'tps',
    'gubernur',
    'bupati',
    'walikota',
    'presiden',
    'pencoblosan',
  ].map((pattern) => ({
    pattern,
  })),
};

/**
 * Partisanship vocabulary that does not depend on the election calendar:
 * campaign verbs, campaign-team words, partisan slogans. Names, numbers and
 * hashtags of the current election live in the policy's `election` file.
 */
import type { TermList } from '../terms.js';
import { ELECTION_LAW, KBBI, SE16, SKB, TBBBI } from './sources.js';

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

/** Honorifics before a candidate name after a call verb. */
export const CANDIDATE_HONORIFICS: TermList = {
  id: 'partisanship-honorifics',
  category: 'partisanship',
  description: { id: 'Sapaan sebelum nama calon ("pilih Pak X", "dukung Abah Y").', en: 'Honorifics before a candidate name ("vote for Mr X").' },
  sources: [TBBBI],
  terms: ['pak', 'bu', 'bapak', 'ibu', 'mas', 'mbak', 'bang', 'kak', 'abah', 'cak', 'kang', 'uda', 'om'].map((pattern) => ({ pattern })),
};

/** Verbs that may take any target ("menangkan kita"); others need a candidate, number or party. */
export const WIN_VERBS: TermList = {
  id: 'partisanship-win-verbs',
  category: 'partisanship',
  description: {
    id: 'Kata kerja "menangkan" yang boleh berobjek apa saja dalam konteks pemilu ("menangkan kita").',
    en: '"Win it" verbs that may take any object in an election context.',
  },
  sources: [ELECTION_LAW],
  terms: ['menangkan', 'menangkanlah'].map((pattern) => ({ pattern })),
};

/** Call targets that are political by themselves. */
export const STRONG_TARGETS: TermList = {
  id: 'partisanship-strong-targets',
  category: 'partisanship',
  description: {
    id: 'Sasaran ajakan yang pasti politis ("nomor", "paslon", "caleg", "partai").',
    en: 'Call targets that are certainly political ("number", "ticket", "legislative candidate", "party").',
  },
  sources: [ELECTION_LAW],
  terms: [
    'nomor',
    'nomer',
    'no',
    'paslon',
    'capres',
    'cawapres',
    'cagub',
    'cawagub',
    'cabup',
    'cawabup',
    'cawalkot',
    'caleg',
    'partai',
    'kandidat',
    'jagoan',
    'jagoanku',
  ].map((pattern) => ({ pattern })),
};

/** Everyday verbs: a bare number after them ("pilih 2 menu") needs an election context. */
export const CHOOSE_VERBS: TermList = {
  id: 'partisanship-choose-verbs',
  category: 'partisanship',
  description: {
    id: 'Kata kerja sehari-hari: angka sesudahnya ("pilih 2 menu") perlu konteks pemilu.',
    en: 'Everyday verbs: a bare number after them needs an election context.',
  },
  sources: [KBBI],
  terms: ['pilih', 'memilih', 'dukung', 'mendukung'].map((pattern) => ({ pattern })),
};

/** Call words: praise of a party or candidate with one of these is campaigning. */
export const CALL_WORDS: TermList = {
  id: 'partisanship-call-words',
  category: 'partisanship',
  description: {
    id: 'Kata ajakan ("yuk", "ayo", "dukung", "coblos") yang menjadikan pujian calon sebagai kampanye.',
    en: 'Call words that turn praise of a candidate into campaigning.',
  },
  sources: [ELECTION_LAW, TBBBI],
  terms: ['yuk', 'ayo', 'mari', 'dukung', 'pilih', 'coblos', 'menangkan', 'contreng', 'pilihlah'].map((pattern) => ({ pattern })),
};

/** A number followed by a month is a date ("pada 27 November"), not a ballot number. */
export const MONTHS: TermList = {
  id: 'calendar-months',
  description: {
    id: 'Nama bulan dan singkatannya: angka sebelum nama bulan adalah tanggal, bukan nomor urut.',
    en: 'Month names and abbreviations: a number before a month is a date, not a ballot number.',
  },
  sources: [KBBI],
  terms: [
    'januari',
    'februari',
    'pebruari',
    'maret',
    'april',
    'mei',
    'juni',
    'juli',
    'agustus',
    'september',
    'oktober',
    'november',
    'desember',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'agu',
    'agt',
    'ags',
    'sep',
    'sept',
    'okt',
    'nov',
    'des',
  ].map((pattern) => ({ pattern })),
};

/** A number preceded by "tanggal" is a date. */
export const DATE_WORDS: TermList = {
  id: 'calendar-date-words',
  description: { id: 'Kata waktu sebelum angka ("tanggal 14", "jam 7").', en: 'Time words before a number ("date 14", "7 o’clock").' },
  sources: [KBBI],
  terms: ['tanggal', 'tgl', 'tahun', 'jam', 'pukul', 'hari'].map((pattern) => ({ pattern })),
};

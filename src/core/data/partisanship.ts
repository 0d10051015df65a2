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
    'pengurus pac',
    // officers of a party's boards (UU 2/2011 Partai Politik: DPP, DPD/DPW, DPC, PAC, ranting); membership is barred for ASN
    'ketua dpc',
    'sekretaris dpc',
    'bendahara dpc',
    'wakil ketua dpc',
    'ketua dpw',
    'sekretaris dpw',
    'bendahara dpw',
    'sekretaris dpd partai',
    'bendahara dpd partai',
    'ketua pac',
    'sekretaris pac',
    'ketua ranting',
    'sekretaris ranting',
    'kta partai',
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

/**
 * Words before a call target that make it any contestant, not a particular one ("coblos salah satu paslon", "pilih
 * setiap caleg", "coblos dua paslon = tidak sah"): numerals and quantifiers (TBBBI, numeralia), a count of contestants
 * rather than one of them. A civic explanation of
 * how to vote names no one, and a call for no one in particular is not partisan (SE-16: support for a candidate).
 */
export const GENERIC_TARGET_BEFORE: TermList = {
  id: 'partisanship-generic-before',
  category: 'partisanship',
  description: {
    id: 'Kata sebelum sasaran ajakan yang menjadikannya calon mana saja ("salah satu paslon", "setiap caleg").',
    en: 'Words before a call target that make it any contestant ("one of the tickets", "each candidate").',
  },
  sources: [TBBBI],
  terms: ['satu', 'dua', 'tiga', 'empat', 'lima', 'beberapa', 'sebuah', 'setiap', 'tiap', 'semua', 'seluruh', 'masing', 'para'].map((pattern) => ({ pattern })),
};

/**
 * Words right after a call target that leave the choice to the reader ("pilih partai atau caleg", "coblos paslon
 * pilihanmu", "paslon mana pun", "sesuai hati nurani"): alternatives and indefinite pronouns (TBBBI).
 */
export const GENERIC_TARGET_AFTER: TermList = {
  id: 'partisanship-generic-after',
  category: 'partisanship',
  description: {
    id: 'Kata sesudah sasaran ajakan yang menyerahkan pilihan kepada pembaca ("atau", "pilihanmu", "mana pun", "sesuai").',
    en: 'Words after a call target that leave the choice to the reader ("or", "of your choice", "any", "according to").',
  },
  sources: [TBBBI],
  terms: ['atau', 'pilihan', 'pilihanmu', 'pilihannya', 'pilihanku', 'mana', 'manapun', 'masing', 'sesuai', 'apapun'].map((pattern) => ({ pattern })),
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

/**
 * Frame slot "candidate reference": a candidate, ticket, party, ballot number
 * or winning team, named by its office or role (names and numbers of a live
 * election come from the organisation's election file). Never flagged alone.
 */
export const CANDIDATE_REFS: TermList = {
  id: 'partisanship-candidate-refs',
  category: 'partisanship',
  description: {
    id: 'Rujukan ke calon, pasangan calon, partai, nomor urut atau tim pemenangan (hanya ditandai bersama dukungan, ajakan, keanggotaan atau perbuatan N1-N15).',
    en: 'References to a candidate, ticket, party, ballot number or winning team (flagged only with support, a call, membership or an N1-N15 act).',
  },
  sources: [ELECTION_LAW, SKB],
  terms: [
    'paslon',
    'capres',
    'cawapres',
    'cagub',
    'cawagub',
    'cabup',
    'cawabup',
    'cawalkot',
    'cawawalkot',
    'caleg',
    'bacaleg',
    'bacapres',
    'bacagub',
    'calon presiden',
    'calon wakil presiden',
    'calon gubernur',
    'calon wakil gubernur',
    'calon bupati',
    'calon wakil bupati',
    'calon wali kota',
    'calon walikota',
    'calon walkot',
    'calon kepala daerah',
    'calon legislatif',
    'calon anggota',
    'bakal calon',
    'kandidat',
    'partai',
    'parpol',
    'nomor urut',
    'no urut',
    'tim sukses',
    'timses',
    'tim pemenangan',
    'tim kampanye',
    'relawan pemenangan',
    'posko pemenangan',
    'nyaleg',
    'nyalon',
    'maju pilkada',
    'maju pileg',
    'dapil',
  ].map((pattern) => ({ pattern })),
};

/**
 * Frame slot "support, call, membership or neutrality violation": the acts
 * of the SKB Netralitas 2022 list (policy.md N1-N15): campaigning and calls
 * (N1, N11), comment/share/like (N2-N4), following or joining (N5), photos
 * with candidates or props (N6-N8), hand signs (N9), attending a campaign
 * or declaration (N10), membership (N12), buzzing (N13), uniform or state
 * facilities (N14).
 */
export const SUPPORT_ACTS: TermList = {
  id: 'partisanship-support-acts',
  category: 'partisanship',
  description: {
    id: 'Dukungan, ajakan, keanggotaan dan perbuatan N1-N15 SKB Netralitas: dukung, menangkan, kawal, coblos, komen/share/like, follow/gabung, foto bareng, kaos/atribut, salam jari, hadir kampanye/deklarasi, kader/KTA, buzzer, seragam dinas.',
    en: 'Support, calls, membership and the N1-N15 acts of the neutrality decree: support, win, vote, comment/share/like, follow/join, photo with, T-shirt/props, finger signs, attending a campaign or declaration, party card, buzzer, uniform.',
  },
  sources: [SKB, SE16, ELECTION_LAW],
  terms: [
    // N1, N11: support and calls
    'dukung',
    'mendukung',
    'dukungan',
    'dukungannya',
    'support',
    'menangkan',
    'menangin',
    'memenangkan',
    'kemenangan',
    'kawal',
    'semoga terpilih',
    'semoga jadi',
    'semoga menang',
    'siap menang',
    'jangan lupa pilih',
    'mohon doa',
    'titip suara',
    // N2-N4: comment, share, like
    'komen',
    'komentar',
    'repost',
    'retweet',
    'like',
    // N5: follow or join
    'follow',
    'gabung',
    'bergabung',
    'join',
    // N6-N8: photos, props
    'foto bareng',
    'foto bersama',
    'berfoto',
    'selfie',
    'swafoto',
    'kaos',
    'atribut',
    'topi',
    'stiker',
    'rompi',
    'bendera partai',
    // N9: hand signs
    'salam satu jari',
    'salam dua jari',
    'salam tiga jari',
    'satu jari',
    'dua jari',
    'tiga jari',
    'empat jari',
    'simbol jari',
    'kode jari',
    'pose jari',
    // N10: attending a campaign or declaration
    'kampanye akbar',
    'konser kampanye',
    'hadir di kampanye',
    'ikut kampanye',
    'deklarasi',
    // N12: membership
    'kader',
    'kta',
    'simpatisan',
    'anggota partai',
    // N13: buzzing
    'buzzer',
    // N14: uniform, state facilities
    'seragam dinas',
    'mobil dinas',
  ].map((pattern) => ({ pattern })),
};

/**
 * Talk about the neutrality rules: a sentence with one of these explains or
 * reports the rules ("like dan share postingan paslon termasuk pelanggaran
 * netralitas"), it does not commit the act (policy.md: context matters).
 */
export const NEUTRALITY_TALK: TermList = {
  id: 'partisanship-neutrality-talk',
  category: 'partisanship',
  description: {
    id: 'Kata yang menjadikan kalimat penjelasan aturan netralitas ("pelanggaran", "tidak boleh", "sanksi", "netral").',
    en: 'Words that make a sentence an explanation of the neutrality rules ("violation", "not allowed", "sanction", "neutral").',
  },
  sources: [SKB, SE16],
  terms: [
    'netral',
    'netralitas',
    'pelanggaran',
    'melanggar',
    'larangan',
    'dilarang',
    'sanksi',
    'tidak boleh',
    'boleh tidak',
    'tidak bisa ikut',
    'hindari',
    'aturan',
    'tidak sah',
    'bawaslu',
    'mundur dari',
    'berhenti dari',
  ].map((pattern) => ({ pattern })),
};

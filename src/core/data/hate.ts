/**
 * SARA hate: group names (ethnicity, religion, race, origin, sexual
 * orientation, disability) and the hostile predicates that turn a mention of
 * a group into hatred. Mentioning a group is never flagged on its own.
 */
import type { TermList } from '../terms.js';
import { DOG, MONKEY, PIG } from './abusive.js';
import { BKN, KBBI, SE137, TBBBI, UUITE } from './sources.js';

/** Non-group senses: "suku bunga" (interest rate), "anjing ras", "suku cadang". */
const UNLESS_GROUP: Record<string, string[]> = {
  suku: ['bunga', 'cadang', 'kata'],
  ras: ['anjing', 'kucing', 'kuda', 'ayam', 'unggul'],
};

/** Names of groups protected by UU ITE 28(2) and SE 137 pt 8. */
export const GROUPS: TermList = {
  id: 'hate-groups',
  category: 'hate-speech',
  description: {
    id: 'Nama kelompok SARA dan kelompok rentan (hanya ditandai bersama predikat bermusuhan).',
    en: 'Names of SARA and vulnerable groups (flagged only with a hostile predicate).',
  },
  sources: [SE137, UUITE],
  terms: [
    'cina',
    'china',
    'tionghoa',
    'chinese',
    'aseng',
    'cokin',
    'yahudi',
    'arab',
    'india',
    'keling',
    'jawa',
    'sunda',
    'batak',
    'minang',
    'padang',
    'madura',
    'bugis',
    'dayak',
    'papua',
    'ambon',
    'betawi',
    'flores',
    'negro',
    'kulit hitam',
    'pribumi',
    'nonpribumi',
    'non pribumi',
    'islam',
    'muslim',
    'kristen',
    'kristiani',
    'katolik',
    'nasrani',
    'protestan',
    'hindu',
    'buddha',
    'konghucu',
    'syiah',
    'ahmadiyah',
    'kafir',
    'ateis',
    'atheis',
    'suku',
    'etnis',
    'ras',
    'lgbt',
    'gay',
    'lesbian',
    'homo',
    'transgender',
    'waria',
    'difabel',
    'disabilitas',
    'pendatang',
    'perempuan',
    'wanita',
    'agama sebelah',
    'umat sebelah',
  ].map((pattern) => ({ pattern, unless: UNLESS_GROUP[pattern] })),
};

/** Places of worship: a target only of violent predicates ("bom gereja"). */
export const WORSHIP: TermList = {
  id: 'hate-worship',
  category: 'hate-speech',
  description: { id: 'Rumah ibadah (ditandai bersama ajakan kekerasan).', en: 'Places of worship (flagged with calls to violence).' },
  sources: [SE137, BKN],
  terms: ['gereja', 'masjid', 'musala', 'musholla', 'pura', 'vihara', 'klenteng', 'sinagoga'].map((pattern) => ({ pattern })),
};

/** Hostile predicates about a group. */
export const HOSTILE: TermList = {
  id: 'hate-hostile',
  category: 'hate-speech',
  description: {
    id: 'Predikat merendahkan tentang kelompok ("penipu semua", "najis", "bodoh dan malas").',
    en: 'Demeaning predicates about a group ("all cheats", "unclean", "stupid and lazy").',
  },
  sources: [SE137, BKN, KBBI],
  terms: [
    'penipu',
    'maling',
    'pencuri',
    'pembohong',
    'najis',
    'bodoh',
    'goblok',
    'tolol',
    'malas',
    'pemalas',
    'sampah',
    'kotor',
    'jorok',
    'biadab',
    'bangsat',
    'binatang',
    'penyakit',
    'menjijikkan',
    'laknat',
    'terkutuk',
    'pengkhianat',
    'penjajah',
    'kampungan',
    'terbelakang',
    'primitif',
    'tidak beradab',
    'licik',
    'serakah',
    'rakus',
    'sesat',
    'hina',
    'jangan bergaul',
    'jauhi',
    'tidak pantas hidup',
    'parasit',
    'benalu',
    'kasar',
    'beban negara',
    'cuma jadi beban',
    'cuma beban',
    'onar',
    'bikin onar',
    'rusuh',
    'bikin rusuh',
    'biang rusuh',
    'numpang',
    'cuma numpang',
    'balik ke hutan',
    'balik ? ke hutan',
    'kembali ke hutan',
    'tidak pantas jadi pemimpin',
    'tidak layak jadi pemimpin',
    'tempatnya di dapur',
    'bukan islam',
    'tidak usah diterima',
    'tidak usah dikasih',
    'jangan kasih izin',
    'jangan diberi izin',
  ]
    .map((pattern) => ({ pattern }))
    .concat([
      { pattern: 'anjing', unless: DOG } as { pattern: string; unless?: string[] },
      { pattern: 'babi', unless: PIG },
      { pattern: 'monyet', unless: MONKEY },
    ]),
};

/** Calls to violence or expulsion against a group. */
export const VIOLENT: TermList = {
  id: 'hate-violent',
  category: 'hate-speech',
  description: { id: 'Ajakan kekerasan atau pengusiran terhadap kelompok.', en: 'Calls to violence or expulsion against a group.' },
  sources: [SE137, BKN, UUITE],
  terms: [
    'usir',
    'usir*',
    'basmi',
    'bunuh',
    'musnahkan',
    'bantai',
    'ganyang',
    'bakar',
    'bom',
    'serang',
    'hancurkan',
    'singkirkan',
    'tumpas',
    'enyahkan',
    'pulangkan',
    'halal darahnya',
    'dihukum mati',
    'hukum mati',
    'gantung',
  ].map((pattern) => ({ pattern })),
};

/** Ethnic and religious slurs that are hostile on their own. */
export const SLURS: TermList = {
  id: 'hate-slurs',
  category: 'hate-speech',
  description: { id: 'Julukan merendahkan untuk kelompok etnis atau agama.', en: 'Demeaning nicknames for ethnic or religious groups.' },
  sources: [SE137, KBBI],
  terms: [
    { pattern: 'aseng', note: 'julukan merendahkan warga keturunan Tionghoa', severity: 'warning' },
    { pattern: 'cokin', note: 'julukan merendahkan warga keturunan Tionghoa', severity: 'warning' },
    { pattern: 'kafir laknat', note: 'kutukan terhadap pemeluk agama lain' },
  ],
};

/** Group words that name people by themselves ("kafir", "waria"), so no "orang ..." is needed. */
export const PEOPLE_NOUNS: TermList = {
  id: 'hate-people-nouns',
  category: 'hate-speech',
  description: {
    id: 'Nama kelompok yang sendirinya menyebut orang ("kafir", "waria"), tanpa perlu "orang ...".',
    en: 'Group words that name people by themselves, with no "orang ..." needed.',
  },
  sources: [SE137, KBBI],
  terms: [
    'kafir',
    'muslim',
    'nasrani',
    'yahudi',
    'tionghoa',
    'aseng',
    'cokin',
    'lgbt',
    'gay',
    'lesbian',
    'homo',
    'waria',
    'transgender',
    'pendatang',
    'pribumi',
    'nonpribumi',
    'negro',
    'ateis',
    'atheis',
    'difabel',
    'keling',
    'perempuan',
    'wanita',
    'syiah',
    'ahmadiyah',
  ].map((pattern) => ({ pattern })),
};

/** Words before a group name that make it about people ("orang Cina", "dasar Cina", "suku itu"). */
export const PEOPLE_BEFORE: TermList = {
  id: 'hate-people-before',
  category: 'hate-speech',
  description: {
    id: 'Kata sebelum nama kelompok yang menjadikannya tentang orang ("orang Cina", "kaum", "umat", "pemeluk").',
    en: 'Words before a group name that make it about people ("people", "community", "followers").',
  },
  sources: [TBBBI, KBBI],
  terms: [
    'orang',
    'suku',
    'etnis',
    'kaum',
    'bangsa',
    'umat',
    'warga',
    'keturunan',
    'dasar',
    'para',
    'kalian',
    'golongan',
    'ras',
    'agama',
    'penganut',
    'pemeluk',
  ].map((pattern) => ({ pattern })),
};

/** Generalisers after a group name ("Cina semua", "suku itu", "Batak memang"). */
export const GENERAL_AFTER: TermList = {
  id: 'hate-general-after',
  category: 'hate-speech',
  description: {
    id: 'Penggeneralisasi sesudah nama kelompok ("semua", "itu", "memang", "selalu").',
    en: 'Generalisers after a group name ("all", "that", "always").',
  },
  sources: [TBBBI],
  terms: ['semua', 'itu', 'memang', 'tuh', 'selalu', 'emang', 'pada', 'sih', 'mah', 'ini'].map((pattern) => ({ pattern })),
};

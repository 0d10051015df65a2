/**
 * Whose number it is (issue 8): words that mark the writer's own data ("NIK saya", "rek aku", "a.n. saya") and the
 * words of a donation appeal, where an account number is published on purpose. Used by personal-data/identifiers to
 * say "you are sharing your own NIK" (info) instead of "someone else's personal data".
 */
import type { Source, TermList } from '../terms.js';
import { IDENTITY_DOCS, PDP } from './sources.js';

export const OWNER_SOURCES: Source[] = [PDP, { title: 'Pemakaian umum: kata ganti orang pertama dan ajakan donasi di media sosial Indonesia' }];

const words = (list: string[]) => list.map((pattern) => ({ pattern }));

/** First-person words (formal, colloquial, regional) that mark the writer's own number. */
export const FIRST_PERSON: TermList = {
  id: 'personal-data-owner-first-person',
  category: 'personal-data',
  description: {
    id: 'Kata ganti orang pertama sebelum nomor: nomor milik penulis sendiri ("NIK saya 3174...", "rek aku ...").',
    en: 'First-person words before a number: the writer\'s own number ("my NIK 3174...", "my account ...").',
  },
  sources: OWNER_SOURCES,
  terms: words([
    'saya',
    'aku',
    'gue',
    'gua',
    'gw',
    'sy',
    'ane',
    'kami',
    'pribadi',
    // regional first-person forms: Javanese (kula, kulo), Sundanese (abdi, kuring), Balinese (tiang, titiang),
    // Minangkabau (ambo), Betawi (aye), Malay of eastern Indonesia (beta)
    'kula',
    'kulo',
    'abdi',
    'kuring',
    'tiang',
    'titiang',
    'ambo',
    'aye',
    'beta',
  ]),
};

/** Words that stress the owner after a first-person word ("rekening saya sendiri", "nomer kula piyambak"). */
export const SELF: TermList = {
  id: 'personal-data-owner-self',
  category: 'personal-data',
  description: {
    id: 'Kata penegas milik sendiri setelah kata ganti orang pertama ("saya sendiri", "kula piyambak").',
    en: 'Words stressing the writer\'s own after a first-person word ("myself").',
  },
  sources: OWNER_SOURCES,
  terms: words(['sendiri', 'pribadi', 'piyambak', 'dewek', 'surang']),
};

/**
 * Words naming an institution as an account's holder ("a.n. Masjid Al-Ikhlas", "a.n. Yayasan ..."): an institution's
 * account is published on purpose and is not a person's data (UU PDP protects natural persons).
 */
export const INSTITUTION_OWNERS: TermList = {
  id: 'personal-data-institution-owners',
  category: 'personal-data',
  description: {
    id: 'Kata yang menyebut lembaga sebagai pemilik rekening ("a.n. Masjid ...", "a.n. Yayasan ..."): bukan data pribadi.',
    en: 'Words naming an institution as the account holder: not personal data.',
  },
  sources: [PDP, { title: 'UU PDP 27/2022 Pasal 1 angka 1: data pribadi adalah data tentang orang perseorangan' }],
  terms: words([
    'masjid',
    'musala',
    'mushola',
    'gereja',
    'pura',
    'vihara',
    'klenteng',
    'dkm',
    'yayasan',
    'panitia',
    'koperasi',
    'pt',
    'cv',
    'toko',
    'lembaga',
    'perkumpulan',
    'sekolah',
    'pesantren',
    'ponpes',
    'paguyuban',
    'komunitas',
  ]),
};

/** Words that introduce the owner after a number ("a.n. saya", "atas nama saya"). */
export const OWNER_MARKERS: TermList = {
  id: 'personal-data-owner-markers',
  category: 'personal-data',
  description: {
    id: 'Kata setelah nomor yang menyebut pemiliknya ("a.n. saya", "atas nama Siti").',
    en: 'Words after a number that name its owner ("in the name of ...").',
  },
  sources: OWNER_SOURCES,
  terms: words(['an', 'a.n', 'nama', 'atasnama']),
};

/**
 * Words naming a number two words before it, with a first-person word between ("rek saya BCA 123...", "no hp saya
 * 0812..."): the writer's own number even when a bank or operator name stands right before it.
 */
export const OWNER_ID_WORDS: TermList = {
  id: 'personal-data-owner-id-words',
  category: 'personal-data',
  description: {
    id: 'Kata yang menyebut jenis nomor sebelum kata ganti orang pertama ("rek saya BCA ...", "no saya ...").',
    en: 'Words naming the kind of number before a first-person word ("my account at BCA ...").',
  },
  sources: [IDENTITY_DOCS, ...OWNER_SOURCES],
  terms: words(['nik', 'ktp', 'npwp', 'kk', 'rek', 'rekening', 'norek', 'hp', 'wa', 'nomor', 'nomer', 'no', 'nip', 'kartu']),
};

/** Words of a donation appeal. */
export const DONATION: TermList = {
  id: 'personal-data-donation',
  category: 'personal-data',
  description: {
    id: 'Kata ajakan donasi: rekening atas nama sendiri di sini sengaja dibagikan.',
    en: "Words of a donation appeal: an account in the writer's own name is shared on purpose here.",
  },
  sources: OWNER_SOURCES,
  terms: words(['donasi', 'sumbangan', 'galang', 'penggalangan', 'infaq', 'infak', 'sedekah', 'zakat', 'wakaf', 'donatur', 'patungan', 'kitabisa']),
};

/** The lists of this file, in the order personal-data/identifiers documents them. */
export const OWNER_LISTS: TermList[] = [FIRST_PERSON, SELF, OWNER_ID_WORDS, OWNER_MARKERS, INSTITUTION_OWNERS, DONATION];

/**
 * Harassment vocabulary: body-shaming, sexual remarks and threats. A word
 * here is only reported when it is aimed at an identifiable person (an
 * @mention, "si Rina", "Pak Budi", "kamu"); see rules/harassment.ts.
 */
import type { TermList } from '../terms.js';
import { KBBI, SE16, UUITE } from './sources.js';

/** Units and roles written "seksi ..." in an office ("seksi umum"), not the adjective. */
const UNIT_WORDS = [
  'umum',
  'pelayanan',
  'pengawasan',
  'penagihan',
  'pemeriksaan',
  'ekstensifikasi',
  'kepatuhan',
  'kepegawaian',
  'keuangan',
  'kasi',
  'kepala',
  'bidang',
  'konsultasi',
  'verifikasi',
  'pencairan',
  'perbendaharaan',
  'penjaminan',
  'seksi',
  'subbagian',
  'acara',
  'konsumsi',
  'dokumentasi',
  'perlengkapan',
];

/** Body-shaming words. */
export const BODY_SHAMING: TermList = {
  id: 'harassment-body',
  category: 'harassment',
  description: { id: 'Ejekan fisik (body shaming) yang diarahkan ke orang.', en: 'Body-shaming remarks aimed at a person.' },
  sources: [SE16, KBBI],
  terms: [
    'gendut',
    'gembrot',
    'gajah bengkak',
    'jelek',
    'buruk rupa',
    'pesek',
    'cebol',
    'kerdil',
    'kurus kering',
    'tonggos',
    'jerawatan',
    'dekil',
    'item dekil',
    'bau badan',
    'botak licin',
    'muka jelek',
    'mukanya jelek',
    'perut buncit',
    'kayak babi',
    'kayak paus',
    'kayak gajah',
    'kayak monyet',
    'melar',
    'kayak karung',
    'kayak karung beras',
    'budek',
    'budeg',
    'botak',
    'dandan menor',
    'tante girang',
    'muka tua',
    'pendek item',
  ].map((pattern) => ({ pattern, note: 'ejekan fisik' })),
};

/** Sexual remarks about a person. */
export const SEXUAL_REMARKS: TermList = {
  id: 'harassment-sexual',
  category: 'harassment',
  description: { id: 'Komentar bernuansa seksual tentang tubuh atau pakaian seseorang.', en: "Sexual remarks about a person's body or clothes." },
  sources: [SE16, UUITE],
  terms: [
    { pattern: 'baju* ketat', note: 'komentar pakaian bernuansa seksual' },
    { pattern: 'rok* mini', note: 'komentar pakaian bernuansa seksual' },
    { pattern: 'celana* ketat', note: 'komentar pakaian bernuansa seksual' },
    { pattern: 'gagal fokus', note: 'komentar bernuansa seksual bila tentang tubuh/pakaian orang' },
    { pattern: 'seksi', unless: UNIT_WORDS },
    { pattern: 'sexy' },
    { pattern: 'bohay' },
    { pattern: 'semok' },
    { pattern: 'montok' },
    { pattern: 'toge' },
    { pattern: 'tobrut' },
    { pattern: 'toket' },
    { pattern: 'pantat*' },
    { pattern: 'bokong*' },
    { pattern: 'paha mulus' },
    { pattern: 'body goals' },
    { pattern: 'ngamar' },
    { pattern: 'bikin sange' },
    { pattern: 'pengen ? peluk' },
    { pattern: 'pengen cium' },
    { pattern: 'foto ? seksi' },
    { pattern: 'kirim foto seksi' },
    { pattern: 'bodi kamu' },
    { pattern: 'body kamu' },
    { pattern: 'pengen dipeluk' },
  ],
};

/** Threats of violence. */
export const THREATS: TermList = {
  id: 'harassment-threat',
  category: 'harassment',
  description: { id: 'Ancaman kekerasan terhadap orang.', en: 'Threats of violence against a person.' },
  sources: [UUITE],
  terms: [
    'kubunuh',
    'habisi',
    'hajar',
    'bacok',
    'tusuk',
    'gebukin',
    'gebuk',
    'awas kamu',
    'tunggu pembalasan',
    'tunggu aja pembalasan',
    'datengin rumah',
    'samperin rumah',
    'cari rumah',
    'patahin',
    'pecahin kepala',
    'abis kamu',
    'tahu rumah kamu',
    'bikin kamu nyesel',
    'bikin kamu menyesal',
    'cegat kamu',
    'kamu tunggu aja',
    'tunggu aja kamu',
    'siap siap aja',
    'awas aja kamu',
    'gue cari kamu',
  ]
    .map((pattern) => ({ pattern, note: 'ancaman' }) as { pattern: string; note: string; unless?: string[] })
    // "bom bunuh diri" is a news phrase, not a threat
    .concat([{ pattern: 'bunuh', note: 'ancaman', unless: ['diri'] }]),
};

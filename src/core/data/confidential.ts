/**
 * Confidential information: unreleased policy, internal meeting results,
 * classified documents, internal memo numbers and taxpayers' tax facts.
 * "Rahasia" in an everyday sense ("rahasia sukses") and published
 * regulations are not confidential.
 */
import type { TermList } from '../terms.js';
import { KIP, SE16, SE137 } from './sources.js';

const KEEP = {
  id: 'Tunggu pengumuman resmi; bagikan tautan rilis resminya setelah terbit.',
  en: 'Wait for the official announcement; share the official release link once published.',
};

/** Markers that are confidential on their own. */
export const STRONG_MARKERS: TermList = {
  id: 'confidential-strong',
  category: 'confidential',
  description: {
    id: 'Dokumen bersifat rahasia, rancangan peraturan, hasil rapat pimpinan.',
    en: 'Classified documents, draft regulations, leadership-meeting results.',
  },
  sources: [SE16, SE137, KIP],
  terms: [
    'sifat rahasia',
    'sifat sangat rahasia',
    'sifat terbatas',
    'klasifikasi rahasia',
    'draft pmk',
    'draf pmk',
    'rancangan pmk',
    'konsep pmk',
    'rpmk',
    'draft kmk',
    'draf kmk',
    'draft per',
    'draft se',
    'draft peraturan',
    'rancangan peraturan menteri',
    'hasil rapim',
    'hasil rapat pimpinan',
    'notulen rapim',
    'bocoran internal',
    'info internal',
    'dokumen internal',
    'memo internal',
  ].map((pattern) => ({ pattern, suggestion: KEEP })),
};

/** Secrecy markers that need a work context ("jangan bilang siapa-siapa" is also gossip). */
export const WEAK_MARKERS: TermList = {
  id: 'confidential-weak',
  category: 'confidential',
  description: {
    id: 'Penanda kerahasiaan ("bocoran", "belum diumumkan", "jangan disebar") dalam konteks pekerjaan.',
    en: 'Secrecy markers ("leak", "not yet announced", "do not spread") in a work context.',
  },
  sources: [SE16, KIP],
  terms: [
    'bocoran',
    'jangan disebar',
    'jangan disebarkan',
    'jangan disebar dulu',
    'jangan dishare',
    'jangan share',
    'jangan diforward',
    'jangan bilang siapa siapa',
    'jangan bilang bilang',
    'jangan bocor',
    'belum diumumkan',
    'belum dirilis',
    'belum resmi',
    'belum diresmikan',
    'off the record',
    'internal only',
    'kalangan sendiri',
    'rahasia ya',
    'a1',
  ].map((pattern) => ({ pattern, suggestion: KEEP })),
};

/** Work words that make a secrecy marker about the job. */
export const WORK_CONTEXT: TermList = {
  id: 'confidential-work',
  category: 'confidential',
  description: { id: 'Kata konteks pekerjaan dan kebijakan.', en: 'Work and policy context words.' },
  sources: [SE16],
  terms: [
    'rapim',
    'rapat',
    'pimpinan',
    'kantor',
    'anggaran',
    'kebijakan',
    'pmk',
    'kmk',
    'tarif',
    'mutasi',
    'rotasi',
    'promosi',
    'sk',
    'direktorat',
    'eselon',
    'pajak',
    'wajib pajak',
    'dinas',
    'unit',
    'internal',
    'draft',
    'draf',
    'pejabat',
    'menteri',
    'dirjen',
    'ppn',
    'pph',
    'cukai',
    'apbn',
    'regulasi',
    'peraturan',
    'tunjangan',
    'tukin',
    'remunerasi',
    'pemeriksaan',
    'lelang',
    'kanwil',
    'kpp',
  ].map((pattern) => ({ pattern })),
};

/** Tax facts about a taxpayer (UU KUP 34). */
export const TAX_FACTS: TermList = {
  id: 'confidential-tax-facts',
  category: 'confidential',
  description: {
    id: 'Fakta perpajakan/kepabeanan wajib pajak: omzet, SPT, pemeriksaan, tunggakan.',
    en: "A taxpayer's tax or customs facts: turnover, tax return, audit, arrears.",
  },
  sources: [KIP],
  terms: [
    'omzet*',
    'omset*',
    'spt',
    'pemeriksaan',
    'periksa',
    'diperiksa',
    'memeriksa',
    'tunggakan',
    'nunggak',
    'menunggak',
    'restitusi',
    'utang pajak',
    'kurang bayar',
    'penyidikan',
    'disidik',
    'disita',
    'penyitaan',
    'surat paksa',
    'gijzeling',
    'skpkb',
    'pib',
    'npwp',
    'wajib pajak',
    'setoran pajak',
    'lapor',
    'melapor',
  ].map((pattern) => ({ pattern })),
};

/**
 * Confidential information: unreleased policy, internal meeting results,
 * classified documents, internal memo numbers and taxpayers' tax facts.
 * "Rahasia" in an everyday sense ("rahasia sukses") and published
 * regulations are not confidential.
 */
import type { TermList } from '../terms.js';
import { KBBI, KIP, SE16, SE137, TBBBI, TNDE } from './sources.js';

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
    'spill dikit',
    'spill sedikit',
    'simpan dulu ya',
    'rapat internal',
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
    'dideklarasikan',
    'deklarasi',
    'nilai pabean',
    'under invoice',
    'underinvoice',
    'npwp',
    'wajib pajak',
    'setoran pajak',
    'lapor',
    'melapor',
  ].map((pattern) => ({ pattern })),
};

/** Memo prefixes that are internal (nota dinas, surat, keputusan, undangan); PMK/SE/PER are published regulations. */
export const MEMO_PREFIXES: TermList = {
  id: 'confidential-memo-prefixes',
  category: 'confidential',
  description: {
    id: 'Kode jenis naskah dinas internal sebelum nomor (ND-, S-, KEP-, UND-); PMK/SE/PER adalah peraturan terbit (huruf besar, peka huruf).',
    en: 'Codes of internal official documents before a number (memo, letter, decree, invitation); case-sensitive.',
  },
  sources: [TNDE],
  terms: ['ND', 'S', 'KEP', 'UND', 'SR', 'B', 'R', 'ST', 'SP', 'SPT'].map((pattern) => ({ pattern })),
};

/** The subject of a memo follows its number ("tentang rencana pemeriksaan"). */
export const MEMO_SUBJECT: TermList = {
  id: 'confidential-memo-subject',
  category: 'confidential',
  description: { id: 'Kata perihal sesudah nomor surat ("tentang", "perihal", "terkait").', en: 'Subject words after a letter number ("about", "re").' },
  sources: [TNDE, TBBBI],
  terms: ['tentang', 'perihal', 'hal', 'terkait', 'mengenai', 'isi', 'isinya'].map((pattern) => ({ pattern })),
};

/** "A1" needs "info"/"valid" before it; otherwise it is a paper size or a grade. */
export const A1_CONTEXT: TermList = {
  id: 'confidential-a1-context',
  category: 'confidential',
  description: {
    id: 'Kata sebelum "A1" yang menjadikannya info orang dalam ("info A1"), bukan ukuran kertas.',
    en: 'Words before "A1" that make it inside information, not a paper size.',
  },
  sources: [KBBI],
  terms: ['info', 'valid', 'sumber', 'data'].map((pattern) => ({ pattern })),
};

/** Entity forms before a capitalised name identify a taxpayer ("PT Maju Jaya"). */
export const ENTITY_PREFIXES: TermList = {
  id: 'confidential-entity-prefixes',
  category: 'confidential',
  description: {
    id: 'Bentuk badan usaha sebelum nama ("PT", "CV", "Koperasi", "Toko"); peka huruf.',
    en: 'Business-entity forms before a name (case-sensitive).',
  },
  sources: [KIP],
  terms: ['PT', 'CV', 'UD', 'PD', 'Tbk', 'Koperasi', 'Yayasan', 'KSP', 'Toko', 'Apotek', 'Bengkel', 'Klinik', 'RM'].map((pattern) => ({ pattern })),
};

/** Honorifics before a named taxpayer ("Pak Budi"). */
export const TAXPAYER_HONORIFICS: TermList = {
  id: 'confidential-honorifics',
  category: 'confidential',
  description: { id: 'Sapaan sebelum nama wajib pajak ("Pak", "Bu", "Koh", "Haji").', en: 'Honorifics before a taxpayer name.' },
  sources: [TBBBI],
  terms: ['pak', 'bu', 'bapak', 'ibu', 'tuan', 'nyonya', 'sdr', 'saudara', 'saudari', 'koh', 'cik', 'haji'].map((pattern) => ({ pattern })),
};

/** A named person is a taxpayer next to one of these words. */
export const TAXPAYER_WORDS: TermList = {
  id: 'confidential-taxpayer-words',
  category: 'confidential',
  description: {
    id: 'Kata yang menjadikan orang bernama sebagai wajib pajak ("WP", "pengusaha", "importir", "nasabah").',
    en: 'Words that make a named person a taxpayer ("taxpayer", "importer", "customer").',
  },
  sources: [KIP, KBBI],
  terms: ['wp', 'wajib', 'pengusaha', 'importir', 'eksportir', 'debitur', 'nasabah', 'toko', 'bos', 'juragan', 'impor', 'ekspor'].map((pattern) => ({
    pattern,
  })),
};

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

/** Drafts of one's own writing are not drafts of policy. */
const NOT_POLICY_DRAFT = [
  'skripsi',
  'tesis',
  'disertasi',
  'novel',
  'cerpen',
  'lagu',
  'desain',
  'undangan',
  'artikel',
  'buku',
  'tugas',
  'makalah',
  'caption',
  'konten',
  'video',
  'cv',
  'lamaran',
  'pidato',
  'puisi',
];

/** Medical and everyday senses of "pemeriksaan" (check-up), not a tax or audit examination. */
const NOT_AUDIT = [
  'kesehatan',
  'medis',
  'lab',
  'laboratorium',
  'dokter',
  'gigi',
  'mata',
  'darah',
  'kehamilan',
  'jantung',
  'pasien',
  'rumah sakit',
  'puskesmas',
  'kendaraan',
  'tiket',
  'bagasi',
];

/**
 * Frame slot "work object" of a leak: internal documents, drafts, meeting
 * results, audits and investigations, taxpayer data. Never flagged alone;
 * a leak is a work object with a disclosure act, or a classification marking.
 */
export const LEAK_OBJECTS: TermList = {
  id: 'confidential-leak-objects',
  category: 'confidential',
  description: {
    id: 'Objek pekerjaan yang bisa dibocorkan: naskah dinas internal, rancangan, notulen dan hasil rapat internal, hasil audit dan pemeriksaan, data wajib pajak (hanya ditandai bersama tindakan membuka/menyebarkan).',
    en: 'Work objects that can be leaked: internal official documents, drafts, minutes and internal meeting results, audit and examination results, taxpayer data (flagged only with an act of disclosure).',
  },
  sources: [TNDE, KIP, SE137],
  terms: [
    'memo',
    'nota dinas',
    'notulen',
    'notula',
    'risalah rapat',
    'disposisi',
    'surat internal',
    'dokumen internal',
    'dokumen kantor',
    'dokumen rahasia',
    'dokumen terbatas',
    'laporan internal',
    'hasil rapat',
    'hasil rapim',
    'rapat internal',
    'rapat tertutup',
    'rapim',
    'hasil audit',
    'temuan audit',
    'laporan audit',
    'audit investigasi',
    'lhp',
    'laporan hasil pemeriksaan',
    'investigasi',
    'penyidikan',
    'penyelidikan',
    'data wajib pajak',
    'data wp',
    'data nasabah',
    'data pegawai',
    'data kepegawaian',
    'profil wp',
    'profil wajib pajak',
    'berkas wp',
    'berkas wajib pajak',
    'target pemeriksaan',
    'rencana pemeriksaan',
    'daftar sasaran',
    'surat tugas',
    'konsep kebijakan',
    'rencana kebijakan',
  ]
    .map((pattern) => ({ pattern }) as { pattern: string; unless?: string[] })
    .concat([
      { pattern: 'draft', unless: NOT_POLICY_DRAFT },
      { pattern: 'draf', unless: NOT_POLICY_DRAFT },
      { pattern: 'rancangan', unless: NOT_POLICY_DRAFT },
      { pattern: 'pemeriksaan', unless: NOT_AUDIT },
      { pattern: 'hasil pemeriksaan', unless: NOT_AUDIT },
    ]),
};

/** Frame slot "disclosure act": showing or passing a work object to others. */
export const DISCLOSURE_ACTS: TermList = {
  id: 'confidential-disclosure-acts',
  category: 'confidential',
  description: {
    id: 'Tindakan membuka atau menyebarkan: bocorkan, spill, share, bagikan, sebar, kirim, teruskan, foto, screenshot, unggah.',
    en: 'Acts of disclosure: leak, spill, share, spread, send, forward, photograph, screenshot, upload.',
  },
  sources: [KBBI, KIP, SE16],
  terms: [
    'bocor',
    'bocorin',
    'bocorkan',
    'membocorkan',
    'dibocorkan',
    'dibocorin',
    'spill',
    'share',
    'dishare',
    'bagikan',
    'membagikan',
    'dibagikan',
    'bagiin',
    'sebar',
    'sebarin',
    'sebarkan',
    'menyebarkan',
    'disebar',
    'disebarkan',
    'kirim',
    'kirimin',
    'kirimkan',
    'dikirim',
    'terusin',
    'teruskan',
    'diteruskan',
    'forward',
    'diforward',
    'foto',
    'fotoin',
    'difoto',
    'memotret',
    'screenshot',
    'skrinsut',
    'tangkapan layar',
    'upload',
    'diupload',
    'unggah',
    'mengunggah',
    'diunggah',
    'posting',
    'diposting',
    'kasih lihat',
    'perlihatkan',
    'tunjukkan',
  ].map((pattern) => ({ pattern })),
};

/** Frame slot "classification marking": a security class next to a document word (TNDE: sangat rahasia, rahasia, terbatas). */
export const CLASSIFICATION: TermList = {
  id: 'confidential-classification',
  category: 'confidential',
  description: {
    id: 'Klasifikasi keamanan naskah dinas bersama kata dokumen ("bertanda TERBATAS", "cap rahasia", "dokumen konfidensial").',
    en: 'Security classification of an official document next to a document word ("marked RESTRICTED", "secret stamp").',
  },
  sources: [TNDE, KIP],
  terms: [
    'bertanda rahasia',
    'bertanda terbatas',
    'bertanda sangat rahasia',
    'cap rahasia',
    'cap terbatas',
    'stempel rahasia',
    'stempel terbatas',
    'berklasifikasi rahasia',
    'berklasifikasi terbatas',
    'klasifikasi terbatas',
    'konfidensial',
    'confidential',
    'laporan terbatas',
    'surat rahasia',
    'memo rahasia',
  ].map((pattern) => ({ pattern })),
};

/** Document words before a capitalised marking ("laporan TERBATAS", "dokumen RAHASIA"): "STOK TERBATAS" is a sale. */
export const DOCUMENT_WORDS: TermList = {
  id: 'confidential-document-words',
  category: 'confidential',
  description: {
    id: 'Kata naskah sebelum tanda klasifikasi huruf besar ("laporan TERBATAS"); "STOK TERBATAS" bukan dokumen.',
    en: 'Document words before a capitalised marking; "LIMITED STOCK" is not a document.',
  },
  sources: [TNDE],
  terms: [
    'dokumen',
    'laporan',
    'surat',
    'nota',
    'memo',
    'berkas',
    'naskah',
    'cap',
    'stempel',
    'bertanda',
    'sifat',
    'klasifikasi',
    'berklasifikasi',
    'kajian',
    'telaah',
    'paparan',
  ].map((pattern) => ({ pattern })),
};

/** Official channels: sending work data through them is the job, not a leak (SE-16/MK.01/2018: use official channels). */
export const OFFICIAL_CHANNELS: TermList = {
  id: 'confidential-official-channels',
  category: 'confidential',
  description: {
    id: 'Saluran resmi: mengirim data pekerjaan lewat saluran ini adalah tugas, bukan pembocoran ("sesuai SOP", "aplikasi internal", "email dinas").',
    en: 'Official channels: sending work data through them is the job, not a leak ("per SOP", "internal application", "office e-mail").',
  },
  sources: [SE16, TNDE],
  terms: [
    'sesuai sop',
    'sesuai prosedur',
    'sesuai ketentuan',
    'aplikasi internal',
    'sistem internal',
    'kanal resmi',
    'saluran resmi',
    'jalur resmi',
    'email dinas',
    'surel dinas',
    'persuratan',
    'tata naskah',
  ].map((pattern) => ({ pattern })),
};

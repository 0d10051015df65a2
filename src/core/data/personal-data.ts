/**
 * personal-data: the words around a number that say what it is (NIK, NPWP,
 * card, account, phone) or that it is not personal data (billing code,
 * invoice, hotline), and the words that make it someone else's. The number
 * formats themselves are validated in src/core/rules/personal-data.ts.
 */
import type { TermList } from '../terms.js';
import { IDENTITY_DOCS, PDP, TBBBI } from './sources.js';

/** Numbers after these words are codes, not personal data. */
export const NOT_PERSONAL: TermList = {
  id: 'personal-data-not-personal',
  category: 'personal-data',
  description: {
    id: 'Kata sebelum angka yang bukan data pribadi (kode billing, NTPN, faktur, resi, tiket, hotline).',
    en: 'Words before a number that is not personal data (billing code, invoice, receipt, ticket, hotline).',
  },
  sources: [IDENTITY_DOCS],
  terms: [
    'billing',
    'ntpn',
    'invoice',
    'faktur',
    'resi',
    'pesanan',
    'order',
    'tiket',
    'booking',
    'voucher',
    'kode',
    'referensi',
    'ref',
    'transaksi',
    'va',
    'virtual',
    'hotline',
    'center',
    'sk',
  ].map((pattern) => ({ pattern })),
};

/** Context of a NIK. */
export const NIK_CONTEXT: TermList = {
  id: 'personal-data-nik',
  category: 'personal-data',
  description: { id: 'Kata konteks NIK / KTP.', en: 'NIK / identity-card context words.' },
  sources: [IDENTITY_DOCS, PDP],
  terms: ['nik', 'ktp', 'kependudukan', 'e-ktp', 'ektp'].map((pattern) => ({ pattern })),
};

/** Context of an NPWP. */
export const NPWP_CONTEXT: TermList = {
  id: 'personal-data-npwp',
  category: 'personal-data',
  description: { id: 'Kata konteks NPWP.', en: 'Tax-ID context words.' },
  sources: [IDENTITY_DOCS, PDP],
  terms: ['npwp'].map((pattern) => ({ pattern })),
};

/** Context of a family-card number. */
export const KK_CONTEXT: TermList = {
  id: 'personal-data-kk',
  category: 'personal-data',
  description: { id: 'Kata konteks kartu keluarga.', en: 'Family-card context words.' },
  sources: [IDENTITY_DOCS, PDP],
  terms: ['kk', 'keluarga'].map((pattern) => ({ pattern })),
};

/** Context of a card number. */
export const CARD_CONTEXT: TermList = {
  id: 'personal-data-card',
  category: 'personal-data',
  description: { id: 'Kata konteks kartu kredit/debit.', en: 'Credit/debit card context words.' },
  sources: [IDENTITY_DOCS, PDP],
  terms: ['kartu', 'kredit', 'debit', 'cc', 'visa', 'mastercard', 'card', 'atm', 'cvv'].map((pattern) => ({ pattern })),
};

/** Context of a bank-account number. */
export const ACCOUNT_CONTEXT: TermList = {
  id: 'personal-data-account',
  category: 'personal-data',
  description: { id: 'Kata konteks rekening bank (nama bank, "rek", "tf").', en: 'Bank-account context words (bank names, "acc", "transfer").' },
  sources: [IDENTITY_DOCS, PDP],
  terms: [
    'rekening',
    'rek',
    'norek',
    'bca',
    'bri',
    'bni',
    'mandiri',
    'bsi',
    'cimb',
    'danamon',
    'permata',
    'btn',
    'bjb',
    'jenius',
    'seabank',
    'transfer',
    'tf',
  ].map((pattern) => ({ pattern })),
};

/** Context of a passport number. */
export const PASSPORT_CONTEXT: TermList = {
  id: 'personal-data-passport',
  category: 'personal-data',
  description: { id: 'Kata konteks paspor.', en: 'Passport context words.' },
  sources: [IDENTITY_DOCS, PDP],
  terms: ['paspor', 'passport'].map((pattern) => ({ pattern })),
};

/** Context of a NIP. */
export const NIP_CONTEXT: TermList = {
  id: 'personal-data-nip',
  category: 'personal-data',
  description: { id: 'Kata konteks NIP pegawai.', en: 'Civil-servant ID context words.' },
  sources: [IDENTITY_DOCS, PDP],
  terms: ['nip'].map((pattern) => ({ pattern })),
};

/** Context of a phone number. */
export const PHONE_CONTEXT: TermList = {
  id: 'personal-data-phone',
  category: 'personal-data',
  description: { id: 'Kata konteks nomor telepon / WhatsApp.', en: 'Phone / WhatsApp context words.' },
  sources: [IDENTITY_DOCS, PDP],
  terms: ['hp', 'hpnya', 'wa', 'wanya', 'whatsapp', 'telp', 'telepon', 'nomornya', 'nomor', 'no', 'kontak', 'kontaknya', 'hubungi', 'telpon', 'nohp'].map(
    (pattern) => ({ pattern }),
  ),
};

/** Words that make a number another person’s data. */
export const THIRD_PARTY: TermList = {
  id: 'personal-data-third-party',
  category: 'personal-data',
  description: {
    id: 'Kata yang menjadikan data milik orang lain ("nasabah", "pelapor", "dia", "pasien").',
    en: 'Words that make the data someone else’s ("customer", "reporter", "patient").',
  },
  sources: [PDP, TBBBI],
  terms: [
    'wajib',
    'wp',
    'nasabah',
    'warga',
    'pelapor',
    'debitur',
    'beliau',
    'dia',
    'pemohon',
    'peserta',
    'atas',
    'pasien',
    'korban',
    'tetangga',
    'bapak',
    'ibu',
    'orang',
    'pelaku',
    'penipu',
    'pengemudi',
    'sopir',
    'pemilik',
    'cewek',
    'cowok',
    'pria',
    'wanita',
    'temen',
    'teman',
    'klien',
  ].map((pattern) => ({ pattern })),
};

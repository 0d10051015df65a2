/**
 * Hoax markers: the formulas of chain messages and unverified claims, and a
 * small list of claims already clarified as hoaxes. A text that debunks a
 * hoax uses the same words and is silenced by the context analysis.
 */
import type { TermList } from '../terms.js';
import { HOAX_LIT, SE16, SE137, UUITE } from './sources.js';

const VERIFY = {
  id: 'Cek dulu ke sumber resmi (mis. kemenkeu.go.id, pajak.go.id) dan cantumkan sumbernya; kalau belum jelas, jangan dibagikan.',
  en: 'Check an official source first (e.g. kemenkeu.go.id, pajak.go.id) and cite it; if unclear, do not share.',
};

/** Chain-message and hearsay formulas. */
export const CHAIN_MARKERS: TermList = {
  id: 'hoax-chain-markers',
  category: 'hoax',
  description: {
    id: 'Ciri pesan berantai dan kabar tanpa sumber ("SEBARKAN!!", "sebelum dihapus", "info dari orang dalam").',
    en: 'Chain-message and hearsay formulas ("SHARE!!", "before it is deleted", "insider info").',
  },
  sources: [SE16, SE137, HOAX_LIT],
  terms: [
    {
      pattern: 'sebarkan',
      unless: ['kebaikan', 'kebahagiaan', 'semangat', 'cinta', 'senyum', 'damai', 'manfaat', 'positif', 'inspirasi', 'resmi', 'ilmu', 'salam', 'doa'],
    },
    { pattern: 'sebarluaskan', unless: ['kebaikan', 'semangat', 'resmi', 'manfaat', 'positif', 'ilmu'] },
    { pattern: 'viralkan', unless: ['kebaikan', 'prestasi', 'positif'] },
    { pattern: 'share ke semua' },
    { pattern: 'share ke grup' },
    { pattern: 'bagikan ke semua' },
    { pattern: 'bagikan ke grup' },
    { pattern: 'teruskan ke semua' },
    { pattern: 'forward ke semua' },
    { pattern: 'forward ke ? grup' },
    { pattern: 'forward ke grup' },
    { pattern: 'share ke ? grup' },
    { pattern: 'kirim ke ? grup' },
    { pattern: 'bagikan ke ? grup' },
    { pattern: 'teruskan ke keluarga' },
    { pattern: 'teruskan ke grup' },
    { pattern: 'teruskan ke ? grup' },
    { pattern: 'teruskan ke kontak' },
    { pattern: 'sebarkan ke semua' },
    { pattern: 'sebarkan ke ? kontak' },
    { pattern: 'share ke keluarga' },
    { pattern: 'sebelum di takedown' },
    { pattern: 'sebelum takedown' },
    { pattern: 'sebelum diblokir' },
    { pattern: 'dari orang dalam' },
    { pattern: 'info valid' },
    { pattern: 'sumber terpercaya', unless: ['menurut'] },
    { pattern: 'sumber valid' },
    { pattern: 'media tidak berani' },
    { pattern: 'kirim ke ? orang' },
    { pattern: 'sebelum dihapus' },
    { pattern: 'sebelum di hapus' },
    { pattern: 'mumpung belum dihapus' },
    { pattern: 'sebelum ditakedown' },
    { pattern: 'info dari orang dalam' },
    { pattern: 'info orang dalam' },
    { pattern: 'kata orang dalam' },
    { pattern: 'sumber orang dalam' },
    { pattern: 'info a1' },
    { pattern: 'valid a1' },
    { pattern: 'dari grup sebelah' },
    { pattern: 'grup sebelah' },
    { pattern: 'copas dari grup' },
    { pattern: 'copas grup' },
    { pattern: 'media tidak memberitakan' },
    { pattern: 'tidak diberitakan media' },
    { pattern: 'tidak akan diberitakan' },
    { pattern: 'sengaja ditutupi' },
    { pattern: 'ini bukan hoax' },
    { pattern: 'ini bukan hoaks' },
    { pattern: 'dijamin valid' },
    { pattern: '100 persen valid' },
    { pattern: 'sudah terbukti', note: 'klaim tanpa sumber' },
    { pattern: 'terbukti benar', note: 'klaim tanpa sumber' },
  ].map((t) => ({ ...t, suggestion: VERIFY })),
};

/** Claims already clarified as hoaxes (error severity, per policy.md). */
export const KNOWN_HOAXES: TermList = {
  id: 'hoax-known',
  category: 'hoax',
  description: { id: 'Klaim yang sudah diklarifikasi sebagai hoaks.', en: 'Claims already clarified as hoaxes.' },
  sources: [HOAX_LIT, UUITE],
  terms: [
    { pattern: 'chip pelacak', note: 'hoaks vaksin berisi chip (sudah diklarifikasi Kominfo/Kemenkes)' },
    { pattern: 'vaksin mengandung chip', note: 'hoaks vaksin berisi chip (sudah diklarifikasi Kominfo/Kemenkes)' },
    { pattern: 'vaksin ? microchip', note: 'hoaks vaksin berisi chip' },
    { pattern: 'vaksin mengandung babi', note: 'hoaks bahan vaksin (sudah diklarifikasi)' },
  ].map((t) => ({ ...t, severity: 'error' as const, suggestion: VERIFY })),
};

/** Hearsay openers ("katanya") that need a claim verb in the same sentence. */
export const HEARSAY: TermList = {
  id: 'hoax-hearsay',
  category: 'hoax',
  description: { id: 'Kabar dari katanya-katanya.', en: 'Hearsay openers.' },
  sources: [HOAX_LIT],
  terms: [
    'katanya',
    'denger denger',
    'dengar dengar',
    'dengar dari',
    'denger dari',
    'kabar burung',
    'infonya',
    'kabar kabarnya',
    'desas desus',
    'kabarnya',
    'konon',
    'rumornya',
    'isunya',
    'gosipnya',
  ].map((pattern) => ({ pattern })),
};

/** Claim verbs of rumours about pay, taxes and rules. */
export const CLAIM_VERBS: TermList = {
  id: 'hoax-claims',
  category: 'hoax',
  description: { id: 'Kata kerja klaim (dibatalkan, dihapus, dipotong, naik).', en: 'Claim verbs (cancelled, abolished, cut, raised).' },
  sources: [HOAX_LIT],
  terms: [
    'dibatalkan',
    'batal',
    'dihapus',
    'dihapuskan',
    'ditiadakan',
    'dipotong',
    'naik',
    'turun',
    'diblokir',
    'dipajaki',
    'ditutup',
    'dilarang',
    'diganti',
    'cair',
    'dicairkan',
    'gratis',
    'wajib',
    'dibekukan',
    'disita',
    'dimajukan',
    'dimundurkan',
    'telat',
    'ditunda',
    'menyembuhkan',
    'nyembuhin',
    'sembuh',
    'ampuh',
    'tidak berlaku',
    'dipecat',
    'diberhentikan',
  ].map((pattern) => ({ pattern })),
};

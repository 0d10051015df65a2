/**
 * Radicalism and terrorism: calls to replace Pancasila/NKRI, takfiri
 * vocabulary about the state, and approval of terror. Reporting on or
 * condemning terrorism is handled by the context analysis.
 */
import type { TermList } from '../terms.js';
import { SE16, SE137, TERROR } from './sources.js';

const KEEP_NKRI = {
  id: 'Tetap setia pada Pancasila, UUD 1945 dan NKRI; diskusikan gagasan tanpa ajakan mengganti dasar negara.',
  en: 'Stay loyal to Pancasila, the 1945 Constitution and the unitary state; discuss ideas without calling to replace them.',
};

/** Phrases that are radical on their own. */
export const RADICAL_PHRASES: TermList = {
  id: 'radicalism-phrases',
  category: 'radicalism',
  description: {
    id: 'Ajakan mengganti Pancasila/NKRI dan kosakata takfiri tentang negara.',
    en: 'Calls to replace Pancasila/NKRI and takfiri vocabulary about the state.',
  },
  sources: [SE137, SE16, TERROR],
  terms: [
    { pattern: 'thogut', note: 'menyebut negara/pemerintah sebagai berhala (takfiri)', suggestion: KEEP_NKRI },
    { pattern: 'thaghut', note: 'menyebut negara/pemerintah sebagai berhala (takfiri)', suggestion: KEEP_NKRI },
    { pattern: 'taghut', note: 'menyebut negara/pemerintah sebagai berhala (takfiri)', suggestion: KEEP_NKRI },
    { pattern: 'thoghut', note: 'menyebut negara/pemerintah sebagai berhala (takfiri)', suggestion: KEEP_NKRI },
    { pattern: 'toghut', note: 'menyebut negara/pemerintah sebagai berhala (takfiri)', suggestion: KEEP_NKRI },
    { pattern: 'togut', note: 'menyebut negara/pemerintah sebagai berhala (takfiri)', suggestion: KEEP_NKRI },
    { pattern: 'tegakkan khilafah', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'dirikan khilafah', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'khilafah solusi', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'khilafah adalah solusi', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'ganti nkri', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'ganti pancasila', note: 'ajakan mengganti dasar negara', suggestion: KEEP_NKRI },
    { pattern: 'bubarkan nkri', note: 'ajakan membubarkan NKRI', suggestion: KEEP_NKRI },
    { pattern: 'pancasila thogut', note: 'takfiri', suggestion: KEEP_NKRI },
    { pattern: 'demokrasi sistem kafir', note: 'takfiri', suggestion: KEEP_NKRI },
    { pattern: 'demokrasi kufur', note: 'takfiri', suggestion: KEEP_NKRI },
    { pattern: 'sistem kufur', note: 'takfiri', suggestion: KEEP_NKRI },
    { pattern: 'negara kafir', note: 'takfiri', suggestion: KEEP_NKRI },
    { pattern: 'pancasila ? berhala', note: 'takfiri', suggestion: KEEP_NKRI },
    { pattern: 'pancasila berhala', note: 'takfiri', suggestion: KEEP_NKRI },
    { pattern: 'demokrasi produk kafir', note: 'takfiri', suggestion: KEEP_NKRI },
    { pattern: 'tegakkan daulah', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'daulah islamiyah', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'khilafah ? harga mati', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'khilafah harga mati', note: 'ajakan mengganti NKRI', suggestion: KEEP_NKRI },
    { pattern: 'khilafah ajaran islam', note: 'slogan kampanye khilafah', suggestion: KEEP_NKRI },
    { pattern: 'angkat senjata', note: 'ajakan kekerasan bersenjata' },
    { pattern: 'gulingkan pemerintah*', note: 'ajakan menggulingkan pemerintahan yang sah' },
    { pattern: 'halal darahnya', note: 'takfiri: menghalalkan pembunuhan' },
    { pattern: 'halal diperangi', note: 'takfiri: menghalalkan kekerasan' },
    { pattern: 'boleh dibunuh', note: 'takfiri: menghalalkan pembunuhan' },
    { pattern: 'halal dibunuh', note: 'takfiri: menghalalkan pembunuhan' },
    { pattern: 'siapkan senjata', note: 'ajakan kekerasan bersenjata' },
    { pattern: 'bersama isis', note: 'dukungan kelompok teror' },
    { pattern: 'hijrah ke suriah', note: 'ajakan bergabung dengan kelompok teror' },
    { pattern: 'amaliyah', note: 'istilah kelompok teror untuk serangan' },
    { pattern: 'istisyhad', note: 'istilah kelompok teror untuk bom bunuh diri' },
    { pattern: 'pengantin bom', note: 'istilah kelompok teror untuk pelaku bom bunuh diri' },
    { pattern: 'baiat isis', note: 'dukungan kelompok teror' },
    { pattern: 'dukung isis', note: 'dukungan kelompok teror' },
    { pattern: 'gabung isis', note: 'dukungan kelompok teror' },
    { pattern: 'bergabung dengan isis', note: 'dukungan kelompok teror' },
  ],
};

/** Acts of terror (approved of only with an approval word nearby). */
export const VIOLENCE: TermList = {
  id: 'radicalism-violence',
  category: 'radicalism',
  description: { id: 'Tindakan teror (ditandai bila disetujui/dipuji).', en: 'Acts of terror (flagged when approved of).' },
  sources: [TERROR],
  terms: ['bom', 'ngebom', 'mengebom', 'membom', 'bom bunuh diri', 'ledakkan', 'meledakkan', 'serangan', 'penggal', 'bantai', 'pembantaian', 'teror'].map(
    (pattern) => ({
      pattern,
    }),
  ),
};

/** Approval of violence. */
export const APPROVAL: TermList = {
  id: 'radicalism-approval',
  category: 'radicalism',
  description: { id: 'Kata persetujuan atau pujian atas kekerasan.', en: 'Words approving of or praising violence.' },
  sources: [TERROR],
  terms: [
    'pantas',
    'layak',
    'balasan',
    'syahid',
    'mati syahid',
    'mantap',
    'setuju',
    'dukung',
    'halal',
    'wajib',
    'berjihad',
    'siap berjihad',
    'pahlawan',
    'mujahid',
    'hebat',
    'salut',
    'bangga',
    'rasakan',
    'syuhada',
    'jihad',
    'sah',
  ].map((pattern) => ({ pattern })),
};

/** Caliphate words and the verbs that turn them into a call to replace the state. */
export const CALIPHATE: TermList = {
  id: 'radicalism-caliphate',
  category: 'radicalism',
  description: { id: 'Khilafah sebagai pengganti NKRI.', en: 'A caliphate replacing the state.' },
  sources: [SE137, TERROR],
  terms: ['khilafah', 'khilafa', 'caliphate', 'daulah'].map((pattern) => ({ pattern })),
};

/** Verbs that make a caliphate mention a call. */
export const CALIPHATE_CALLS: TermList = {
  id: 'radicalism-caliphate-calls',
  category: 'radicalism',
  description: { id: 'Ajakan menegakkan khilafah.', en: 'Calls to establish a caliphate.' },
  sources: [SE137],
  terms: [
    'tegakkan',
    'menegakkan',
    'dirikan',
    'mendirikan',
    'ganti',
    'gantikan',
    'mengganti',
    'wajib',
    'solusi',
    'saatnya',
    'bangkit',
    'kembalikan',
    'perjuangkan',
    'memperjuangkan',
    'terapkan',
  ].map((pattern) => ({ pattern })),
};

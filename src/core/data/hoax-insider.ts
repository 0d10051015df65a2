/**
 * Claims of insider information ("info dari orang dalam", "ordal", "bocoran
 * internal"). Alone they are a chain-message marker (hoax/chain-message);
 * together with an urge to spread ("SEBARKAN", "sebelum dihapus") they make
 * the insider-chain combination an error by default (hoax/insider-chain).
 */
import type { TermList } from '../terms.js';
import { HOAX_LIT, SE16, SE137 } from './sources.js';

/** Phrases that claim the content comes from inside an office. */
export const INSIDER_CLAIMS: TermList = {
  id: 'hoax-insider-claims',
  category: 'hoax',
  description: {
    id: 'Klaim informasi orang dalam ("info dari orang dalam", "ordal", "bocoran internal").',
    en: 'Claims of insider information ("info from an insider", "ordal", "internal leak").',
  },
  sources: [SE16, SE137, HOAX_LIT],
  terms: [
    { pattern: 'orang dalam', note: 'klaim sumber orang dalam' },
    { pattern: 'orang dalem', note: 'ejaan cakapan' },
    { pattern: 'ordal', note: 'singkatan "orang dalam"' },
    { pattern: 'info a1', note: 'klaim informasi "A1" (pasti benar)' },
    { pattern: 'bocoran internal' },
    { pattern: 'bocoran dari dalam' },
    { pattern: 'sumber internal', note: 'klaim sumber internal tanpa nama' },
  ],
};

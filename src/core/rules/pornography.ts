/**
 * pornography: offers of sexual services, porn links and explicit words.
 * Health education is absent from the list on purpose; guideline sentences
 * ("hindari konten pornografi") are silenced by the context analysis.
 */
import { PORN_TERMS } from '../data/pornography.js';
import { refs } from '../data/references.js';
import type { Rule } from '../engine.js';
import { listRule } from './factory.js';
import { L } from './util.js';

/** pornography/explicit: sexual services, porn links and vocabulary. */
export const explicit: Rule = listRule({
  meta: {
    id: 'pornography/explicit',
    category: 'pornography',
    severity: 'error',
    description: L(
      'Tawaran layanan seksual, tautan atau istilah konten porno. Edukasi kesehatan ("kanker payudara", SADARI) bukan pornografi.',
      'Offers of sexual services, porn links or porn vocabulary. Health education ("breast cancer", breast self-exam) is not pornography.',
    ),
    references: refs('SE137', 'SE16', 'UUITE'),
    appliesTo: ['post', 'account'],
    lists: [PORN_TERMS],
    examples: {
      valid: ['Oktober bulan peduli kanker payudara. Yuk lakukan SADARI', 'Edukasi kesehatan reproduksi untuk remaja'],
      invalid: ['Open BO area Jaksel, DM aja kak', 'Link video bokep terbaru full no sensor'],
    },
  },
  message: (_m, w) =>
    L(`"${w}" mengarah ke konten pornografi, yang dilarang bagi ASN.`, `"${w}" points to pornographic content, which civil servants must not share.`),
  suggestions: [L('Hapus bagian ini; jangan membagikan atau menautkan konten seksual.', 'Remove this; do not share or link sexual content.')],
});

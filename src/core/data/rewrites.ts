/**
 * Rewrites offered as suggestion fixes (src/core/rewrites.ts): per rule, whether the flagged words are replaced by a
 * neutral wording or dropped from the sentence. The replacement words are data, with their sources, like every term
 * list of the core.
 */

import type { Source } from '../terms.js';
import type { Localized } from '../types.js';
import { FLEXING, KBBI, SE16, SE137, SKB } from './sources.js';

/** How a rule's flagged words are rewritten. */
export interface Rewrite {
  /** `replace`: the flagged words become `text`; `remove`: they are dropped and the sentence is tidied. */
  mode: 'replace' | 'remove';
  /** The replacement (Indonesian, the language of the post) for `replace`. */
  text?: string;
  /** What the rewrite does, shown before the rewritten sentence. */
  label: Localized;
  sources: Source[];
}

/** Rewrites by rule id. */
export const REWRITES: Readonly<Record<string, Rewrite>> = {
  'partisanship/campaign-call': {
    mode: 'replace',
    text: 'gunakan hak pilih Anda',
    label: { id: 'Ajakan netral', en: 'Neutral civic wording' },
    sources: [SKB, SE137],
  },
  'partisanship/slogan': {
    mode: 'remove',
    label: { id: 'Tanpa slogan kampanye', en: 'Without the campaign slogan' },
    sources: [SKB],
  },
  'abusive/profanity': {
    mode: 'remove',
    label: { id: 'Tanpa kata kasar', en: 'Without the swear word' },
    sources: [KBBI, SE16],
  },
  'abusive/insult': {
    mode: 'remove',
    label: { id: 'Tanpa hinaan', en: 'Without the insult' },
    sources: [KBBI, SE16],
  },
  'extravagance/luxury': {
    mode: 'remove',
    label: { id: 'Tanpa pamer kemewahan', en: 'Without the show of luxury' },
    sources: [FLEXING, SE16],
  },
  'extravagance/trip-phrases': {
    mode: 'remove',
    label: { id: 'Tanpa kesan liburan', en: 'Without the holiday framing' },
    sources: [FLEXING, SE16],
  },
  'extravagance/trip-leisure': {
    mode: 'remove',
    label: { id: 'Tanpa kesan liburan', en: 'Without the holiday framing' },
    sources: [FLEXING, SE16],
  },
};

/**
 * The built-in rule set. Each rule lives in its own module with declared
 * metadata and term lists (src/core/data/); this index is the one place that
 * lists them.
 */
import type { Rule } from '../engine.js';
import { vocabularyOf } from '../terms.js';
import * as abusive from './abusive.js';
import * as accountName from './account-name.js';
import * as confidential from './confidential.js';
import * as defamation from './defamation.js';
import * as extravagance from './extravagance.js';
import * as harassment from './harassment.js';
import * as hate from './hate-speech.js';
import * as hoax from './hoax.js';
import * as partisanship from './partisanship.js';
import * as personalData from './personal-data.js';
import { POLICY_TERM_RULES } from './policy-terms.js';
import * as pornography from './pornography.js';
import * as radicalism from './radicalism.js';

/** Every built-in rule, in reporting order. */
export const BUILTIN_RULES: Rule[] = [
  hoax.chainMessage,
  hoax.insiderChain,
  hoax.known,
  hoax.hearsay,
  partisanship.campaignCall,
  partisanship.campaignTeam,
  partisanship.slogan,
  partisanship.electionFile,
  partisanship.support,
  confidential.markers,
  confidential.memoNumber,
  confidential.taxpayerFacts,
  confidential.disclosure,
  personalData.identifiers,
  accountName.institution,
  hate.sara,
  hate.slur,
  abusive.profanity,
  abusive.insult,
  harassment.targeted,
  pornography.explicit,
  radicalism.phrases,
  radicalism.combination,
  extravagance.tripPhrases,
  extravagance.tripLeisure,
  extravagance.luxury,
  defamation.accusation,
  ...POLICY_TERM_RULES,
];

/**
 * Extra words for splitting lower-case hashtags ("#dinasrasaliburan",
 * "#2019gantipresiden"): every word of the term lists plus common words
 * that appear inside campaign and travel hashtags.
 */
export const HASHTAG_VOCABULARY: string[] = [
  ...vocabularyOf(BUILTIN_RULES.flatMap((r) => r.meta.lists ?? [])),
  ...[
    'indonesia',
    'maju',
    'kita',
    'bersama',
    'untuk',
    'rakyat',
    'jaya',
    'menang',
    'lanjut',
    'lanjutkan',
    'perubahan',
    'pemilu',
    'damai',
    'pilpres',
    'pilkada',
    'bijak',
    'bermedsos',
    'kemenkeu',
    'pajak',
    'apbn',
  ],
];

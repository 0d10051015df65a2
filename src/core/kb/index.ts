/**
 * The fact-check knowledge base in the pure core: entry schema and our
 * JSON-lines format, merge of imports, the retrieval index and the
 * `hoax/known` matching. No I/O: the host reads files, the server its tables.
 */

export {
  buildKbIndex,
  decide,
  KB_MATCH_THRESHOLD,
  KB_SIMILAR_THRESHOLD,
  type KbDecision,
  type KbHit,
  type KbIndex,
  type KbIndexOptions,
  matchKb,
  searchKb,
} from './matcher.js';
export { type KbCandidate, type KbImportItem, type KbImportReport, mergeKb } from './merge.js';
export { checkKb, formatDateId, kbRule, withKb } from './rule.js';
export {
  FALSE_VERDICTS,
  KB_LIMITS,
  type KbEntry,
  type KbEntryInput,
  KbFormatError,
  type KbLineError,
  kbEntrySchema,
  MAX_KB_CHARS,
  MAX_KB_ENTRIES,
  parseKbJsonl,
  toKbJsonl,
  VERDICT_LABELS,
  VERDICTS,
  type Verdict,
  validateEntry,
} from './schema.js';
export { charGrams, numbersIn, STOP_WORDS, SYNONYMS, termOf } from './terms.js';

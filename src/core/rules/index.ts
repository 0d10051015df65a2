/**
 * The built-in rule set. Each rule lives in its own module with declared
 * metadata and term lists (src/core/data/); this index is the one place that
 * lists them.
 */
import { type Rule, setDefaultRules } from '../engine.js';

/** Every built-in rule, in reporting order. */
export const BUILTIN_RULES: Rule[] = [];

setDefaultRules(BUILTIN_RULES);

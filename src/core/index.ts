/**
 * Bijak checker core: `check(input, policy) -> Finding[]`.
 *
 * Pure TypeScript with no file-system, network or DOM imports, so it runs
 * unchanged in Node, in the web workspace and in a browser extension.
 */
import { type Checker, type CheckerOptions, createChecker as createEngineChecker } from './engine.js';
import { KEMENKEU_POLICY } from './policies/kemenkeu.js';
import { type Policy, type PolicyInput, parsePolicy } from './policy.js';
import { BUILTIN_RULES, HASHTAG_VOCABULARY } from './rules/index.js';
import type { CheckInput, Finding } from './types.js';

export { CATEGORY_LABELS } from './categories.js';
export * from './contract.js';
export type { Checker, CheckerOptions, Report, Rule, RuleContext, RuleMeta } from './engine.js';
export * from './input.js';
export { type Model, ModelFormatError, type ModelRuleOptions, modelRules, parseModel, predictText } from './model/index.js';
export { foldCase, type NormalizedText, normalizeText, normalizeWord, squeeze, type Token, type Tokenized, tokenize } from './normalize/tokenize.js';
export { KEMENKEU_POLICY } from './policies/kemenkeu.js';
export { DEFAULT_SEVERITY, type Policy, PolicyError, type PolicyInput, parsePolicy, policySchema } from './policy.js';
export { renderRulesMarkdown } from './rules/docs.js';
export { BUILTIN_RULES, HASHTAG_VOCABULARY } from './rules/index.js';
export { compileList, type Match, matchList, type Source, type Term, type TermList } from './terms.js';
export * from './types.js';

/**
 * Creates a checker for a policy. The rules are passed in: `options.rules` (the built-in set, {@link BUILTIN_RULES},
 * when omitted) plus `options.extraRules` (e.g. learned-model rules); hashtag vocabulary likewise defaults to
 * {@link HASHTAG_VOCABULARY}. Nothing is registered by importing a module.
 */
export function createChecker(policy: Policy | PolicyInput, options: CheckerOptions = {}): Checker {
  return createEngineChecker(policy, { ...options, rules: options.rules ?? BUILTIN_RULES, vocabulary: options.vocabulary ?? HASHTAG_VOCABULARY });
}

/** The default (Kemenkeu) policy, validated. */
export const DEFAULT_POLICY: Policy = parsePolicy(KEMENKEU_POLICY);

const checkers = new WeakMap<object, Checker>();

/**
 * Checks a post or an account against a policy (the Kemenkeu default when
 * omitted). Checkers are cached per policy object; for custom rules or models
 * use {@link createChecker}.
 */
export function check(input: CheckInput, policy: Policy | PolicyInput = DEFAULT_POLICY, options?: CheckerOptions): Finding[] {
  if (options) return createChecker(policy, options).check(input);
  let c = checkers.get(policy);
  if (!c) {
    c = createChecker(policy);
    checkers.set(policy, c);
  }
  return c.check(input);
}

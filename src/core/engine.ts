/**
 * The checker engine: runs rules over an input and passes their reports
 * through one pipeline (policy on/off and severity, allow-list, dedupe, sort).
 *
 * Pure: no file system, network or DOM. A rule that throws becomes a finding
 * about the rule; the check itself never crashes.
 */

import { SEVERITY_RANK } from './contract.js';
import { type Tokenized, tokenize } from './normalize/tokenize.js';
import { categoryEnabled, categorySeverity, type Policy, type PolicyInput, parsePolicy } from './policy.js';
import { withRewrites } from './rewrites.js';
import { covered, spanCover } from './spans.js';
import { steps } from './steps.js';
import { type CompiledList, compileIndex, compileList, type Match, matchIndex, matchList, type TermList } from './terms.js';
import {
  type AccountInput,
  type Category,
  type CheckInput,
  type Field,
  type Finding,
  isAccount,
  type Localized,
  type Severity,
  type Suggestion,
} from './types.js';

/** Declared metadata of a rule (ESLint-style); rule docs are generated from it. */
export interface RuleMeta {
  /** Stable id, `<category>/<name>`. */
  id: string;
  category: Category;
  /** Severity when the policy does not set one. */
  severity: Severity;
  description: Localized;
  /** Guideline short names from policy.md. */
  references: string[];
  /** Which inputs the rule reads. */
  appliesTo: Array<'post' | 'account'>;
  /** Term lists the rule matches (for docs and hashtag vocabulary). */
  lists?: TermList[];
  /** Word lists the rule's code consults (frame slots, context words): shown in the docs, not matched as terms. */
  vocabulary?: TermList[];
  /** Examples for the docs and the rule tests. */
  examples?: { valid: string[]; invalid: string[] };
}

/** What a rule reports: a range into the field's original text and why. */
export interface Report {
  range: [number, number];
  message: Localized;
  suggestions?: Suggestion[];
  severity?: Severity;
  confidence?: number;
  /** Overrides the rule's category (a rule may cover a neighbour, e.g. confidential facts inside a personal-data report). */
  category?: Category;
  /** Overrides the rule's references. */
  references?: string[];
  /**
   * A recorded fact rather than a judgement of wording (a match of the organisation's fact-check KB, a validated
   * identifier number of another person): the learned judge cannot withdraw it, since its text model never saw what
   * the KB knows and does not read number formats.
   */
  binding?: boolean;
  /**
   * The rule examined this span and found it allowed (an info finding: the writer's own number, a donation account):
   * the learned judge then adds no finding of the category to this field, since a rule has already said why it is fine.
   */
  clears?: boolean;
}

/** Everything a rule sees of one input field. */
export interface RuleContext {
  input: CheckInput;
  field: Field;
  /** The original text of the field. */
  text: string;
  tok: Tokenized;
  policy: Policy;
  /** Matches of a term list in this field (compiled once per checker, cached per field). */
  match(list: TermList): Match[];
  /** Per-field memo shared by rules (e.g. context signals computed once). */
  memo<T>(key: string, compute: () => T): T;
  report(r: Report): void;
  /** Findings that earlier rules reported on this field (the learned judge, which runs last, weighs them). */
  findings(): readonly Finding[];
  /**
   * Withdraws a finding of this field that an earlier rule reported (the learned judge overrules it); failures of rules
   * and binding findings (Report.binding) cannot be withdrawn.
   */
  withdraw(f: Finding): void;
  /** Whether an earlier rule cleared the category on this field (Report.clears, {@link RuleContext.clear}). */
  cleared(category: Category): boolean;
  /** Clears the category on this field without a finding (what Report.clears does with one). */
  clear(category: Category): void;
}

/** A rule: metadata plus a check over one field. */
export interface Rule {
  meta: RuleMeta;
  /**
   * Called once when a checker is created, to build and validate what the
   * rule derives from the policy (election lists, extra terms). May return
   * term lists to compile eagerly, so that a bad pattern fails at load.
   */
  prepare?(policy: Policy): TermList[] | undefined;
  check(ctx: RuleContext): void;
}

/** Options of {@link createChecker}. */
export interface CheckerOptions {
  /**
   * The rules to run. Required here (the engine imports no rules and nothing registers them by side effect); the core
   * index's `createChecker` passes the built-in set (rules/index.ts) when omitted.
   */
  rules?: Rule[];
  /** More rules after `rules`, e.g. learned-model rules. */
  extraRules?: Rule[];
  /** Words for hashtag splitting beyond the rules' term lists. */
  vocabulary?: Iterable<string>;
}

/** A configured checker. */
export interface Checker {
  readonly policy: Policy;
  readonly rules: readonly Rule[];
  check(input: CheckInput): Finding[];
}

function fieldsOf(input: CheckInput): Array<[Field, string]> {
  if (isAccount(input)) {
    const a = input as AccountInput;
    const out: Array<[Field, string]> = [['handle', a.handle]];
    if (a.displayName) out.push(['displayName', a.displayName]);
    if (a.bio) out.push(['bio', a.bio]);
    return out;
  }
  return [['text', input.text]];
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** Creates a checker for a policy (a validated {@link Policy} or raw data to validate). */
export function createChecker(policyInput: Policy | PolicyInput, options: CheckerOptions = {}): Checker {
  const policy = parsePolicy(policyInput);
  if (!options.rules) throw new Error('createChecker: pass the rules to run (options.rules), e.g. BUILTIN_RULES of the core index');
  const rules = [...options.rules, ...(options.extraRules ?? [])];
  const ids = new Set<string>();
  for (const r of rules) {
    if (ids.has(r.meta.id)) throw new Error(`duplicate rule id: ${r.meta.id}`);
    ids.add(r.meta.id);
  }
  const compiled = new Map<TermList, CompiledList>();
  const compiledOf = (l: TermList) => {
    let c = compiled.get(l);
    if (!c) {
      c = compileList(l);
      compiled.set(l, c);
    }
    return c;
  };
  // policy-derived lists are compiled here, once per checker: a bad pattern fails at load, not per check
  for (const r of rules) for (const l of r.prepare?.(policy) ?? []) compiledOf(l);
  for (const r of rules) for (const l of r.meta.lists ?? []) compiledOf(l);
  // one index over every known list: each field is scanned once for all lists, not once per list
  const index = compileIndex(compiled.values());
  const indexed = new Set(index.lists);
  const NONE: Match[] = [];
  const vocab = new Set<string>(options.vocabulary ?? []);
  for (const r of rules)
    for (const l of r.meta.lists ?? [])
      for (const t of l.terms) for (const w of t.pattern.split(/\s+/)) if (w.length >= 2 && /^[a-z]+$/i.test(w)) vocab.add(w.toLowerCase());
  const allow = policy.allow.map((a) => a.toLowerCase());
  // the rules that can report at all, per input kind, decided once per checker rather than on every check
  const enabled = rules.filter((r) => categoryEnabled(policy, r.meta.category));
  const postRules = enabled.filter((r) => r.meta.appliesTo.includes('post'));
  const accountRules = enabled.filter((r) => r.meta.appliesTo.includes('account'));

  function check(input: CheckInput): Finding[] {
    const findings: Finding[] = [];
    const kind = isAccount(input) ? 'account' : 'post';
    const failures: Finding[] = [];
    for (const [field, text] of fieldsOf(input)) {
      if (typeof text !== 'string' || text.length === 0) continue;
      const from = findings.length;
      let binding: Set<Finding> | undefined;
      let clearedCats: Set<Category> | undefined;
      if (steps.on) steps.n++;
      const tok = tokenize(text, { vocabulary: vocab });
      let matches: Map<TermList, Match[]> | undefined;
      let indexMatches: Map<TermList, Match[]> | undefined;
      const memo = new Map<string, unknown>();
      // one context per field; `m` is the metadata of the rule being run (no per-rule closures on the hot path)
      let m = rules[0]?.meta as RuleMeta;
      const ctx: RuleContext = {
        input,
        field,
        text,
        tok,
        policy,
        match(list) {
          if (indexed.has(list)) {
            if (!indexMatches) indexMatches = matchIndex(index, tok.tokens);
            return indexMatches.get(list) ?? NONE;
          }
          let r = matches?.get(list);
          if (!r) {
            r = matchList(compiledOf(list), tok.tokens);
            (matches ??= new Map()).set(list, r);
          }
          return r;
        },
        memo<T>(key: string, compute: () => T): T {
          let v = memo.get(key);
          if (v === undefined && !memo.has(key)) {
            v = compute();
            memo.set(key, v);
          }
          return v as T;
        },
        findings() {
          // most fields have none: one shared empty snapshot instead of an allocation per call
          return findings.length === from ? NO_FINDINGS : findings.slice(from);
        },
        cleared(category) {
          return clearedCats?.has(category) === true;
        },
        clear(category) {
          (clearedCats ??= new Set()).add(category);
        },
        withdraw(f) {
          if (binding?.has(f)) return;
          const i = findings.indexOf(f, from);
          if (i >= 0) findings.splice(i, 1);
        },
        report(r) {
          const category = r.category ?? m.category;
          if (!categoryEnabled(policy, category)) return;
          const [s, e] = r.range;
          if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= text.length && s < e)) {
            throw new Error(`rule ${m.id} reported an invalid range [${s}, ${e}) for a text of ${text.length}`);
          }
          for (const sg of r.suggestions ?? []) {
            const fr = sg.fix?.range;
            if (fr && !(Number.isInteger(fr[0]) && Number.isInteger(fr[1]) && fr[0] >= 0 && fr[1] <= text.length && fr[0] <= fr[1])) {
              throw new Error(`rule ${m.id} suggested a fix with an invalid range [${fr[0]}, ${fr[1]}) for a text of ${text.length}`);
            }
          }
          const f: Finding = {
            ruleId: m.id,
            category,
            severity: categorySeverity(policy, category) ?? r.severity ?? m.severity,
            message: r.message,
            field,
            range: [s, e],
            references: r.references ?? m.references,
            suggestions: r.suggestions ?? [],
            ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
          };
          findings.push(f);
          if (r.binding) (binding ??= new Set()).add(f);
          if (r.clears) (clearedCats ??= new Set()).add(category);
        },
      };
      for (const rule of kind === 'account' ? accountRules : postRules) {
        m = rule.meta;
        try {
          rule.check(ctx);
        } catch (err) {
          failures.push({
            ruleId: m.id,
            category: m.category,
            severity: 'warning',
            message: {
              id: `Aturan ${m.id} gagal dijalankan (${String((err as Error)?.message ?? err)}); periksa teks ini secara manual.`,
              en: `Rule ${m.id} failed (${String((err as Error)?.message ?? err)}); check this text by hand.`,
            },
            field,
            range: [0, text.length],
            references: m.references,
            suggestions: [],
          });
        }
      }
    }
    // rewritten sentences (src/core/rewrites.ts) for the findings whose rule has a rewrite; rules' own fixes are kept
    return withRewrites(postprocess(failures.length ? findings.concat(failures) : findings, input, allow), input);
  }

  return { policy, rules, check };
}

/** First index whose start is >= s. */
function lowerBound(arr: Array<[number, number]>, s: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((arr[mid] as [number, number])[0] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Kept ranges never overlap each other, so only the neighbours around the insertion point can overlap `r`. */
function overlapsAny(arr: Array<[number, number]>, r: [number, number]): boolean {
  const i = lowerBound(arr, r[0]);
  const next = arr[i];
  const prev = arr[i - 1];
  return (next !== undefined && next[0] < r[1]) || (prev !== undefined && prev[1] > r[0]);
}

function insertSorted(arr: Array<[number, number]>, r: [number, number]): void {
  arr.splice(lowerBound(arr, r[0]), 0, r);
}

function fieldText(input: CheckInput, field: Field): string {
  if (isAccount(input)) return (input as AccountInput)[field as 'handle' | 'displayName' | 'bio'] ?? '';
  return input.text;
}

/** Allow-list, dedupe (same category, overlapping range: keep the most severe, then the longest), sort. */
function postprocess(findings: Finding[], input: CheckInput, allow: string[]): Finding[] {
  if (findings.length === 0) return findings; // most texts: nothing to filter, dedupe or sort
  let out = findings;
  if (allow.length > 0) {
    // a finding is allowed when an allow-listed phrase occurs around (covering) its range
    // one containment query per finding (binary search), not a scan of every allowed occurrence
    const spans = new Map<Field, ReturnType<typeof spanCover>>();
    const spansOf = (field: Field) => {
      let c = spans.get(field);
      if (!c) {
        const s: Array<[number, number]> = [];
        const lower = fieldText(input, field).toLowerCase();
        for (const a of allow) for (let i = lower.indexOf(a); i >= 0; i = lower.indexOf(a, i + 1)) s.push([i, i + a.length]);
        c = spanCover(s);
        spans.set(field, c);
      }
      return c;
    };
    out = out.filter((f) => !covered(spansOf(f.field), f.range[0], f.range[1]));
  }
  out.sort(
    (a, b) =>
      a.field.localeCompare(b.field) ||
      a.category.localeCompare(b.category) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.range[1] - b.range[0] - (a.range[1] - a.range[0]) ||
      a.range[0] - b.range[0],
  );
  // Within one field and category, a finding overlapping an already kept (more severe, longer) one is dropped.
  // Kept ranges per group are held sorted by start so each test is a binary search, not a scan of all kept findings.
  const kept: Finding[] = [];
  const keptByGroup = new Map<string, Array<[number, number]>>();
  if (steps.on) steps.n += out.length;
  for (const f of out) {
    const key = `${f.field}\u0000${f.category}`;
    let arr = keptByGroup.get(key);
    if (!arr) keptByGroup.set(key, (arr = []));
    if (overlapsAny(arr, f.range)) continue;
    insertSorted(arr, f.range);
    kept.push(f);
  }
  const fieldOrder: Record<Field, number> = { text: 0, handle: 1, displayName: 2, bio: 3 };
  kept.sort(
    (a, b) =>
      fieldOrder[a.field] - fieldOrder[b.field] ||
      a.range[0] - b.range[0] ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.category.localeCompare(b.category),
  );
  return kept;
}

/** Shared helpers of the core tests: compact finding strings and the repo root. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CheckInput, check, type Finding, type Policy, type PolicyInput } from '../../src/core/index.js';

/** The repository root (tests/core/../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** "ruleId start:end flagged words" for one finding of a post. */
export function fmt(text: string, f: Finding): string {
  return `${f.ruleId} ${f.range[0]}:${f.range[1]} ${text.slice(f.range[0], f.range[1])}`;
}

/** Findings of a post as compact strings, error and warning only unless `all`. */
export function findings(text: string, policy?: Policy | PolicyInput, all = false): string[] {
  return check({ text }, policy)
    .filter((f) => all || f.severity !== 'info')
    .map((f) => fmt(text, f));
}

/** Field-qualified compact strings for an account. */
export function accountFindings(input: Omit<Extract<CheckInput, { kind: 'account' }>, 'kind'>, policy?: Policy | PolicyInput): string[] {
  const a = { kind: 'account' as const, ...input };
  return check(a, policy).map((f) => `${f.ruleId} ${f.field} ${f.range[0]}:${f.range[1]} ${(a[f.field as 'handle'] ?? '').slice(f.range[0], f.range[1])}`);
}

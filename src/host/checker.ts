/**
 * Node-side assembly of the checker: reads policy files and model files from
 * disk and builds checkers from the pure core. The CLI, the server and the
 * audit all get their checker here, so they agree on rules and models.
 */
import { readFileSync, statSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type Checker, createChecker, DEFAULT_POLICY, type Policy, PolicyError, parsePolicy } from '../core/index.js';

/** Largest policy file accepted (policy files are untrusted input). */
export const MAX_POLICY_BYTES = 2 * 1024 * 1024;

const cache = new WeakMap<Policy, Checker>();

/** The checker for a policy (built-in rules plus the shipped models), cached per policy object. */
export function getChecker(policy: Policy = DEFAULT_POLICY): Checker {
  let c = cache.get(policy);
  if (!c) {
    c = createChecker(policy);
    cache.set(policy, c);
  }
  return c;
}

/** Parses policy text (JSON or YAML); throws PolicyError naming the bad field. */
export function parsePolicyText(text: string, name = 'policy'): Policy {
  if (text.length > MAX_POLICY_BYTES) throw new PolicyError([{ path: '', message: `${name} is larger than ${MAX_POLICY_BYTES} bytes` }]);
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 }); // YAML is a superset of JSON
  } catch (e) {
    throw new PolicyError([{ path: '', message: `${name} is not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}` }]);
  }
  return parsePolicy(data);
}

/** Reads and validates a policy file. */
export function loadPolicyFile(path: string): Policy {
  const st = statSync(path);
  if (st.size > MAX_POLICY_BYTES) throw new PolicyError([{ path: '', message: `${path} is larger than ${MAX_POLICY_BYTES} bytes` }]);
  return parsePolicyText(readFileSync(path, 'utf8'), path);
}

/**
 * Node-side assembly of the checker: reads policy files and model files from
 * disk and builds checkers from the pure core. The CLI, the server and the
 * audit all get their checker here, so they agree on rules and models.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { BUILTIN_RULES, type Checker, createChecker, DEFAULT_POLICY, type Policy, PolicyError, parsePolicy, type Rule } from '../core/index.js';
import { type KbIndex, withKb } from '../core/kb/index.js';
import { modelRules, parseModel } from '../core/model/index.js';

/** Largest policy file accepted (policy files are untrusted input). */
export const MAX_POLICY_BYTES = 2 * 1024 * 1024;

/** Largest model file accepted. */
export const MAX_MODEL_BYTES = 16 * 1024 * 1024;

let shipped: Rule[] | undefined;

/**
 * Rules of the shipped text model, models/bijak-text.model (BIJAK_MODEL=path
 * overrides, BIJAK_MODEL=off disables); [] when the file is absent. A bad
 * file throws a ModelFormatError naming the problem. The rules hold no state,
 * so one set serves every policy.
 */
export function shippedModelRules(): Rule[] {
  if (shipped) return shipped;
  const env = process.env.BIJAK_MODEL;
  if (env === 'off') return (shipped = []);
  // src/host -> ../../models ; dist/src/host -> ../../../models
  const candidates = env ? [env] : ['../../models/bijak-text.model', '../../../models/bijak-text.model'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const path = candidates.find((p) => existsSync(p));
  if (!path) return (shipped = []);
  if (statSync(path).size > MAX_MODEL_BYTES) throw new Error(`${path} is larger than ${MAX_MODEL_BYTES} bytes`);
  shipped = modelRules(parseModel(new Uint8Array(readFileSync(path))));
  return shipped;
}

const cache = new WeakMap<Policy, Checker>();
const kbCache = new WeakMap<KbIndex, WeakMap<Policy, Checker>>();

/**
 * The checker for a policy (built-in rules plus the shipped models), cached
 * per policy object; with a KB index, `hoax/known` also matches the KB
 * (cached per index and policy).
 */
export function getChecker(policy: Policy = DEFAULT_POLICY, kb?: KbIndex): Checker {
  if (kb) {
    let m = kbCache.get(kb);
    if (!m) kbCache.set(kb, (m = new WeakMap()));
    let c = m.get(policy);
    if (!c) {
      c = createChecker(policy, { rules: withKb(BUILTIN_RULES, kb), extraRules: shippedModelRules() });
      m.set(policy, c);
    }
    return c;
  }
  let c = cache.get(policy);
  if (!c) {
    c = createChecker(policy, { rules: BUILTIN_RULES, extraRules: shippedModelRules() });
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

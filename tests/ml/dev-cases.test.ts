/**
 * The model inside the checker on the labelled dev cases of ../shared (skipped
 * when absent): on a case that expects nothing the model adds no finding, and
 * the model never hides what the rules found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, type CheckInput, createChecker, DEFAULT_POLICY } from '../../src/core/index.js';
import { modelRules, parseModel } from '../../src/core/model/index.js';
import { sharedPath } from '../../src/host/shared.js';

const DEV = sharedPath('cases', 'dev.jsonl');
const present = DEV !== undefined && existsSync(DEV);
if (!present) console.warn('tests/ml/dev-cases: ../shared/cases/dev.jsonl absent, skipped');

describe.skipIf(!present)('model on the dev cases', () => {
  const cases = present
    ? readFileSync(DEV as string, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: string; kind: string; text?: string; handle?: string; expect: string[] })
    : [];
  const model = parseModel(new Uint8Array(readFileSync('models/bijak-text.model')));
  const rulesOnly = createChecker(DEFAULT_POLICY, { rules: BUILTIN_RULES });
  const withModel = createChecker(DEFAULT_POLICY, { rules: BUILTIN_RULES, extraRules: modelRules(model) });
  const posts = cases.filter((c) => c.kind !== 'account');

  it.each(posts.filter((c) => c.expect.length === 0).map((c) => [c.id, c.text as string]))('%s: no model finding on a clean post', (_id, text) => {
    const found = withModel.check({ text } as CheckInput).filter((f) => f.ruleId.endsWith('/model'));
    expect(found.map((f) => `${f.ruleId} ${text.slice(...f.range)}`)).toEqual([]);
  });

  it('keeps every category the rules found', () => {
    for (const c of posts) {
      const a = new Set(rulesOnly.check({ text: c.text as string }).map((f) => f.category));
      const b = new Set(withModel.check({ text: c.text as string }).map((f) => f.category));
      for (const cat of a) expect(b.has(cat), `${c.id} ${cat}`).toBe(true);
    }
  });
});

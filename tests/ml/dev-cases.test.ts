/**
 * The model inside the checker on the labelled dev cases of ../shared (skipped
 * when absent): on a case that expects nothing the model adds no finding, and
 * every case comes out as labelled with the judge.
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
  const withModel = createChecker(DEFAULT_POLICY, { rules: BUILTIN_RULES, extraRules: modelRules(model) });
  const posts = cases.filter((c) => c.kind !== 'account');

  it.each(posts.filter((c) => c.expect.length === 0).map((c) => [c.id, c.text as string]))('%s: no model finding on a clean post', (_id, text) => {
    const found = withModel.check({ text } as CheckInput).filter((f) => f.ruleId.endsWith('/model'));
    expect(found.map((f) => `${f.ruleId} ${text.slice(...f.range)}`)).toEqual([]);
  });

  it('gets every dev case right with the judge: expected categories found, clean cases clean', () => {
    for (const c of cases) {
      const input = c.kind === 'account' ? ({ kind: 'account', handle: c.handle } as CheckInput) : ({ text: c.text as string } as CheckInput);
      const got = [
        ...new Set(
          withModel
            .check({ ...(c as object), ...input } as CheckInput)
            .filter((f) => f.severity !== 'info')
            .map((f) => f.category),
        ),
      ].sort();
      expect(got, c.id).toEqual([...c.expect].sort());
    }
  });
});

/** docs/rules.md is generated from the rule metadata; it must be up to date. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, renderRulesMarkdown } from '../../src/core/index.js';
import { ROOT } from './helpers.js';

describe('rule documentation', () => {
  it('docs/rules.md is up to date (run npx tsx scripts/gen-rules-doc.ts)', () => {
    expect(readFileSync(resolve(ROOT, 'docs/rules.md'), 'utf8')).toBe(renderRulesMarkdown(BUILTIN_RULES));
  });
  it('documents every rule, its references and its lists', () => {
    const md = renderRulesMarkdown(BUILTIN_RULES);
    for (const r of BUILTIN_RULES) {
      if (r.meta.id.endsWith('/policy-terms')) continue;
      expect(md).toContain(`### \`${r.meta.id}\``);
      for (const l of r.meta.lists ?? []) expect(md).toContain(`\`${l.id}\``);
    }
  });
});

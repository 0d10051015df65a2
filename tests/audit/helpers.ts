/** Test helpers: a checker with robust custom rules (the built-in rules are written concurrently), temp dirs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { type Checker, createChecker, DEFAULT_POLICY, type Rule } from '../../src/core/index.js';

function wordRule(id: string, category: Rule['meta']['category'], severity: Rule['meta']['severity'], re: RegExp): Rule {
  return {
    meta: {
      id,
      category,
      severity,
      description: { id: id, en: id },
      references: ['test'],
      appliesTo: ['post'],
    },
    check(ctx) {
      const r = new RegExp(re.source, 'giu');
      for (const m of ctx.text.matchAll(r)) ctx.report({ range: [m.index!, m.index! + m[0].length], message: { id: 'uji', en: 'test' } });
    },
  };
}

/** Flags "bangsat" / "anjing" (abusive, error), 16-digit NIK-like numbers (personal-data, warning) and "kampanye" (partisanship, info). */
export const TEST_RULES: Rule[] = [
  wordRule('abusive/test-word', 'abusive', 'error', /\b(bangsat|anjing)\b/),
  wordRule('personal-data/test-nik', 'personal-data', 'warning', /\b\d{16}\b/),
  wordRule('partisanship/test-word', 'partisanship', 'info', /\bkampanye\b/),
];

/** A checker over {@link TEST_RULES}, with severities as the rules declare them. */
export function testChecker(): Checker {
  const policy = { ...DEFAULT_POLICY, categories: {} };
  return createChecker(policy, { rules: TEST_RULES });
}

/** A temp directory removed after the file's tests. */
export function tempDir(prefix = 'bijak-audit-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

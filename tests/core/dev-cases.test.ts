/**
 * Acceptance: the labelled cases of ../shared/cases/dev.jsonl (skipped with a
 * message when ../shared is absent) and this project's own
 * tests/core/cases.jsonl. Every expected category must be found; a case that
 * expects none must have no error or warning finding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Category, type CheckInput, check } from '../../src/core/index.js';
import { ROOT } from './helpers.js';

interface Case {
  id: string;
  kind: 'post' | 'account';
  text?: string;
  handle?: string;
  displayName?: string;
  bio?: string;
  expect: Category[];
  note?: string;
}

function load(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Case);
}

function inputOf(c: Case): CheckInput {
  return c.kind === 'account' ? { kind: 'account', handle: c.handle ?? '', displayName: c.displayName, bio: c.bio } : { text: c.text ?? '' };
}

function run(cases: Case[]): void {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const found = check(inputOf(c)).filter((f) => f.severity !== 'info');
    const got = new Set(found.map((f) => f.category));
    const label = c.text ?? `${c.handle} | ${c.displayName ?? ''} | ${c.bio ?? ''}`;
    if (c.expect.length === 0)
      expect(
        found.map((f) => `${f.ruleId}`),
        label,
      ).toEqual([]);
    for (const cat of c.expect) expect([...got], `${label} should be ${cat}`).toContain(cat);
  });
}

const DEV = resolve(ROOT, '../shared/cases/dev.jsonl');
const OWN = resolve(ROOT, 'tests/core/cases.jsonl');

describe.skipIf(!existsSync(DEV))('dev cases (../shared/cases/dev.jsonl)', () => {
  if (!existsSync(DEV)) return;
  run(load(DEV));
});
if (!existsSync(DEV)) console.warn(`dev-cases: ${DEV} not found, skipping the shared dev cases (../shared is absent)`);

describe('own cases (tests/core/cases.jsonl)', () => {
  const cases = load(OWN);
  it('has at least 60 cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
  run(cases);
});

/**
 * The guideline's own wording must never be flagged: every sentence (and
 * every line, and each whole article) of ../shared/seeds/*.txt comes out with
 * no finding at all, info included.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/index.js';
import { ROOT } from './helpers.js';

const DIR = resolve(ROOT, '../shared/seeds');
const present = existsSync(DIR);
if (!present) console.warn(`seeds: ${DIR} not found, skipping (../shared is absent)`);

describe.skipIf(!present)('seed articles', () => {
  const files = present ? readdirSync(DIR).filter((f) => f.endsWith('.txt')) : [];
  it.each(files)('%s has no finding', (f) => {
    const text = readFileSync(resolve(DIR, f), 'utf8');
    const units = [text, ...text.split('\n'), ...text.split(/(?<=[.!?])\s+/)].filter((u) => u.trim().length > 0);
    const hits: string[] = [];
    for (const u of units) for (const x of check({ text: u })) hits.push(`${x.ruleId} "${u.slice(x.range[0], x.range[1])}" in: ${u.slice(0, 120)}`);
    expect(hits).toEqual([]);
  });
});

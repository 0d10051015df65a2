/**
 * Floors of the KB matching on the labelled set (tests/kb/eval) with the
 * sample KB; the figures themselves come from `bijak kb eval` (docs/quality.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKbJsonl } from '../../src/core/kb/index.js';
import { sharedPath } from '../../src/host/shared.js';
import { evaluateKb, loadEvalSet } from '../../src/kb/evaluate.js';

const ROOT = join(import.meta.dirname, '..', '..');
const kb = parseKbJsonl(readFileSync(join(ROOT, 'models/kb-sample.jsonl'), 'utf8'));
const posts = sharedPath('datasets', 'bijak-posts');
const havePosts = !!posts && existsSync(posts);
if (!havePosts) console.warn('tests/kb/eval: ../shared/datasets/bijak-posts absent; unrelated posts are only the project statements');
const set = loadEvalSet(join(ROOT, 'tests/kb/eval'), havePosts ? posts : undefined);
const r = evaluateKb(kb, set);

describe('sample KB', () => {
  it('about 50 entries, all marked as sample, each naming the clarifying body, no unverified URL', () => {
    expect(kb.length).toBeGreaterThanOrEqual(45);
    for (const e of kb) {
      expect(e.sample).toBe(true);
      expect(e.source.name.length).toBeGreaterThan(2);
      expect(e.source.url).toBe('');
    }
    const topics = new Set(kb.flatMap((e) => e.topics));
    for (const t of ['pajak', 'bea-cukai', 'anggaran', 'gaji-asn', 'perbankan', 'pemilu']) expect(topics).toContain(t);
  });
});

describe('KB matching on the labelled set', () => {
  it('has the size the issue asks for', () => {
    expect(new Set(set.paraphrases.map((p) => p.entry)).size).toBeGreaterThanOrEqual(40);
    expect(set.paraphrases.length).toBeGreaterThanOrEqual(120);
    for (const p of set.paraphrases) expect(kb.some((e) => e.id === p.entry)).toBe(true);
    if (havePosts) expect(set.unrelated.length).toBeGreaterThanOrEqual(300);
  });

  it('recall@1 on paraphrases >= 0.90', () => {
    expect(r.recallAt1).toBeGreaterThanOrEqual(0.9);
    expect(r.detected).toBeGreaterThanOrEqual(0.8);
  });

  it('false matches on unrelated and same-topic true posts <= 1%', () => {
    expect(r.falseMatchRate).toBeLessThanOrEqual(0.01);
  });

  it('debunking posts get no error finding', () => {
    expect(r.debunks).toBeGreaterThanOrEqual(30);
    expect(r.debunkErrors).toBe(0);
  });
});

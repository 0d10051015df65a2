import { describe, expect, it } from 'vitest';
import { foldSplits, stratifiedParts } from '../../src/ml/pipeline.js';

function labels(n: number, positives: number): string[] {
  // deterministic mix, positives spread unevenly over the index range
  return Array.from({ length: n }, (_, i) => ((i * 7919) % n < positives ? '1' : '0'));
}

describe('evaluation folds', () => {
  const keys = labels(1000, 420);
  const splits = foldSplits(keys, 42, 5);

  it('are 70/10/20 train/dev/test, disjoint, and the test parts cover every example once', () => {
    const seen = new Int32Array(keys.length);
    for (const s of splits) {
      expect(s.train.length).toBe(700);
      expect(s.dev.length).toBe(100);
      expect(s.test.length).toBe(200);
      const all = new Set([...s.train, ...s.dev, ...s.test]);
      expect(all.size).toBe(keys.length);
      for (const i of s.test) seen[i]++;
    }
    expect([...seen].every((c) => c === 1)).toBe(true);
  });

  it('are stratified: every part keeps the positive rate within one example', () => {
    for (const s of splits) {
      for (const [ids, share] of [
        [s.test, 0.2],
        [s.dev, 0.1],
        [s.train, 0.7],
      ] as const) {
        const pos = ids.filter((i) => keys[i] === '1').length;
        expect(Math.abs(pos - 420 * share)).toBeLessThanOrEqual(2);
      }
    }
  });

  it('are deterministic for a seed and differ across seeds', () => {
    expect(foldSplits(keys, 42, 5)).toEqual(splits);
    expect(stratifiedParts(keys, 10, 43)).not.toEqual(stratifiedParts(keys, 10, 42));
  });
});

describe('held-out evaluation', () => {
  it('uses one 70/10/20 split and scores a learnable label above chance', async () => {
    const { crossValidate } = await import('../../src/ml/evaluate.js');
    const { syntheticExamples } = await import('./helpers.js');
    const { DEFAULT_FEATURES } = await import('../../src/core/model/features.js');
    const spec = { name: 'abusive', category: 'abusive' as const, data: 'ibrohim' as const, label: 'abusive' };
    const r = crossValidate(syntheticExamples(), spec, { seed: 1, folds: 1, features: { ...DEFAULT_FEATURES, bits: 12 } });
    expect(r.folds).toHaveLength(1);
    expect(r.f1.mean).toBeGreaterThan(0.9);
  });
});

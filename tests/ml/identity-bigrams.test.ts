import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, extractFeatures, identityBigramBuckets } from '../../src/core/model/features.js';
import { tokenize } from '../../src/core/normalize/tokenize.js';

const cfg = { ...DEFAULT_FEATURES, identity: true };
const bucketsOf = (text: string) => new Set(extractFeatures(tokenize(text).tokens, cfg).buckets);
const droppedOf = (text: string) => {
  const out = new Set<number>();
  identityBigramBuckets(tokenize(text).tokens, cfg, out);
  return out;
};

describe('identity placeholders\u2019 bigrams (left out of training)', () => {
  it('are buckets of the text\u2019s own features, one on each side of a placeholder', () => {
    const text = 'orang Batak di kampung kami rajin gotong royong';
    const dropped = droppedOf(text);
    // "orang <group>" and "<group> di"
    expect(dropped.size).toBe(2);
    const all = bucketsOf(text);
    for (const b of dropped) expect(all.has(b)).toBe(true);
  });

  it('are the same whichever group or listed figure is named, and none without a placeholder', () => {
    expect([...droppedOf('orang Batak di kampung')].sort()).toEqual([...droppedOf('orang Jawa di kampung')].sort());
    expect(droppedOf('orang baik di kampung kami rajin').size).toBe(0);
  });

  it('stop at a sentence boundary and are off without masking or bigrams', () => {
    expect(droppedOf('Kami ke pasar. Batak').size).toBe(0);
    const out = new Set<number>();
    identityBigramBuckets(tokenize('orang Batak di kampung').tokens, { ...cfg, identity: false }, out);
    identityBigramBuckets(tokenize('orang Batak di kampung').tokens, { ...cfg, bigrams: false }, out);
    expect(out.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createChecker, DEFAULT_POLICY } from '../../src/core/index.js';
import { DEFAULT_FEATURES, extractFeatures } from '../../src/core/model/features.js';
import { contributionsOf, modelRules, parseModel, predictText, rawScore, Scorer } from '../../src/core/model/index.js';
import { tokenize } from '../../src/core/normalize/tokenize.js';
import { type HeadSpec, trainModel } from '../../src/ml/pipeline.js';
import { syntheticExamples } from './helpers.js';

const SPEC: HeadSpec[] = [{ name: 'abusive', category: 'abusive', data: 'ibrohim', label: 'abusive' }];
const features = { ...DEFAULT_FEATURES, bits: 14 };

function train(seed: number) {
  return trainModel({ ibrohim: syntheticExamples() }, { seed, features, heads: SPEC, logreg: { epochs: 8 } });
}

describe('training a tiny model', () => {
  const result = train(7);
  const model = parseModel(result.bytes);

  it('predicts insults high and polite sentences low on unseen sentences', () => {
    const [bad] = predictText(model, 'kamu goblok banget');
    const [good] = predictText(model, 'selamat pagi, terima kasih');
    expect(bad?.probability).toBeGreaterThan(0.5);
    expect(good?.probability).toBeLessThan(0.5);
    expect(bad?.probability).toBeGreaterThan(good?.probability as number);
  });

  it('scores exactly like feature extraction + dot product, through its per-form cache', () => {
    const scorer = new Scorer(model);
    const texts = [
      'kamu goblok banget',
      'selamat pagi, terima kasih',
      'Goblok goblok GOBLOK!!! @user http://x.co 123 #tagar',
      'kamu goblok banget',
      'dasarnya bodohlah kau. kalimat kedua 😀',
      `kata panjangsekalisampaiduapuluhhuruf dan ${'goblok'.repeat(20)} ${'goblok'.repeat(20)} lagi`,
      '',
    ];
    for (const text of texts) {
      const tokens = tokenize(text).tokens;
      scorer.score(tokens);
      const f = extractFeatures(tokens, model.features);
      const head = model.heads[0]!;
      expect(scorer.z[0]).toBe(rawScore(head, f));
      expect(Array.from(scorer.contributions(0))).toEqual(Array.from(contributionsOf(head, f, tokens.length)).map((x) => expect.closeTo(x, 12)));
    }
  });

  it('is deterministic: same seed gives identical bytes, another seed other bytes', () => {
    expect(Buffer.from(train(7).bytes).equals(Buffer.from(result.bytes))).toBe(true);
    expect(Buffer.from(train(8).bytes).equals(Buffer.from(result.bytes))).toBe(false);
  });

  it('becomes a rule whose finding carries a confidence and points at the contributing word', () => {
    const checker = createChecker(DEFAULT_POLICY, { rules: [], extraRules: modelRules(model, { defer: {} }) });
    const text = 'Hari ini kamu goblok sekali di rapat';
    const findings = checker.check({ text });
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.ruleId).toBe('abusive/model');
    expect(f.category).toBe('abusive');
    expect(f.confidence).toBeGreaterThan(0.5);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(text.slice(...f.range)).toContain('goblok');
    expect(f.message.id).toMatch(/bahasa kasar/);
    expect(f.message.en).toMatch(/confidence/);
    expect(f.references.length).toBeGreaterThan(0);
  });

  it('does not flag a quoted or condemning use', () => {
    const checker = createChecker(DEFAULT_POLICY, { rules: [], extraRules: modelRules(model, { defer: {} }) });
    expect(checker.check({ text: 'Dia bilang "kamu goblok" ke saya tadi pagi' })).toEqual([]);
    expect(checker.check({ text: 'Hindari kata kasar seperti goblok di media sosial' })).toEqual([]);
    expect(checker.check({ text: 'Kami mengecam ucapan goblok tolol itu' })).toEqual([]);
  });

  it('defers to the rules on words of their lexicon by default (they know the literal senses)', () => {
    const deferring = createChecker(DEFAULT_POLICY, { rules: [], extraRules: modelRules(model) });
    expect(deferring.check({ text: 'Hari ini kamu goblok sekali di rapat' })).toEqual([]);
  });

  it('leaves very short texts to the rules', () => {
    const checker = createChecker(DEFAULT_POLICY, { rules: [], extraRules: modelRules(model, { defer: {} }) });
    expect(checker.check({ text: 'goblok' })).toEqual([]);
    expect(checker.check({ text: 'kamu goblok banget' })).toHaveLength(1);
  });
});

// The learned judge's model-only findings defer to the rules on the words they decide (their lexicon, literal senses),
// and add nothing to a category a rule examined and cleared.
import { describe, expect, it } from 'vitest';
import { createChecker, DEFAULT_POLICY } from '../../src/core/index.js';
import { DEFAULT_FEATURES, extractFeatures } from '../../src/core/model/features.js';
import { modelRules, parseModel, serializeModel } from '../../src/core/model/index.js';
import { tokenize } from '../../src/core/normalize/tokenize.js';

/** A one-head judge for `category` whose head leans hard on the word unigrams of `words`. */
function judgeOn(category: 'abusive' | 'personal-data' | 'pornography', words: string[]) {
  const features = { ...DEFAULT_FEATURES, bits: 12, identity: true };
  const weights = new Int8Array(1 << features.bits);
  for (const w of words) weights[extractFeatures(tokenize(w).tokens, features).buckets[0] as number] = 127;
  const name = `judge_${category.replace('-', '_')}`;
  const head = { name, category, scale: 0.2, bias: -2, calibration: { a: 1, b: 0 }, threshold: 0.5, enabled: false, weights };
  const stack = [{ category, head: name, inputs: ['head' as const], w: [1], b: 0, threshold: 0.5 }];
  return parseModel(serializeModel({ features, heads: [head], stack, info: {} }));
}

const found = (checker: ReturnType<typeof createChecker>, text: string, category: string) =>
  checker.check({ text }).filter((f) => f.category === category && f.ruleId.endsWith('/model'));

describe('model-only findings of the judge', () => {
  it('leave a word of the rules\u2019 lexicon to the rules (the bat, not the insult), unless told not to defer', () => {
    const model = judgeOn('abusive', ['kampret']);
    const text = 'Di goa itu banyak kampret beterbangan tiap sore, seru dilihat';
    expect(found(createChecker(DEFAULT_POLICY, { extraRules: modelRules(model) }), text, 'abusive')).toEqual([]);
    expect(found(createChecker(DEFAULT_POLICY, { extraRules: modelRules(model, { defer: {} }) }), text, 'abusive')).toHaveLength(1);
  });

  it('leave to the rules only the words they decide alone, not the words of their phrases or literal senses', () => {
    // "video" is a word of "video porno", "makan" a literal-sense word of "anjing": alone they are ordinary words
    const porn = judgeOn('pornography', ['video']);
    const checker = createChecker(DEFAULT_POLICY, { extraRules: modelRules(porn) });
    expect(found(checker, 'Yang mau video lengkapnya tinggal transfer dulu ke aku ya', 'pornography')).toHaveLength(1);
    const abusive = judgeOn('abusive', ['makan']);
    expect(found(createChecker(DEFAULT_POLICY, { extraRules: modelRules(abusive) }), 'Kamu itu cuma bisa makan gaji buta setiap hari', 'abusive')).toHaveLength(
      1,
    );
  });

  it("add nothing to a category a rule cleared (the writer's own account), and still speak elsewhere", () => {
    const model = judgeOn('personal-data', ['rekening']);
    const checker = createChecker(DEFAULT_POLICY, { extraRules: modelRules(model) });
    expect(found(checker, 'Transfer ke rekening saya sendiri BRI 1234-01-009876-53-2 ya, nanti saya kirim', 'personal-data')).toEqual([]);
    expect(found(checker, 'Tolong kirim foto rekening koran tetangga kita yang baru pindah itu', 'personal-data')).toHaveLength(1);
  });
});

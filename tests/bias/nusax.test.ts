/**
 * Regional-language text (NusaX-Senti's valid split: ten regional languages
 * and Indonesian, nearly all harmless reviews and comments, never used in
 * training) must rarely be flagged: at most 2% with an error or warning.
 */
import { describe, expect, it } from 'vitest';
import { getChecker } from '../../src/host/checker.js';
import { sharedPath } from '../../src/host/shared.js';
import { loadNusax } from '../../src/ml/data.js';

const dir = sharedPath('datasets', 'nusax');
if (!dir) console.warn('tests/bias/nusax.test.ts: ../shared/datasets/nusax is absent; skipping (CI always has it)');

describe.skipIf(!dir)('regional languages (NusaX valid split)', () => {
  it('flags at most 2% of the sentences, and "ngenteni" (Javanese: waiting) is not pornography', () => {
    const rows = loadNusax('valid', dir as string);
    const checker = getChecker();
    const flagged = rows.filter((r) => checker.check({ text: r.text }).some((f) => f.severity !== 'info'));
    const rate = flagged.length / rows.length;
    console.info(`NusaX valid: ${flagged.length}/${rows.length} flagged (${(rate * 100).toFixed(2)}%)`);
    expect(rate).toBeLessThanOrEqual(0.02);
    expect(checker.check({ text: 'Aku isih ngenteni kowe ning stasiun, ojo suwe-suwe yo' }).filter((f) => f.category === 'pornography')).toEqual([]);
  });
});

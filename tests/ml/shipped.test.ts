import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker, DEFAULT_POLICY } from '../../src/core/index.js';
import { modelRules, parseModel, predictText } from '../../src/core/model/index.js';

const bytes = new Uint8Array(readFileSync('models/bijak-text.model'));
const meta = JSON.parse(readFileSync('models/bijak-text.model.json', 'utf8'));

describe('the shipped model', () => {
  const t0 = performance.now();
  const model = parseModel(bytes);
  const loadMs = performance.now() - t0;
  const checker = createChecker(DEFAULT_POLICY, { rules: [], extraRules: modelRules(model) });
  const categories = (text: string) => checker.check({ text }).map((f) => f.category);

  it('is compact, loads fast and matches its metadata', () => {
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    expect(loadMs).toBeLessThan(500);
    expect(meta.licence).toMatch(/CC BY-NC-SA 4\.0/);
    expect(meta.bytes).toBe(bytes.length);
    expect(meta.heads.map((h: { name: string; threshold: number }) => [h.name, h.threshold])).toEqual(model.heads.map((h) => [h.name, h.threshold]));
  });

  it('flags most hostile sentences that have no bad word, with a confidence and the contributing words', () => {
    // no word here is in the rules' lexicons; the model must carry them (precision-leaning threshold: most, not all)
    const hostile = [
      'mereka pantas diusir dari negeri ini',
      'usir semua pendatang itu dari negeri ini',
      'mereka tidak pantas tinggal di negeri ini, usir saja',
      'kaum itu harus dimusnahkan dari negeri ini',
    ];
    const hsThreshold = Math.min(...model.heads.filter((h) => h.category === 'hate-speech' && h.enabled).map((h) => h.threshold));
    let flagged = 0;
    for (const text of hostile) {
      const hs = checker.check({ text }).find((f) => f.ruleId === 'hate-speech/model');
      if (!hs) continue;
      flagged++;
      expect(hs.confidence).toBeGreaterThanOrEqual(hsThreshold);
      expect(hs.message.id).toMatch(/ujaran kebencian/);
      expect(hs.message.id).toMatch(/«/);
      expect(text.slice(...hs.range).trim().length).toBeGreaterThan(0);
    }
    expect(flagged).toBeGreaterThanOrEqual(3);
    // the example scores high even where it stays below the run-time threshold
    const [hs] = predictText(model, hostile[0] as string).filter((s) => s.head.name === 'hs');
    expect(hs?.probability).toBeGreaterThan(0.5);
  });

  it('does not flag a sentence that condemns, explains or quotes hate speech', () => {
    expect(categories('Kami mengecam keras ujaran kebencian terhadap etnis Tionghoa')).toEqual([]);
    expect(categories('Hindari ujaran kebencian dan konten SARA di media sosial')).toEqual([]);
    expect(categories('Polisi menangkap pelaku yang menulis "mereka pantas diusir dari negeri ini"')).toEqual([]);
  });

  it('scores ordinary office posts low', () => {
    for (const text of [
      'Selamat pagi rekan-rekan, semangat bekerja hari ini',
      'Menurut rilis resmi Kemenkeu, realisasi pendapatan negara mencapai 80% dari target',
    ]) {
      expect(categories(text)).toEqual([]);
      for (const s of predictText(model, text)) expect(s.positive).toBe(false);
    }
  });
});

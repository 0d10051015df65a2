import { describe, expect, it } from 'vitest';
import { chooseThreshold, jointThresholds } from '../../src/ml/stack.js';

/** Share of clean rows flagged by any category at the thresholds. */
function falseAlarms(p: number[][], clean: boolean[], t: number[]): number {
  let n = 0;
  let k = 0;
  clean.forEach((c, i) => {
    if (!c) return;
    n++;
    if (p.some((pc, j) => (pc[i] as number) >= (t[j] as number))) k++;
  });
  return k / n;
}

describe('jointThresholds', () => {
  // rows 0-3 positives of category A, 4-7 positives of B, 8-19 clean
  const clean = Array.from({ length: 20 }, (_, i) => i >= 8);
  const yA = clean.map((_, i) => (i < 4 ? 1 : 0));
  const yB = clean.map((_, i) => (i >= 4 && i < 8 ? 1 : 0));
  // A: one clean row (8) outranks a positive; B: two clean rows (9, 10) sit among its positives
  const pA = [0.9, 0.8, 0.7, 0.3, 0.1, 0.1, 0.1, 0.1, 0.6, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
  const pB = [0.1, 0.1, 0.1, 0.1, 0.95, 0.9, 0.5, 0.4, 0.1, 0.85, 0.45, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];

  it('equals the per-category F-beta optimum when the budget allows it', () => {
    const t = jointThresholds([pA, pB], [yA, yB], clean, 1);
    expect(t[0]).toBeCloseTo(chooseThreshold(pA, yA), 9);
    expect(t[1]).toBeCloseTo(chooseThreshold(pB, yB), 9);
  });

  it('keeps the clean rows flagged within the budget, spending it where it costs the least F1', () => {
    const free = jointThresholds([pA, pB], [yA, yB], clean, 1);
    expect(falseAlarms([pA, pB], clean, free)).toBeGreaterThan(1 / 12);
    const t = jointThresholds([pA, pB], [yA, yB], clean, 1 / 12);
    expect(falseAlarms([pA, pB], clean, t)).toBeLessThanOrEqual(1 / 12);
    // zero budget: nothing clean is flagged at all
    const z = jointThresholds([pA, pB], [yA, yB], clean, 0);
    expect(falseAlarms([pA, pB], clean, z)).toBe(0);
    // B's positives above its highest clean row stay found
    expect(pB[4] as number).toBeGreaterThanOrEqual(z[1] as number);
  });

  it('a clean row flagged by two categories counts once and is unflagged only when both step up', () => {
    const pC = pA.map((v, i) => (i === 9 ? 0.99 : v));
    const t = jointThresholds([pC, pB], [yA, yB], clean, 0);
    expect(pC[9] as number).toBeLessThan(t[0] as number);
    expect(pB[9] as number).toBeLessThan(t[1] as number);
  });
});

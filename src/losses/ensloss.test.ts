import { describe, expect, it } from 'vitest';
import { ENSLOSS_FAMILIES, ensloss, enslossFamilyDerivativesRef, enslossFamilyValuesRef, enslossWeights } from './ensloss';
import { lossCase, lossGradientFiniteDifference, lossGradientTf, lossValueTf } from './lossTesting';

const MARGINS = Array.from({ length: 161 }, (_, i) => -4 + i * 0.05);

describe('ensloss families', () => {
  it.each(ENSLOSS_FAMILIES.map((name, j) => [name, j] as const))('%s: φ′ is non-decreasing, φ′(0) < 0, and is the slope of φ', (_name, j) => {
    const d = (m: number): number => enslossFamilyDerivativesRef(m)[j]!;
    expect(d(0)).toBeLessThan(0);
    for (let i = 1; i < MARGINS.length; i++) expect(d(MARGINS[i]!)).toBeGreaterThanOrEqual(d(MARGINS[i - 1]!) - 1e-15);
    for (const m of MARGINS) {
      const h = 1e-6;
      const slope = (enslossFamilyValuesRef(m + h)[j]! - enslossFamilyValuesRef(m - h)[j]!) / (2 * h);
      expect(Math.abs(slope - d(m))).toBeLessThan(1e-5);
    }
  });
});

describe('ensloss draws', () => {
  it('are Dirichlet weights, the same for the same seed and step and different across steps', () => {
    const a = enslossWeights(1, { seed: 7, step: 3 });
    expect(a).toHaveLength(4);
    expect(a.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(enslossWeights(1, { seed: 7, step: 3 })).toEqual(a);
    expect(enslossWeights(1, { seed: 7, step: 4 })).not.toEqual(a);
    expect(enslossWeights(1, { seed: 8, step: 3 })).not.toEqual(a);
  });

  it('change the loss from one step to the next, and the custom gradient follows at every step', () => {
    const c = lossCase(31, 8, 2);
    const params = { concentration: 1 };
    const first = lossValueTf(ensloss, c, params) as number[];
    for (const step of [1, 2, 50, 1000]) {
      const s = { ...c, context: { ...c.context, step } };
      expect(lossValueTf(ensloss, s, params)).not.toEqual(first);
      const autodiff = lossGradientTf(ensloss, s, params);
      const numeric = lossGradientFiniteDifference(ensloss, s, params);
      autodiff.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - numeric[i]![k]!)).toBeLessThan(1e-3)));
    }
  });

  it('is unavailable for more than two classes, saying why', () => {
    expect(ensloss.unavailableReason(2)).toBeNull();
    expect(ensloss.unavailableReason(3)).toMatch(/binary/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  REGRESSION_DATA_INFO,
  REGRESSION_KINDS,
  regressionBranches,
  regressionDataGenerate,
  regressionNoiseSd,
  regressionTargetMean,
  type RegressionDataset,
  type RegressionKind,
} from './regressionData';

const input = (data: RegressionDataset, i: number): [number, number] => [data.x[i * data.features]!, data.features === 2 ? data.x[i * data.features + 1]! : 0];

/** Target minus its noise-free mean, per point. */
function residuals(kind: RegressionKind, data: RegressionDataset): number[] {
  return Array.from(data.y, (y, i) => y - regressionTargetMean(kind, ...input(data, i)));
}

const sd = (values: readonly number[]): number => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
};

describe.each(REGRESSION_KINDS)('%s', (kind) => {
  it('has the requested points, its feature count, inputs in [-1, 1], and is the same bit for bit for the same seed', () => {
    const data = regressionDataGenerate({ kind, points: 300, noise: 0.2, seed: 5 });
    expect(data.features).toBe(REGRESSION_DATA_INFO[kind].features);
    expect(data.x).toHaveLength(300 * data.features);
    expect(data.y).toHaveLength(300);
    data.x.forEach((v) => expect(Math.abs(v)).toBeLessThanOrEqual(1));
    data.y.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    expect(regressionDataGenerate({ kind, points: 300, noise: 0.2, seed: 5 })).toEqual(data);
    expect(regressionDataGenerate({ kind, points: 300, noise: 0.2, seed: 6 }).x).not.toEqual(data.x);
  });

  it('has noise of the SD it describes around its noise-free target', () => {
    const data = regressionDataGenerate({ kind, points: 2000, noise: 0.6, seed: 3 });
    if (kind === 'two-branch') {
      const narrow = regressionDataGenerate({ kind, points: 2000, noise: 0.3, seed: 3 });
      const off = Array.from(narrow.y, (y, i) => {
        const [lower, upper] = regressionBranches(input(narrow, i)[0]);
        return Math.abs(y - lower) < Math.abs(y - upper) ? y - lower : y - upper;
      });
      // SD 0.15 around branches 1 apart: assigning each point to the nearer branch hardly trims it.
      expect(Math.abs(sd(off) - 0.15)).toBeLessThan(0.015);
    } else if (kind === 'hetero-sine') {
      const r = residuals(kind, data);
      const x = Array.from({ length: 2000 }, (_, i) => input(data, i)[0]);
      const left = r.filter((_, i) => x[i]! < -0.5);
      const right = r.filter((_, i) => x[i]! > 0.5);
      // SD grows as 0.6·(x + 1)/2: about 0.075 on the left quarter, 0.525 on the right.
      expect(sd(left)).toBeLessThan(0.1);
      expect(sd(right)).toBeGreaterThan(0.45);
      expect(sd(right)).toBeLessThan(0.6);
    } else if (kind === 'outliers') {
      const r = residuals(kind, data);
      const outliers = r.filter((v) => Math.abs(v) > 1.2);
      // One in ten moved by 1.5–3 (a few land within 1.2 through the noise); the rest have SD 0.3.
      expect(outliers.length / r.length).toBeGreaterThan(0.08);
      expect(outliers.length / r.length).toBeLessThan(0.12);
      expect(Math.abs(sd(r.filter((v) => Math.abs(v) <= 1.2)) - 0.3)).toBeLessThan(0.03);
      expect(Math.abs(r.reduce((a, b) => a + b, 0) / r.length)).toBeLessThan(0.06);
    } else {
      expect(Math.abs(sd(residuals(kind, data)) - 0.3)).toBeLessThan(0.03);
    }
  });

  it('clamps points and noise into their ranges', () => {
    expect(regressionDataGenerate({ kind, points: 5, noise: 0, seed: 1 }).y).toHaveLength(20);
    expect(regressionDataGenerate({ kind, points: 1e9, noise: 0, seed: 1 }).y).toHaveLength(2000);
    expect(regressionDataGenerate({ kind, points: 40, noise: 50, seed: 1 })).toEqual(regressionDataGenerate({ kind, points: 40, noise: 1, seed: 1 }));
  });
});

describe('noise-free targets by hand', () => {
  it('plane: (x₁ + x₂)/2, exactly at noise 0', () => {
    expect(regressionTargetMean('plane', 0.4, -1)).toBeCloseTo(-0.3, 15);
    const data = regressionDataGenerate({ kind: 'plane', points: 50, noise: 0, seed: 2 });
    data.y.forEach((y, i) => expect(y).toBeCloseTo((data.x[2 * i]! + data.x[2 * i + 1]!) / 2, 6));
  });

  it('multi-Gaussian: ±1 at the bump centres (within the 1 % its neighbours add), near 0 far from them', () => {
    // The middle bump has two neighbours at 2/3 of opposite sign: 2e^{−5.56} ≈ 0.8 % off ±1.
    expect(Math.abs(regressionTargetMean('multi-gauss', 2 / 3, 0.4) - 1)).toBeLessThan(0.01);
    expect(Math.abs(regressionTargetMean('multi-gauss', 0, 0.4) + 1)).toBeLessThan(0.01);
    expect(Math.abs(regressionTargetMean('multi-gauss', 0, -0.4) - 1)).toBeLessThan(0.01);
    // The corner is 0.69 from the nearest bump: e^{−0.47/0.08} ≈ 0.003.
    expect(Math.abs(regressionTargetMean('multi-gauss', 1, 1))).toBeLessThan(0.005);
    // At the centre every bump has a mirror image of opposite sign across x₂ = 0: they cancel.
    expect(regressionTargetMean('multi-gauss', 0, 0)).toBeCloseTo(0, 12);
  });

  it('sine: sin(πx); two-branch: 0.3 sin(πx) ± 0.5 with the mean between', () => {
    expect(regressionTargetMean('sine', 0.5)).toBeCloseTo(1, 15);
    expect(regressionTargetMean('hetero-sine', -0.5)).toBeCloseTo(-1, 15);
    expect(regressionBranches(0.5)).toEqual([0.3 - 0.5, 0.3 + 0.5]);
    expect(regressionTargetMean('two-branch', 0.5)).toBeCloseTo(0.3, 15);
  });

  it('two-branch: at noise 0 every point is on a branch, about half on each, none at the mean', () => {
    const data = regressionDataGenerate({ kind: 'two-branch', points: 1000, noise: 0, seed: 4 });
    let upper = 0;
    data.y.forEach((y, i) => {
      const [lo, hi] = regressionBranches(data.x[i]!);
      const onUpper = Math.abs(y - hi) < 1e-6;
      expect(onUpper || Math.abs(y - lo) < 1e-6).toBe(true);
      if (onUpper) upper++;
    });
    expect(upper).toBeGreaterThan(450);
    expect(upper).toBeLessThan(550);
  });

  it('noise SD: 0.5 × noise, or for hetero-sine noise·(x + 1)/2', () => {
    expect(regressionNoiseSd('plane', 0.4, 0.9)).toBeCloseTo(0.2, 15);
    expect(regressionNoiseSd('hetero-sine', 0.4, -1)).toBe(0);
    expect(regressionNoiseSd('hetero-sine', 0.4, 1)).toBeCloseTo(0.4, 15);
    expect(regressionNoiseSd('hetero-sine', 0.4, 0)).toBeCloseTo(0.2, 15);
  });
});

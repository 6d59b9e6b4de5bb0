import { describe, expect, it } from 'vitest';
import type { SharpnessPoint } from '../../workers/protocol';
import { eigenvalueName, sharpnessSeries, sharpnessThresholdLabel, sharpnessYMax } from './sharpnessSeries';

const point = (step: number, eigenvalue: number, learningRate: number, threshold: number | null): SharpnessPoint => ({ step, eigenvalue, learningRate, threshold });

describe('sharpnessSeries', () => {
  it('draws no threshold for adaptive optimizers (threshold null)', () => {
    const { series, hasThreshold, yMax } = sharpnessSeries([point(100, 3, 0.01, null), point(200, 4, 0.01, null)], 250);
    expect(hasThreshold).toBe(false);
    expect(series.map((s) => s.testId)).toEqual(['sharpness-eigenvalue']);
    expect(yMax).toBeNull();
  });

  it('holds the threshold past the last estimate to the current step', () => {
    const { series, hasThreshold } = sharpnessSeries([point(100, 3, 0.1, 20)], 180);
    expect(hasThreshold).toBe(true);
    const threshold = series.find((s) => s.testId === 'sharpness-threshold')!;
    expect(Array.from(threshold.steps)).toEqual([100, 180]);
    expect(Array.from(threshold.values)).toEqual([20, 20]);
  });

  it('labels 2/η for plain GD and (2+2μ)/η with momentum', () => {
    expect(sharpnessThresholdLabel([point(10, 1, 0.1, 2 / 0.1)])).toBe('2/η');
    expect(sharpnessThresholdLabel([point(10, 1, 0.1, (2 + 2 * 0.9) / 0.1)])).toBe('(2+2μ)/η');
  });

  it('caps the chart when the threshold runs off to infinity as η decays to 0', () => {
    expect(sharpnessYMax([point(10, 5, 0.1, 20), point(20, 6, 0, Infinity)])).toBe(30);
    expect(sharpnessYMax([point(10, 50, 0.1, 20)])).toBe(75);
  });

  it('names a negative dominant eigenvalue λ_min, a positive one λ_max', () => {
    expect(eigenvalueName(-2.5)).toBe('λ_min');
    expect(eigenvalueName(2.5)).toBe('λ_max');
    expect(eigenvalueName(undefined)).toBe('λ_max');
  });

  it('draws |λ| on the log scale and marks the negative estimates apart', () => {
    const points = [point(100, 4, 0.1, 20), point(200, -3, 0.1, 20), point(300, 5, 0.1, 20)];
    const { series, hasNegative } = sharpnessSeries(points, 300, true);
    expect(hasNegative).toBe(true);
    const curve = series.find((s) => s.testId === 'sharpness-eigenvalue')!;
    expect(Array.from(curve.values)).toEqual([4, 3, 5]);
    const negative = series.find((s) => s.testId === 'sharpness-negative')!;
    expect(Array.from(negative.values)).toEqual([NaN, 3, NaN]);
    expect(negative.label).toContain('negative');
  });

  it('keeps the sign on the linear scale, and adds no negative series when every estimate is positive', () => {
    const { series } = sharpnessSeries([point(100, -3, 0.1, 20)], 100, false);
    expect(Array.from(series.find((s) => s.testId === 'sharpness-eigenvalue')!.values)).toEqual([-3]);
    expect(Array.from(series.find((s) => s.testId === 'sharpness-negative')!.values)).toEqual([-3]);
    const positive = sharpnessSeries([point(100, 3, 0.1, 20)], 100, true);
    expect(positive.hasNegative).toBe(false);
    expect(positive.series.some((s) => s.testId === 'sharpness-negative')).toBe(false);
  });

  it('keeps a large negative estimate in view: the cap uses |λ|', () => {
    expect(sharpnessYMax([point(10, -50, 0.1, 20)])).toBe(75);
  });
});

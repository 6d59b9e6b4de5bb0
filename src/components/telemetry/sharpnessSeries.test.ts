import { describe, expect, it } from 'vitest';
import type { SharpnessPoint } from '../../workers/protocol';
import { sharpnessSeries, sharpnessThresholdLabel, sharpnessYMax } from './sharpnessSeries';

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
});

import { describe, expect, it } from 'vitest';
import { Series } from '../app/series';
import { formatFixed } from './formatNumber';
import { lossChartYMax } from './lossChartCap';

function run(values: number[], validation: number[], diverged: boolean) {
  const trainLoss = new Series();
  values.forEach((v, k) => trainLoss.push(k + 1, v));
  const validationLoss = new Series();
  validation.forEach((v, k) => validationLoss.push(10 * (k + 1), v));
  return { trainLoss, validationLoss, diverged: diverged ? { step: values.length, reason: 'loss is not finite' } : null };
}

describe('lossChartYMax', () => {
  it('tops the chart just above the healthy runs when another diverged', () => {
    const healthy = run([0.9, 0.7, 0.5], [0.95], false);
    const diverged = run([0.8, 4e16, 3.2e32, Number.NaN], [], true);
    expect(lossChartYMax([healthy, diverged])).toBeCloseTo(0.95 * 1.2, 12);
    expect(lossChartYMax([diverged, healthy, run([2, 1], [], false)])).toBeCloseTo(2 * 1.2, 12);
  });

  it('leaves the axis alone when no run or every run diverged', () => {
    expect(lossChartYMax([run([1, 2], [], false), run([3e9], [], false)])).toBeUndefined();
    expect(lossChartYMax([run([1, 1e30], [], true)])).toBeUndefined();
  });
});

describe('formatFixed', () => {
  it('writes large numbers in exponent form and others with the decimals asked for', () => {
    expect(formatFixed(3.192537300710378e32, 4)).toBe('3.193e+32');
    expect(formatFixed(-123456, 2)).toBe('-1.235e+5');
    expect(formatFixed(0.123456, 4)).toBe('0.1235');
    expect(formatFixed(99999.4, 1)).toBe('99999.4');
    expect(formatFixed(Number.NaN, 3)).toBe('NaN');
    expect(formatFixed(Infinity, 3)).toBe('Infinity');
  });
});

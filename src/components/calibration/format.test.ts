import { describe, expect, it } from 'vitest';
import { formatMagnitude, formatMetric, nextDueStep } from './format';

describe('calibration number formatting', () => {
  it('prints absent values as a dash and spells out non-finite ones', () => {
    expect(formatMetric(null)).toBe('—');
    expect(formatMetric(0.12345)).toBe('0.1235');
    expect(formatMagnitude(undefined)).toBe('—');
    expect(formatMagnitude(Infinity)).toBe('∞');
    expect(formatMagnitude(NaN)).toBe('NaN');
    expect(formatMagnitude(3.14159e-6)).toBe('3.14e-6');
    expect(formatMagnitude(12.345)).toBe('12.3');
  });

  it('finds the next step a metric is due at, or null when it is off', () => {
    expect(nextDueStep(0, 50)).toBe(50);
    expect(nextDueStep(50, 50)).toBe(100);
    expect(nextDueStep(73, 50)).toBe(100);
    expect(nextDueStep(10, 0)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { Series } from './series';

describe('Series', () => {
  it('keeps every point below capacity', () => {
    const s = new Series(8);
    for (let i = 1; i <= 8; i++) s.push(i, i * 10);
    expect(Array.from(s.points().values)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(s.first()).toBe(10);
    expect(s.last()).toBe(80);
  });

  it('merges pairwise past capacity, preserving the mean and the last step', () => {
    const s = new Series(4);
    for (let i = 1; i <= 16; i++) s.push(i, i);
    const { steps, values } = s.points();
    expect(s.size).toBeLessThanOrEqual(4);
    expect(steps[steps.length - 1]).toBe(16);
    // Every stored value is the mean of the consecutive raw points it stands for.
    const total = Array.from(values).reduce((a, b) => a + b, 0) / values.length;
    expect(total).toBeCloseTo(8.5, 10);
    expect(Array.from(values)).toEqual([2.5, 6.5, 10.5, 14.5]);
  });
});

import { describe, expect, it } from 'vitest';
import { gapMarkerIndices } from './lineChartGaps';

const all = (): boolean => true;

describe('gapMarkerIndices', () => {
  it('marks both ends of a gap wider than 1/20 of the span, and nothing on a dense series', () => {
    // Validation at 0, 10, 20, 30, 40, 50, then not until 294, on a chart of 300 steps (gap limit 15).
    const steps = [0, 10, 20, 30, 40, 50, 294];
    expect(gapMarkerIndices(steps, all, steps.length, 300)).toEqual([5, 6]);
    const dense = Array.from({ length: 100 }, (_, i) => 3 * i);
    expect(gapMarkerIndices(dense, all, dense.length, 300)).toEqual([]);
  });

  it('marks every point of a series measured 20 times or fewer across the chart', () => {
    const sparse = [0, 50, 100];
    expect(gapMarkerIndices(sparse, all, 3, 100)).toEqual([0, 1, 2]);
  });

  it('marks a lone point and skips undefined ones when measuring gaps', () => {
    expect(gapMarkerIndices([7], all, 1, 100)).toEqual([0]);
    const steps = [0, 1, 2, 3];
    const defined = (i: number): boolean => i !== 1 && i !== 2;
    // 0 → 3 across two undefined points is a 3-step gap: under 1/20 of 100 steps.
    expect(gapMarkerIndices(steps, defined, 4, 100)).toEqual([]);
    expect(gapMarkerIndices([0, 1, 2], (i) => i === 2, 3, 100)).toEqual([2]);
  });
});

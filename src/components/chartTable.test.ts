import { describe, expect, it } from 'vitest';
import { chartTableFormat, chartTableRows } from './chartTable';

describe('chartTableRows', () => {
  it('lines up series with different steps, a sparse one holding its last value in each row’s span', () => {
    const train = { name: 'train', steps: [1, 2, 3, 4], values: [4, 3, 2, 1] };
    const validation = { name: 'validation', steps: [2, 4], values: [3.5, 1.5] };
    expect(chartTableRows([train, validation])).toEqual({
      steps: [1, 2, 3, 4],
      cells: [
        [4, null],
        [3, 3.5],
        [2, null],
        [1, 1.5],
      ],
      total: 4,
    });
  });

  it('thins evenly to the row limit, keeping the first and the last step', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => i + 1);
    const rows = chartTableRows([{ name: 'a', steps, values: steps.map((s) => s * 2) }], 200);
    expect(rows.steps).toHaveLength(200);
    expect(rows.steps[0]).toBe(1);
    expect(rows.steps.at(-1)).toBe(1000);
    expect(rows.total).toBe(1000);
    // Each row holds the value at its own step.
    rows.steps.forEach((step, i) => expect(rows.cells[i]![0]).toBe(step * 2));
  });

  it('is empty without points', () => {
    expect(chartTableRows([{ name: 'a', steps: [], values: [] }])).toEqual({ steps: [], cells: [], total: 0 });
  });
});

describe('chartTableFormat', () => {
  it('writes four significant digits, small and large numbers in exponent form, and names non-finite values', () => {
    expect(chartTableFormat(0.693147)).toBe('0.6931');
    expect(chartTableFormat(12.34567)).toBe('12.35');
    expect(chartTableFormat(1.5e-5)).toBe('1.500e-5');
    expect(chartTableFormat(Number.NaN)).toBe('NaN');
    expect(chartTableFormat(null)).toBe('');
    expect(chartTableFormat(0)).toBe('0');
  });
});

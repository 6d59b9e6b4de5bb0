import { describe, expect, it } from 'vitest';
import { decimateIndices, labelsThatFit, lineChartScales } from './lineChartLayout';

describe('lineChartScales', () => {
  it("writes a diverging run's huge losses as short exponents, not 33 digits", () => {
    const { yTicks } = lineChartScales([{ name: 'train', colour: '#000', steps: [1, 2, 3], values: [0.8, 4e16, 3.5e32] }], { logScale: false }, 460, 220);
    expect(yTicks.length).toBeGreaterThan(2);
    for (const tick of yTicks) expect(tick.label.length).toBeLessThanOrEqual(8);
    expect(yTicks.map((t) => t.label)).toContain('1e+32');
    // Ordinary losses keep their plain decimals.
    const plain = lineChartScales([{ name: 'train', colour: '#000', steps: [1, 2], values: [0.2, 0.9] }], { logScale: false }, 460, 220);
    expect(plain.yTicks.map((t) => t.label)).toContain('0.2');
  });

  it('gives whole-number step ticks only, even before there are steps', () => {
    const empty = lineChartScales([], { logScale: false }, 460, 220);
    expect(empty.xTicks.map((t) => t.label)).toEqual(['0', '1']);
    const trained = lineChartScales([{ name: 'train', colour: '#000', steps: [0, 1000], values: [1, 0.5] }], { logScale: false }, 460, 220);
    expect(trained.xTicks.map((t) => t.value)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(trained.xTicks.at(-1)!.label).toBe('1k');
  });

  it('starts a linear y axis at zero unless asked not to, and keeps the plot inside the margins', () => {
    const series = [{ name: 'acc', colour: '#000', steps: [1, 2], values: [0.6, 0.9] }];
    const scales = lineChartScales(series, { logScale: false }, 250, 150, { margin: { top: 16, left: 46 } });
    expect(scales.y.domain()[0]).toBe(0);
    expect(scales.left).toBe(46);
    expect(scales.top).toBe(16);
    expect(scales.bottom).toBe(150 - 32);
    expect(lineChartScales(series, { logScale: false, zeroBased: false }, 250, 150).y.domain()[0]).toBeCloseTo(0.6, 6);
  });
});

describe('labelsThatFit', () => {
  it('drops labels that would overlap the last one kept or a reserved box', () => {
    const boxes = [
      { from: 0, to: 10 },
      { from: 12, to: 22 }, // 2 px after the first: too close at a 4 px gap
      { from: 16, to: 26 },
      { from: 40, to: 50 }, // overlaps the reserved box
      { from: 70, to: 80 },
    ];
    expect(labelsThatFit(boxes, [{ from: 45, to: 60 }])).toEqual([true, false, true, false, true]);
  });
});

describe('decimateIndices', () => {
  it('keeps the first, lowest, highest and last point of each pixel column, in order', () => {
    // Ten points in two columns (x = i / 5): 0–4 in column 0, 5–9 in column 1.
    const ys = [5, 1, 9, 3, 4, 2, 2, 8, 0, 6];
    expect(decimateIndices((i) => i / 5, ys, ys.length)).toEqual([0, 1, 2, 4, 5, 7, 8, 9]);
  });

  it('keeps every point of a sparse curve and the gaps of undefined ones', () => {
    const ys = [1, 2, Number.NaN, 4];
    expect(decimateIndices((i) => i * 10, ys, ys.length)).toEqual([0, 1, 2, 3]);
    // On a log axis a non-positive value is a gap too.
    expect(decimateIndices((i) => i * 10, [1, 0, 3], 3, (i) => [1, 0, 3][i]! > 0)).toEqual([0, 1, 2]);
  });
});

describe('y tick labels', () => {
  it('are plain numbers at the ticks\' precision (no 2.5e+2 for 250)', () => {
    const labels = (hi: number) =>
      lineChartScales([{ name: 's', colour: '#000', steps: [0, 1], values: [0, hi] }], { logScale: false }, 250, 150, { yTicks: 4 }).yTicks.map((t) => t.label);
    expect(labels(260)).toEqual(['0', '50', '100', '150', '200', '250']);
    expect(labels(0.12)).toEqual(['0', '0.02', '0.04', '0.06', '0.08', '0.1', '0.12']);
  });
});

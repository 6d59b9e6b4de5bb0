import { describe, expect, it } from 'vitest';
import { datasetClassCounts, datasetTakeCounts, labelNoiseApply } from './dataShaping';
import { datasetGenerate } from './datasets';

describe('datasetClassCounts', () => {
  it('gives the minority its fraction with two classes', () => {
    expect(datasetClassCounts(100, 2, 0.1)).toEqual([90, 10]);
    expect(datasetClassCounts(100, 2, 0.5)).toEqual([50, 50]);
  });

  it('is balanced at 0.5 for any K and sums to the total', () => {
    expect(datasetClassCounts(90, 3, 0.5)).toEqual([30, 30, 30]);
    const counts = datasetClassCounts(500, 4, 0.2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(500);
    // Each minority class has f/(1−f) = 0.25 of the majority.
    expect(counts[1]! / counts[0]!).toBeCloseTo(0.25, 1);
  });
});

describe('datasetTakeCounts', () => {
  it('keeps the requested number of each class', () => {
    const pool = datasetGenerate({ kind: 'blobs', points: 300, noise: 0, classes: 3, seed: 4 });
    const taken = datasetTakeCounts(pool, [80, 20, 5], 4);
    const count = (k: number): number => taken.y.filter((y) => y === k).length;
    expect([count(0), count(1), count(2)]).toEqual([80, 20, 5]);
  });
});

describe('labelNoiseApply', () => {
  const labels = (): Int32Array => Int32Array.from({ length: 100 }, (_, i) => i % 3);
  const all = Int32Array.from({ length: 100 }, (_, i) => i);

  it('flips exactly the requested fraction, each to another class', () => {
    const y = labels();
    const flipped = labelNoiseApply(y, all, 3, 0.3, 'symmetric', 1);
    expect(flipped).toHaveLength(30);
    for (const i of flipped) expect(y[i]).not.toBe(i % 3);
    expect(y.filter((v, i) => v !== i % 3)).toHaveLength(30);
  });

  it('moves class k to k+1 under pair noise', () => {
    const y = labels();
    for (const i of labelNoiseApply(y, all, 3, 0.5, 'pair', 2)) expect(y[i]).toBe(((i % 3) + 1) % 3);
  });

  it('touches only the given indices', () => {
    const y = labels();
    const some = Int32Array.from([0, 1, 2, 3]);
    labelNoiseApply(y, some, 3, 1, 'symmetric', 3);
    for (let i = 4; i < 100; i++) expect(y[i]).toBe(i % 3);
  });
});

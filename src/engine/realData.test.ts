import { describe, expect, it } from 'vitest';
import { dataTableImbalance, dataTableStandardise } from './dataTable';
import { realDataTable } from './realData';
import { REAL_DATA_INFO } from './realDataInfo';

function columnStats(x: Float32Array, features: number, f: number): { mean: number; sd: number } {
  const n = x.length / features;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i * features + f]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (x[i * features + f]! - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / n) };
}

describe('real data', () => {
  it('Iris has 150 rows, 3 classes of 50 and 4 features', () => {
    const iris = realDataTable('iris');
    expect(iris.y.length).toBe(150);
    expect(iris.features).toBe(4);
    expect(iris.classes).toBe(3);
    expect([0, 1, 2].map((k) => iris.y.filter((y) => y === k).length)).toEqual([50, 50, 50]);
    expect(Array.from(iris.x.slice(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    expect(iris.y.length).toBe(REAL_DATA_INFO.iris.rows);
  });

  it('the penguins drop the rows with missing measurements', () => {
    const penguins = realDataTable('penguins');
    expect(penguins.y.length).toBe(REAL_DATA_INFO.penguins.rows);
    expect(penguins.y.length).toBe(342);
    expect(penguins.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect([0, 1, 2].map((k) => penguins.y.filter((y) => y === k).length)).toEqual([151, 68, 123]);
    expect(penguins.x.every(Number.isFinite)).toBe(true);
  });

  it('standardising gives every feature mean 0 and sd 1', () => {
    for (const kind of ['iris', 'penguins'] as const) {
      const data = dataTableStandardise(realDataTable(kind));
      for (let f = 0; f < data.features; f++) {
        const { mean, sd } = columnStats(data.x, data.features, f);
        expect(Math.abs(mean)).toBeLessThan(1e-5);
        expect(sd).toBeCloseTo(1, 4);
      }
    }
  });

  it('imbalance keeps the first class and subsamples the others', () => {
    const data = dataTableImbalance(dataTableStandardise(realDataTable('iris')), 0.2, 7);
    expect([0, 1, 2].map((k) => data.y.filter((y) => y === k).length)).toEqual([50, 13, 13]);
  });
});

import { describe, expect, it } from 'vitest';
import { rng } from './rng';
import type { Dataset } from './datasets';
import { jacobiEigen, pcaTop2, planeCreate, planeGridInputs, viewResolve } from './projection';

/** Points along a known direction in 4-D, with a little spread across it. */
function elongated(n: number): Dataset {
  const r = rng(5);
  const x = new Float32Array(n * 4);
  const direction = [0.5, 0.5, 0.5, 0.5];
  for (let i = 0; i < n; i++) {
    const t = 3 * r.normal();
    const side = 0.5 * r.normal();
    for (let f = 0; f < 4; f++) x[i * 4 + f] = 1 + t * direction[f]! + (f === 0 ? side : f === 1 ? -side : 0) + 0.01 * r.normal();
  }
  return { x, y: new Int32Array(n), features: 4, classes: 2 };
}

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('projection', () => {
  it('Jacobi finds the eigenpairs of a symmetric matrix', () => {
    const m = [Float64Array.from([4, 1, 0]), Float64Array.from([1, 3, 0]), Float64Array.from([0, 0, 1])];
    const { values, vectors } = jacobiEigen(m);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 3; i++) {
        const mv = m[i]!.reduce((sum, mij, j) => sum + mij * vectors[j]![k]!, 0);
        expect(mv).toBeCloseTo(values[k]! * vectors[i]![k]!, 9);
      }
    }
    expect([...values].sort((a, b) => a - b)[0]).toBeCloseTo(1, 9);
  });

  it('PCA finds the long direction first, with its share of the variance', () => {
    const data = elongated(400);
    const pca = pcaTop2(data, all(400));
    for (const v of pca.components[0]) expect(Math.abs(v)).toBeCloseTo(0.5, 1);
    expect(pca.components[0].every((v) => v > 0)).toBe(true);
    const second = pca.components[1];
    expect(second[0]! * second[1]!).toBeLessThan(0);
    expect(pca.explained[0]).toBeGreaterThan(0.9);
    const dot = pca.components[0].reduce((s, v, f) => s + v * second[f]!, 0);
    expect(Math.abs(dot)).toBeLessThan(1e-9);
  });

  it('feature planes hold the other features at 0 and project points onto the chosen two', () => {
    const data = elongated(50);
    const plane = planeCreate(data, all(50), ['a', 'b', 'c', 'd'], { mode: 'features', x: 2, y: 0 });
    expect(plane.axes).toEqual(['c', 'a']);
    expect(plane.coordinates[0]).toBe(data.x[2]);
    expect(plane.coordinates[1]).toBe(data.x[0]);
    const inputs = planeGridInputs(plane, 3);
    const [x0, x1, , y1] = plane.extent;
    // The top-left cell: feature c at the left edge's centre, feature a at the top's, b and d at 0.
    expect(inputs[2]).toBeCloseTo(x0 + (x1 - x0) / 6, 5);
    expect(inputs[0]).toBeCloseTo(y1 - (x1 - x0) / 6, 5);
    expect(inputs[1]).toBe(0);
    expect(inputs[3]).toBe(0);
  });

  it('a PCA plane maps grid coordinates back into feature space along the components', () => {
    const data = elongated(200);
    const plane = planeCreate(data, all(200), [], { mode: 'pca', x: 0, y: 1 });
    expect(plane.axes[0]).toMatch(/^PC1 \(\d+ % of variance\)$/);
    const inputs = planeGridInputs(plane, 5);
    // The centre cell (a = b = 0) is the training mean.
    const centre = 12;
    for (let f = 0; f < 4; f++) expect(inputs[centre * 4 + f]).toBeCloseTo(plane.origin[f]!, 5);
    // Projecting a grid input gives its grid coordinates back.
    const [x0, x1] = plane.extent;
    const a = inputs.slice(0, 4).reduce((s, v, f) => s + (v - plane.origin[f]!) * plane.u[f]!, 0);
    expect(a).toBeCloseTo(x0 + (x1 - x0) / 10, 4);
  });

  it('resolves views into range; 2-D data is always its own plane', () => {
    expect(viewResolve({ mode: 'features', x: 3, y: 3 }, 4)).toEqual({ mode: 'features', x: 3, y: 0 });
    expect(viewResolve({ mode: 'pca', x: 9, y: 1 }, 4)).toEqual({ mode: 'pca', x: 3, y: 1 });
    expect(viewResolve({ mode: 'pca', x: 1, y: 0 }, 2)).toEqual({ mode: 'features', x: 0, y: 1 });
  });
});

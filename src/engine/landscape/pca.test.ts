import { describe, expect, it } from 'vitest';
import { rng } from '../rng';
import { landscapePcaPlane } from './pca';
import { landscapeFlatten, vectorAxpy, vectorDot, vectorNorm } from './params';

const like = [
  { inputs: 2, outputs: 6 },
  { inputs: 6, outputs: 3 },
];
const size = 2 * 6 + 6 + 6 * 3 + 3;

/** Three orthonormal vectors of length `size` (Gram–Schmidt on seeded Gaussians). */
function orthonormal(seed: number): Float64Array[] {
  const random = rng(seed);
  const basis: Float64Array[] = [];
  for (let k = 0; k < 3; k++) {
    const v = Float64Array.from({ length: size }, () => random.normal());
    for (const u of basis) vectorAxpy(v, -vectorDot(v, u), u);
    const norm = vectorNorm(v);
    basis.push(v.map((x) => x / norm));
  }
  return basis;
}

/**
 * θ_t = θ_final + 3cos(2πt/T)·u₁ + sin(2πt/T)·u₂ + 0.2cos(4πt/T)·u₃: the three coefficient
 * sequences have zero mean and are mutually orthogonal over a full period, so after centring the
 * variances are 9T/2, T/2 and 0.04T/2, and the explained ratios 9/10.04 and 1/10.04.
 */
function trajectory(count: number, basis: Float64Array[]): Float32Array[] {
  const [u1, u2, u3] = basis as [Float64Array, Float64Array, Float64Array];
  const random = rng(99);
  const offset = Float64Array.from({ length: size }, () => random.normal());
  return Array.from({ length: count }, (_, t) => {
    const theta = Float64Array.from(offset);
    const phase = (2 * Math.PI * t) / count;
    vectorAxpy(theta, 3 * Math.cos(phase), u1);
    vectorAxpy(theta, Math.sin(phase), u2);
    vectorAxpy(theta, 0.2 * Math.cos(2 * phase), u3);
    return Float32Array.from(theta);
  });
}

describe('PCA directions of a trajectory', () => {
  const basis = orthonormal(5);
  const path = trajectory(40, basis);
  const plane = landscapePcaPlane(path, like);

  it('returns orthonormal directions', () => {
    const { d1, d2 } = plane.flat;
    expect(vectorNorm(d1)).toBeCloseTo(1, 6);
    expect(vectorNorm(d2)).toBeCloseTo(1, 6);
    expect(vectorDot(d1, d2)).toBeCloseTo(0, 6);
    expect(landscapeFlatten(plane.d1)).toEqual(d1);
    expect(landscapeFlatten(plane.d2!)).toEqual(d2);
  });

  it('finds the known components, largest first, and their explained variance', () => {
    expect(Math.abs(vectorDot(plane.flat.d1, basis[0]!))).toBeCloseTo(1, 5);
    expect(Math.abs(vectorDot(plane.flat.d2, basis[1]!))).toBeCloseTo(1, 5);
    expect(plane.explainedVariance[0]).toBeCloseTo(9 / 10.04, 5);
    expect(plane.explainedVariance[1]).toBeCloseTo(1 / 10.04, 5);
  });

  it('is centred on the last checkpoint', () => {
    expect(landscapeFlatten(plane.center)).toEqual(path[path.length - 1]);
  });

  it('handles a trajectory along a single line', () => {
    const u = basis[0]!;
    const line = Array.from({ length: 6 }, (_, t) => {
      const theta = new Float64Array(size);
      vectorAxpy(theta, t * 0.5, u);
      return Float32Array.from(theta);
    });
    const flat = landscapePcaPlane(line, like).flat;
    const ratios = landscapePcaPlane(line, like).explainedVariance;
    expect(Math.abs(vectorDot(flat.d1, u))).toBeCloseTo(1, 5);
    expect(vectorDot(flat.d1, flat.d2)).toBeCloseTo(0, 6);
    expect(vectorNorm(flat.d2)).toBeCloseTo(1, 6);
    expect(ratios[0]).toBeCloseTo(1, 6);
    expect(ratios[1]).toBeCloseTo(0, 6);
  });

  it('without centring, decomposes the offsets from the final point', () => {
    // Offsets θ_t − θ_final = t·u₁ (t = −4…0) and a single step along u₂: uncentred, u₁ dominates.
    const [u1, u2] = basis as [Float64Array, Float64Array];
    const points = [-4, -3, -2, -1].map((t) => Float32Array.from(u1, (x) => t * x));
    points.splice(2, 0, Float32Array.from(u2, (x) => 0.5 * x));
    points.push(new Float32Array(size));
    const raw = landscapePcaPlane(points, like, { center: false });
    expect(Math.abs(vectorDot(raw.flat.d1, u1))).toBeCloseTo(1, 5);
    expect(raw.explainedVariance[0]).toBeCloseTo(30 / 30.25, 5);
    expect(raw.explainedVariance[1]).toBeCloseTo(0.25 / 30.25, 5);
  });

  it('refuses a trajectory that does not move', () => {
    expect(() => landscapePcaPlane([new Float32Array(size), new Float32Array(size)], like)).toThrow(/does not move/);
    expect(() => landscapePcaPlane([new Float32Array(size)], like)).toThrow(/two checkpoints/);
  });
});

import { describe, expect, it } from 'vitest';
import { mlpInitWeights, type DenseWeights } from '../mlp';
import { landscapeRandomPlane, landscapeSolutionPlane } from './directions';
import { landscapeFlatten, landscapeParamCount, landscapePlanePoint, landscapeUnflatten, vectorDot, vectorNorm } from './params';

const shape = { inputs: 3, hidden: [5, 4], outputs: 3, activation: 'relu' as const };

function withBiases(layers: DenseWeights[], scale: number): DenseWeights[] {
  return layers.map((layer) => ({ ...layer, b: Float32Array.from(layer.b, (_, j) => scale * (j + 1) * (j % 2 ? -1 : 1)) }));
}

/** ‖column j‖ of a row-major inputs × outputs matrix, optionally with the bias appended. */
function unitNorm(layer: DenseWeights, j: number, withBias: boolean): number {
  let sum = withBias ? layer.b[j]! ** 2 : 0;
  for (let i = 0; i < layer.inputs; i++) sum += layer.w[i * layer.outputs + j]! ** 2;
  return Math.sqrt(sum);
}

describe('flatten / unflatten', () => {
  it('round-trips layers through one vector in W₀, b₀, W₁, b₁ order', () => {
    const layers = withBiases(mlpInitWeights(shape, 3), 0.3);
    const flat = landscapeFlatten(layers);
    expect(flat.length).toBe(landscapeParamCount(layers));
    expect(flat.length).toBe(3 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3);
    expect(flat[15]).toBe(layers[0]!.b[0]);
    expect(landscapeUnflatten(flat, layers)).toEqual(layers);
    expect(() => landscapeUnflatten(flat.subarray(1), layers)).toThrow(/entries/);
  });
});

describe('filter-normalised random directions', () => {
  it("rescales each output unit's incoming weights to the norm of θ's, biases zero by default", () => {
    const center = withBiases(mlpInitWeights(shape, 11), 0.5);
    const plane = landscapeRandomPlane(center, 42);
    for (const direction of [plane.d1, plane.d2!]) {
      direction.forEach((layer, l) => {
        const theta = center[l]!;
        expect(layer.inputs).toBe(theta.inputs);
        expect(layer.outputs).toBe(theta.outputs);
        for (let j = 0; j < layer.outputs; j++) expect(unitNorm(layer, j, false)).toBeCloseTo(unitNorm(theta, j, false), 5);
        expect(Array.from(layer.b).every((v) => v === 0)).toBe(true);
      });
    }
  });

  it("with biases: 'unit', a unit's weights and bias together take the norm of θ's", () => {
    const center = withBiases(mlpInitWeights(shape, 11), 0.5);
    const plane = landscapeRandomPlane(center, 42, { biases: 'unit' });
    plane.d1.forEach((layer, l) => {
      for (let j = 0; j < layer.outputs; j++) expect(unitNorm(layer, j, true)).toBeCloseTo(unitNorm(center[l]!, j, true), 5);
      expect(Array.from(layer.b).some((v) => v !== 0)).toBe(true);
    });
  });

  it('is reproducible from the seed, with two different directions', () => {
    const center = mlpInitWeights(shape, 1);
    const a = landscapeRandomPlane(center, 9);
    const b = landscapeRandomPlane(center, 9);
    expect(landscapeFlatten(a.d1)).toEqual(landscapeFlatten(b.d1));
    expect(landscapeFlatten(a.d2!)).toEqual(landscapeFlatten(b.d2!));
    const d1 = landscapeFlatten(a.d1);
    const d2 = landscapeFlatten(a.d2!);
    expect(Math.abs(vectorDot(d1, d2)) / (vectorNorm(d1) * vectorNorm(d2))).toBeLessThan(0.5);
    expect(landscapeFlatten(landscapeRandomPlane(center, 10).d1)).not.toEqual(d1);
  });

  it('gives a zero filter a zero direction', () => {
    const center = mlpInitWeights(shape, 2);
    for (let i = 0; i < 3; i++) center[0]!.w[i * 5 + 2] = 0;
    const plane = landscapeRandomPlane(center, 5);
    expect(unitNorm(plane.d1[0]!, 2, false)).toBe(0);
  });
});

describe('the plane through three solutions', () => {
  const a = withBiases(mlpInitWeights(shape, 1), 0.1);
  const b = withBiases(mlpInitWeights(shape, 2), 0.2);
  const c = withBiases(mlpInitWeights(shape, 3), -0.3);

  it('puts A at (0, 0), B at (1, 0) and C at its reported coordinates', () => {
    const plane = landscapeSolutionPlane(a, b, c);
    const d1 = landscapeFlatten(plane.d1);
    const d2 = landscapeFlatten(plane.d2!);
    expect(vectorDot(d1, d2) / (vectorNorm(d1) * vectorNorm(d2))).toBeCloseTo(0, 6);
    expect(vectorNorm(d2)).toBeCloseTo(vectorNorm(d1), 4);
    expect(plane.coordinates.a).toEqual([0, 0]);
    expect(plane.coordinates.b).toEqual([1, 0]);
    const [ca, cb] = plane.coordinates.c;
    const close = (x: DenseWeights[], y: DenseWeights[]): void => {
      const fx = landscapeFlatten(x);
      const fy = landscapeFlatten(y);
      for (let i = 0; i < fx.length; i++) expect(fx[i]).toBeCloseTo(fy[i]!, 5);
    };
    close(landscapePlanePoint(plane, 1, 0), b);
    close(landscapePlanePoint(plane, ca, cb), c);
  });

  it('refuses collinear solutions', () => {
    const mid = landscapePlanePoint({ center: a, d1: landscapeUnflatten(landscapeFlatten(b).map((v, i) => v - landscapeFlatten(a)[i]!), a), d2: null }, 0.5, 0);
    expect(() => landscapeSolutionPlane(a, b, mid)).toThrow(/collinear/);
    expect(() => landscapeSolutionPlane(a, a, c)).toThrow(/same point/);
  });
});

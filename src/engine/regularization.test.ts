import { describe, expect, it } from 'vitest';
import { rng } from './rng';
import { tf, type Tensor } from './tf';
import { REGULARIZATION_RATE, regularizationKernels, regularizationPenalty, regularizationPenaltyReference, type RegularizationKind } from './regularization';

/** Seeded weights shaped like a 2-4-3 MLP's kernels. */
function weights(seed: number): number[][] {
  const random = rng(seed);
  return [8, 12].map((size) => Array.from({ length: size }, () => random.normal()));
}

const RATES = [REGULARIZATION_RATE.min, 0.003, 0.3, REGULARIZATION_RATE.max];

function penaltyTf(kind: RegularizationKind, rate: number, w: number[][]): number {
  return tf.tidy(() => regularizationPenalty(kind, rate, w.map((v) => tf.tensor1d(v))).dataSync()[0]!);
}

function gradientTf(kind: RegularizationKind, rate: number, w: number[][]): number[][] {
  return tf.tidy(() => {
    const tensors = w.map((v) => tf.tensor1d(v));
    const grads = tf.grads((...ws: Tensor[]) => regularizationPenalty(kind, rate, ws))(tensors);
    return grads.map((g) => Array.from(g.dataSync()));
  });
}

function gradientFiniteDifference(kind: RegularizationKind, rate: number, w: number[][], h = 1e-5): number[][] {
  return w.map((tensor, t) =>
    tensor.map((_, k) => {
      const shifted = (delta: number): number[][] => w.map((v, u) => (u === t ? v.map((x, m) => (m === k ? x + delta : x)) : v));
      return (regularizationPenaltyReference(kind, rate, shifted(h)) - regularizationPenaltyReference(kind, rate, shifted(-h))) / (2 * h);
    }),
  );
}

describe.each(['l1', 'l2'] as const)('%s', (kind) => {
  it.each(RATES)('tfjs equals the reference and its gradient equals finite differences (rate %f)', (rate) => {
    for (const seed of [1, 2, 3]) {
      const w = weights(seed);
      const want = regularizationPenaltyReference(kind, rate, w);
      expect(Math.abs(penaltyTf(kind, rate, w) - want)).toBeLessThan(1e-5 * Math.max(1, want));
      const numeric = gradientFiniteDifference(kind, rate, w);
      gradientTf(kind, rate, w).forEach((g, t) => g.forEach((v, k) => expect(Math.abs(v - numeric[t]![k]!)).toBeLessThan(1e-3)));
    }
  });
});

describe('penalties by hand', () => {
  const w = [[1, -2], [3]];

  it('L1 is rate·Σ|w|, L2 is rate·Σ½w², none is 0', () => {
    expect(regularizationPenaltyReference('l1', 0.1, w)).toBeCloseTo(0.6, 12);
    expect(regularizationPenaltyReference('l2', 0.1, w)).toBeCloseTo(0.7, 12);
    expect(penaltyTf('l1', 0.1, w)).toBeCloseTo(0.6, 6);
    expect(penaltyTf('l2', 0.1, w)).toBeCloseTo(0.7, 6);
    expect(penaltyTf('none', 3, w)).toBe(0);
  });

  it('L1 pulls every weight by rate·sign(w), L2 by rate·w', () => {
    expect(gradientTf('l1', 0.5, w)).toEqual([[0.5, -0.5], [0.5]]);
    expect(gradientTf('l2', 0.5, w)).toEqual([[0.5, -1], [1.5]]);
  });

  it('penalises the kernels of an MLP parameter list, not its biases', () => {
    expect(regularizationKernels(['W0', 'b0', 'W1', 'b1'])).toEqual(['W0', 'W1']);
  });

  it('rejects a rate outside its range with a clear message, and leaks no tensor', () => {
    expect(() => regularizationPenaltyReference('l2', -1, w)).toThrow('regularization rate must be between 0 and 10, got -1');
    expect(() => penaltyTf('l1', Number.NaN, w)).toThrow('got NaN');
    const before = tf.memory().numTensors;
    const tensors = w.map((v) => tf.tensor1d(v));
    regularizationPenalty('l2', 1, tensors).dispose();
    tensors.forEach((t) => t.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });
});

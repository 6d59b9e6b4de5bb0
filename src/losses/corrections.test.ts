// Cases the random-logit checks never hit: ties in the hinge's max, and p_y a hair below 1 in focal.
import { describe, expect, it } from 'vitest';
import { tf, type Tensor2D } from '../engine/tf';
import { lossById } from './registry';
import type { LossContext, LossSpec } from './types';

const context = (classes: number): LossContext => ({ classes, classPriors: new Float32Array(classes).fill(1 / classes), step: 0, seed: 1 });

function oneHot(labels: readonly number[], classes: number): Tensor2D {
  return tf.tensor2d(labels.map((y) => Array.from({ length: classes }, (_, k) => (k === y ? 1 : 0))));
}

/** The autodiff gradient of the summed per-example loss at these logits. */
function gradientAt(loss: LossSpec, logits: number[][], labels: number[], params: Record<string, number>): number[][] {
  return tf.tidy(() => {
    const targets = oneHot(labels, logits[0]!.length);
    const grad = tf.grad((z: tf.Tensor) => tf.sum(loss.compute(z as Tensor2D, targets, params, context(logits[0]!.length))));
    return grad(tf.tensor2d(logits)).arraySync() as number[][];
  });
}

function valueAt(loss: LossSpec, logits: number[][], labels: number[], params: Record<string, number>): number[] {
  return tf.tidy(() => Array.from(loss.compute(tf.tensor2d(logits), oneHot(labels, logits[0]!.length), params, context(logits[0]!.length)).dataSync()));
}

describe('hinge at tied maxima', () => {
  for (const id of ['hinge', 'sq-hinge']) {
    const loss = lossById(id);

    it(`${id}: z = [0, 0, 0], y = 1 gets the gradient of one rival, [1, −1, 0] (scaled by 2ℓ when squared)`, () => {
      const scale = id === 'hinge' ? 1 : 2; // d(h²) = 2h·dh with h = c = 1
      const [g] = gradientAt(loss, [[0, 0, 0]], [1], { c: 1 });
      expect(g).toEqual([scale, -scale, 0]);
    });

    it(`${id}: the tie gradient is a subgradient, ℓ(z + d) ≥ ℓ(z) + g·d for every direction tried`, () => {
      const z = [0.5, 0.5, 0.5, -1];
      const [g] = gradientAt(loss, [z], [1], { c: 1 });
      const [base] = valueAt(loss, [z], [1], { c: 1 });
      // Its components sum to zero, as every subgradient of a shift-invariant loss must.
      expect(g!.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
      const directions = [[-1, 0, -1, 0], [1, 0, -1, 0], [-1, 0, 1, 0], [0, 1, 0, 0], [-1, -1, -1, -1], [0.3, -0.2, 0.7, 1]];
      for (const d of directions) {
        for (const t of [1e-2, 0.1]) {
          const moved = z.map((v, k) => v + t * d[k]!);
          const [value] = valueAt(loss, [moved], [1], { c: 1 });
          const linear = base! + t * g!.reduce((s, gk, k) => s + gk * d[k]!, 0);
          expect(value!, `direction ${d.join(',')} step ${t}`).toBeGreaterThanOrEqual(linear - 1e-5);
        }
      }
    });
  }

  it('a tie that includes the true class at c = 0 gives a subgradient too (sum zero)', () => {
    const [g] = gradientAt(lossById('hinge'), [[1, 1, -2]], [0], { c: 0 });
    expect(g!.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
    expect(g!.filter((v) => v !== 0).length === 0 || g!.filter((v) => v !== 0).length === 2).toBe(true);
  });
});

describe('focal near p_y = 1', () => {
  const focal = lossById('focal');
  // Binary logits with 1 − p_y = 1e−6; the float64 reference is fed the same float32-rounded logits.
  const zy = Math.fround(Math.log((1 - 1e-6) / 1e-6));
  const oneMinusPy = 1 / (1 + Math.exp(zy)); // float64, from the logits the float32 side sees
  const logPy = Math.log1p(-oneMinusPy);

  for (const gamma of [0.5, 1, 2, 5]) {
    it(`γ = ${gamma}: the float32 value matches float64 to 1e−4 relative`, () => {
      const want = -(oneMinusPy ** gamma) * logPy;
      const [got] = valueAt(focal, [[0, zy]], [1], { gamma });
      expect(Math.abs(got! - want) / want).toBeLessThan(1e-4);
      // The plain-TypeScript reference is stable too.
      const [ref] = focal.reference([[0, zy]], [1], { gamma }, context(2)) as number[];
      expect(Math.abs(ref! - want) / want).toBeLessThan(1e-9);
    });
  }

  it('γ = 2: the float32 gradient matches the float64 analytic one to 1e−3 relative', () => {
    // ℓ = −u^γ log(1 − u) with u = 1 − p_y and du/dz_y = −u(1 − u) for binary logits [0, z_y].
    const gamma = 2;
    const u = oneMinusPy;
    const dldu = -gamma * u ** (gamma - 1) * Math.log1p(-u) + u ** gamma / (1 - u);
    const want = dldu * -u * (1 - u);
    const [g] = gradientAt(focal, [[0, zy]], [1], { gamma });
    expect(Math.abs(g![1]! - want) / Math.abs(want)).toBeLessThan(1e-3);
    expect(g![0]! + g![1]!).toBeCloseTo(0, 12);
  });
});

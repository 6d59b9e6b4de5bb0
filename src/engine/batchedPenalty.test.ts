import { describe, expect, it } from 'vitest';
import { penaltyGradientRows, penaltyRows } from './batchedPenalty';
import { RowLayout } from './batchedRows';
import { expectCloseWithin } from './batchedTesting';
import type { ExperimentConfig } from './config';
import { rng } from './rng';
import { tf, type Tensor } from './tf';

// A batched step adds the L1/L2 penalties' gradient written out (penaltyGradientRows) instead of
// differentiating them: it must be autodiff's gradient of each row's penalty (penaltyRows, itself
// each run's own penalty), including tfjs's −1 for the gradient of |w| at w = 0.

/** A 2-3-2 MLP's parameter shapes [W₀, b₀, W₁, b₁], R rows of random weights, some exactly 0. */
function rowsOf(count: number): { layout: RowLayout; theta: Tensor } {
  const shapes = [[2, 3], [3], [3, 2], [2]];
  const layout = new RowLayout(shapes.map((shape) => tf.zeros(shape)));
  const random = rng(5);
  const values = Array.from({ length: count * layout.width }, (_, i) => (i % 7 === 0 ? 0 : random.normal()));
  return { layout, theta: tf.tensor2d(values, [count, layout.width]) };
}

const training = (regularization: 'none' | 'l1' | 'l2', regularizationRate: number): ExperimentConfig['training'] => ({ regularization, regularizationRate }) as ExperimentConfig['training'];

describe('the penalties’ gradient over stacked rows', () => {
  it('is autodiff’s gradient of each row’s L1 or L2 penalty, 0 on the biases and on rows without one', () => {
    const options = [training('l2', 0.3), training('none', 0), training('l1', 0.05), training('l1', 2), training('l2', 0.001)];
    const { layout, theta } = rowsOf(options.length);
    const [written, autodiff] = tf.tidy(() => {
      const rows = penaltyGradientRows(options, layout, theta)!;
      // The biases do not enter the penalty: differentiated in the kernels [W₀, W₁], zeros for [b₀, b₁].
      const [w0, b0, w1, b1] = layout.layers(theta) as [Tensor, Tensor, Tensor, Tensor];
      const [g0, g1] = tf.grads((a: Tensor, b: Tensor) => penaltyRows(options, [a, b0, b, b1])!)([w0, w1], tf.ones([options.length]));
      return [rows.arraySync() as number[][], layout.join([g0!, tf.zerosLike(b0), g1!, tf.zerosLike(b1)]).arraySync() as number[][]];
    });
    written.forEach((row, r) => expectCloseWithin(row, autodiff[r]!, 1e-6, `row ${r}`));
    // Row 1 has none; the biases (b₀ at columns 6…8) none either; a weight at exactly 0 under L1 gets −rate.
    expect(written[1]!.every((g) => g === 0)).toBe(true);
    written.forEach((row, r) => expect(row.slice(6, 9).every((g) => g === 0), `row ${r} biases`).toBe(true));
    const theta0 = theta.arraySync() as number[][];
    const zero = theta0[2]!.findIndex((w, p) => w === 0 && p < 6);
    expect(written[2]![zero]).toBeCloseTo(-0.05, 7);
    theta.dispose();
  });

  it('is null when no row has a penalty', () => {
    const { layout, theta } = rowsOf(2);
    expect(penaltyGradientRows([training('none', 0), training('l2', 0)], layout, theta)).toBeNull();
    theta.dispose();
  });
});

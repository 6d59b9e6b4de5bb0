// Helpers shared by the regression loss tests: seeded outputs and targets, tfjs values and
// gradients, and central finite differences of the float64 reference.
import { tf, type Tensor2D } from '../../engine/tf';
import { rng } from '../../engine/rng';
import type { LossParams } from '../types';
import type { RegressionLossSpec, RegressionSupport } from './types';

export interface RegressionCase {
  outputs: number[][];
  targets: number[];
  support: RegressionSupport;
}

/** The support the tests use: off-centre and not a round width, so no bin edge falls on a neat number. */
export const TEST_SUPPORT: RegressionSupport = { vMin: -1.7, vMax: 2.3 };

/**
 * Seeded outputs (scale ~2) and targets for `rows` examples; the targets reach a little past the
 * support on both sides, so clipping is exercised too.
 */
export function regressionCase(loss: RegressionLossSpec, params: LossParams, seed: number, rows: number): RegressionCase {
  const random = rng(seed);
  const width = loss.outputs(params);
  const { vMin, vMax } = TEST_SUPPORT;
  const outputs = Array.from({ length: rows }, () => Array.from({ length: width }, () => 2 * random.normal()));
  const targets = Array.from({ length: rows }, () => vMin - 0.5 + (vMax - vMin + 1) * random.next());
  return { outputs, targets, support: TEST_SUPPORT };
}

function encoded(loss: RegressionLossSpec, c: RegressionCase, params: LossParams): Tensor2D {
  return tf.tensor2d(loss.encodeTargets(c.targets, params, c.support), [c.targets.length, loss.outputs(params)]);
}

export function regressionValueTf(loss: RegressionLossSpec, c: RegressionCase, params: LossParams): number[] {
  return tf.tidy(() => Array.from(loss.compute(tf.tensor2d(c.outputs), encoded(loss, c, params), params).dataSync()));
}

export function regressionPredictTf(loss: RegressionLossSpec, c: RegressionCase, params: LossParams): number[] {
  return tf.tidy(() => Array.from(loss.predict(tf.tensor2d(c.outputs), params, c.support).dataSync()));
}

/** Autodiff gradient of the mean loss w.r.t. the outputs. */
export function regressionGradientTf(loss: RegressionLossSpec, c: RegressionCase, params: LossParams): number[][] {
  return tf.tidy(() => {
    const targets = encoded(loss, c, params);
    const grad = tf.grad((z: tf.Tensor) => tf.mean(loss.compute(z as Tensor2D, targets, params)))(tf.tensor2d(c.outputs));
    return grad.arraySync() as number[][];
  });
}

function meanReference(loss: RegressionLossSpec, outputs: number[][], c: RegressionCase, params: LossParams): number {
  const values = loss.reference(outputs, c.targets, params, c.support);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Central finite differences of the reference's mean loss w.r.t. each output. */
export function regressionGradientFiniteDifference(loss: RegressionLossSpec, c: RegressionCase, params: LossParams, h = 1e-5): number[][] {
  return c.outputs.map((row, i) =>
    row.map((_, k) => {
      const shifted = (delta: number): number[][] => c.outputs.map((r, j) => (j === i ? r.map((v, m) => (m === k ? v + delta : v)) : r));
      return (meanReference(loss, shifted(h), c, params) - meanReference(loss, shifted(-h), c, params)) / (2 * h);
    }),
  );
}

// Helpers shared by the loss tests: seeded logits, and the checks every loss must pass.
import { tf, type Tensor2D } from '../engine/tf';
import { rng } from '../engine/rng';
import type { LossContext, LossParams, LossSpec } from './types';

export interface LossCase {
  logits: number[][];
  labels: number[];
  context: LossContext;
}

/** Seeded random logits (scale ~2) and labels for `rows` examples over `classes` classes. */
export function lossCase(seed: number, rows: number, classes: number): LossCase {
  const random = rng(seed);
  const logits = Array.from({ length: rows }, () => Array.from({ length: classes }, () => 2 * random.normal()));
  const labels = Array.from({ length: rows }, (_, i) => (i < classes ? i : random.int(classes)));
  const classPriors = new Float32Array(classes);
  for (const label of labels) classPriors[label]! += 1 / rows;
  return { logits, labels, context: { classes, classPriors, step: 0, seed } };
}

function oneHot(labels: readonly number[], classes: number): Tensor2D {
  return tf.tensor2d(labels.map((y) => Array.from({ length: classes }, (_, k) => (k === y ? 1 : 0))));
}

/** The tfjs value of a loss: per-example array, or one number for a batch-level loss. */
export function lossValueTf(loss: LossSpec, c: LossCase, params: LossParams): number[] | number {
  return tf.tidy(() => {
    const out = loss.compute(tf.tensor2d(c.logits), oneHot(c.labels, c.context.classes), params, c.context);
    const values = Array.from(out.dataSync());
    return loss.level === 'example' ? values : values[0]!;
  });
}

/** The mean loss (the training objective) from the reference. */
export function lossMeanRef(loss: LossSpec, logits: number[][], c: LossCase, params: LossParams): number {
  const out = loss.reference(logits, c.labels, params, c.context);
  return Array.isArray(out) ? out.reduce((a, b) => a + b, 0) / out.length : out;
}

/** Autodiff gradient of the mean loss w.r.t. the logits, from tfjs. */
export function lossGradientTf(loss: LossSpec, c: LossCase, params: LossParams): number[][] {
  return tf.tidy(() => {
    const targets = oneHot(c.labels, c.context.classes);
    const grad = tf.grad((z: tf.Tensor) => {
      const out = loss.compute(z as Tensor2D, targets, params, c.context);
      return loss.level === 'example' ? tf.mean(out) : out;
    })(tf.tensor2d(c.logits));
    return grad.arraySync() as number[][];
  });
}

/** Central finite differences of the reference's mean loss w.r.t. each logit. */
export function lossGradientFiniteDifference(loss: LossSpec, c: LossCase, params: LossParams, h = 1e-5): number[][] {
  return c.logits.map((row, i) =>
    row.map((_, k) => {
      const shifted = (delta: number): number[][] => c.logits.map((r, j) => (j === i ? r.map((v, m) => (m === k ? v + delta : v)) : r));
      return (lossMeanRef(loss, shifted(h), c, params) - lossMeanRef(loss, shifted(-h), c, params)) / (2 * h);
    }),
  );
}

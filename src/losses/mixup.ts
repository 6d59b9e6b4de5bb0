// Mixup: train on x̃ = λx_i + (1−λ)x_j with the loss λ·L(y_i) + (1−λ)·L(y_j), λ ~ Beta(α, α),
// j a random partner. For cross-entropy this equals the loss on the mixed target
// ỹ = λe_i + (1−λ)e_j; for the other losses it is the usual generalisation.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../engine/tf';
import { rngPermutation, type Rng } from '../engine/rng';
import { rngBeta } from './random';
import type { LossContext, LossParams, LossSpec } from './types';

export const MIXUP_ALPHA_DEFAULT = 0.2;
export const MIXUP_SOURCE = 'On the Limitations of Temperature Scaling for Distributions with Overlaps';

export interface MixupDraw {
  /** λ_i ~ Beta(α, α), one per example, in [0, 1]. */
  lambdas: Float32Array;
  /** The partner j of each example i: a random permutation of 0..n−1. */
  partners: Int32Array;
}

/** Draws the mixing weights and partners for a batch of `n` examples. */
export function mixupDraw(random: Rng, alpha: number, n: number): MixupDraw {
  const lambdas = new Float32Array(n);
  for (let i = 0; i < n; i++) lambdas[i] = rngBeta(random, alpha, alpha);
  return { lambdas, partners: rngPermutation(random, n) };
}

function lambdaTensor(lambdas: Tensor1D | Float32Array | readonly number[]): Tensor1D {
  return lambdas instanceof tf.Tensor ? lambdas : tf.tensor1d(Array.from(lambdas));
}

/** The mixed inputs x̃_i = λ_i x_i + (1−λ_i) x_{j(i)}, and the partners' targets. */
export function mixupBatch(x: Tensor2D, targets: Tensor2D, draw: MixupDraw): { x: Tensor2D; targetsB: Tensor2D } {
  return tf.tidy(() => {
    const partners = tf.tensor1d(draw.partners, 'int32');
    const lambda = tf.expandDims(lambdaTensor(draw.lambdas), 1);
    const mixed = tf.add(tf.mul(lambda, x), tf.mul(tf.sub(1, lambda), tf.gather(x, partners)));
    return { x: mixed as Tensor2D, targetsB: tf.gather(targets, partners) };
  });
}

/**
 * λ·L(y_A) + (1−λ)·L(y_B): per example for a per-example loss (`[n]`); for a batch-level loss,
 * the two batch losses weighted by the mean λ (a scalar).
 */
export function mixupLoss(
  loss: LossSpec,
  logits: Tensor2D,
  targetsA: Tensor2D,
  targetsB: Tensor2D,
  lambdas: Tensor1D | Float32Array | readonly number[],
  params: LossParams,
  context: LossContext,
): Tensor {
  const lossA = loss.compute(logits, targetsA, params, context);
  const lossB = loss.compute(logits, targetsB, params, context);
  const lambda = lambdaTensor(lambdas);
  const weight = loss.level === 'example' ? lambda : tf.mean(lambda);
  return tf.add(tf.mul(weight, lossA), tf.mul(tf.sub(1, weight), lossB));
}

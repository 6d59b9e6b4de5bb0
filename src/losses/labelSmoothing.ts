import { tf, type Tensor1D, type Tensor2D } from '../engine/tf';
import { refLogSoftmax } from './math';
import { paramValue } from './params';
import type { LossParamSpec, LossSpec } from './types';

const EPSILON: LossParamSpec = { id: 'epsilon', label: 'ε', default: 0.1, min: 0, max: 0.5, step: 0.01, hint: 'share of the target spread evenly over all classes' };

/** q's two weights, 1 − ε on the true class and ε/K on every class, in float64. */
export function labelSmoothingWeights(eps: number, classes: number): { keep: number; spread: number } {
  return { keep: 1 - eps, spread: eps / classes };
}

/**
 * −Σ_k q_k log p_k with q = keep·e_y + spread; the weights numbers, or columns (n × 1) of one
 * value per row where several runs' rows are stacked (batchedLoss.ts).
 */
export function labelSmoothingTf(logits: Tensor2D, targets: Tensor2D, keep: number | Tensor2D, spread: number | Tensor2D): Tensor1D {
  const q = tf.add(tf.mul(keep, targets), spread);
  return tf.neg(tf.sum(tf.mul(q, tf.logSoftmax(logits)), 1));
}

export const labelSmoothing: LossSpec = {
  id: 'label-smoothing',
  name: 'Label smoothing',
  tex: '\\ell = -\\sum_k q_k \\log p_k, \\quad q = (1-\\varepsilon)\\, e_y + \\varepsilon / K',
  note: 'Cross-entropy against a softened target that keeps ε of its mass spread over all classes. The optimum is no longer probability 1, so logits stop growing: a cheap guard against overconfidence. ε = 0 is plain cross-entropy.',
  source: 'textbook (Szegedy et al. 2016)',
  level: 'example',
  params: [EPSILON],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const { keep, spread } = labelSmoothingWeights(paramValue(params, EPSILON), logits.shape[1]);
    return labelSmoothingTf(logits, targets, keep, spread);
  },
  reference: (logits, labels, params) => {
    const eps = paramValue(params, EPSILON);
    return logits.map((z, i) =>
      -refLogSoftmax(z).reduce((sum, logP, k) => sum + ((k === labels[i] ? 1 - eps : 0) + eps / z.length) * logP, 0),
    );
  },
};

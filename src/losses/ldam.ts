// LDAM: cross-entropy with the true class's logit lowered by a margin Δ_y = C / n_y^{1/4}, so
// rare classes must win by more. Class counts come from the training priors (n_j ∝ π_j); C is
// set so that the rarest class's margin is 0.5.
import { tf } from '../engine/tf';
import { refLogSoftmax } from './math';
import { paramValue } from './params';
import { tfLogPy } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const S: LossParamSpec = { id: 's', label: 's', default: 1, min: 0.1, max: 30, step: 0.1, hint: 'scale applied to the margin-shifted logits before the softmax' };

/** The largest margin, given to the rarest class. */
const MAX_MARGIN = 0.5;

/** Δ_j = C / n_j^{1/4} with max Δ = 0.5; a class absent from training gets the largest margin. */
export function ldamMargins(classPriors: ArrayLike<number>): number[] {
  const priors = Array.from(classPriors);
  const present = priors.filter((p) => p > 0);
  if (present.length === 0) return priors.map(() => MAX_MARGIN);
  const rarest = Math.min(...present);
  return priors.map((p) => (p > 0 ? MAX_MARGIN * (rarest / p) ** 0.25 : MAX_MARGIN));
}

export const ldam: LossSpec = {
  id: 'ldam',
  name: 'LDAM (imbalance margins)',
  tex: '\\ell = \\mathrm{CE}\\big(s\\,(z - \\Delta_y e_y)\\big), \\quad \\Delta_j = \\frac{C}{n_j^{1/4}},\\ \\max_j \\Delta_j = 0.5',
  note: 'Cross-entropy that asks each example to beat the other classes by a margin that grows as its class gets rarer (Δ ∝ 1/∜n, n the class’s size), so the boundary moves away from the minority class. Class sizes come from the training class frequencies.',
  source: 'Cao et al. 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss (NeurIPS); used in TransICD',
  level: 'example',
  params: [S],
  unavailableReason: () => null,
  compute: (logits, targets, params, context) => {
    const margins = tf.tensor1d(ldamMargins(context.classPriors));
    const shifted = tf.sub(logits, tf.mul(targets, margins));
    return tf.neg(tfLogPy(tf.mul(paramValue(params, S), shifted), targets));
  },
  reference: (logits, labels, params, context) => {
    const margins = ldamMargins(context.classPriors);
    const s = paramValue(params, S);
    return logits.map((z, i) => {
      const y = labels[i]!;
      return -refLogSoftmax(z.map((v, k) => s * (k === y ? v - margins[y]! : v)))[y]!;
    });
  },
};

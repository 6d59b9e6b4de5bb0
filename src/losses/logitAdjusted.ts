// Logit-adjusted cross-entropy: add τ·log π (training class priors) to the logits inside the
// loss only. Frequent classes get a head start during training, so the raw logits the model
// predicts with must favour rare classes to compensate: a prior correction baked into training.
import { tf } from '../engine/tf';
import { refLogSoftmax } from './math';
import { paramValue } from './params';
import { tfLogPy } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const TAU: LossParamSpec = { id: 'tau', label: 'τ', default: 1, min: 0, max: 3, step: 0.05, hint: 'strength of the prior correction; 0 is plain cross-entropy' };

/** A class absent from training would have log π = −∞; floor the prior instead. */
const PRIOR_FLOOR = 1e-8;

export function logitAdjustments(classPriors: ArrayLike<number>, tau: number): number[] {
  return Array.from(classPriors, (p) => tau * Math.log(Math.max(p, PRIOR_FLOOR)));
}

export const logitAdjusted: LossSpec = {
  id: 'logit-adjusted',
  name: 'Logit-adjusted CE',
  tex: '\\ell = \\mathrm{CE}(z + \\tau \\log \\pi)',
  note: 'Cross-entropy with the log class priors added to the logits during training only. The model learns logits that are corrected for how often each class appears, which targets balanced error on imbalanced data. τ = 0 is plain cross-entropy.',
  source: 'textbook (Menon et al. 2021); prior correction as in A systematic study of the class imbalance problem in CNNs',
  level: 'example',
  params: [TAU],
  unavailableReason: () => null,
  compute: (logits, targets, params, context) => {
    const shift = tf.tensor1d(logitAdjustments(context.classPriors, paramValue(params, TAU)));
    return tf.neg(tfLogPy(tf.add(logits, shift), targets));
  },
  reference: (logits, labels, params, context) => {
    const shift = logitAdjustments(context.classPriors, paramValue(params, TAU));
    return logits.map((z, i) => -refLogSoftmax(z.map((v, k) => v + shift[k]!))[labels[i]!]!);
  },
};

// LDR-KL: a soft maximum over the margin-augmented differences c·1[k≠y] + z_k − z_y with
// temperature λ, minus λ log K. λ = 1, c = 0 is cross-entropy − ln K; λ → 0 is the hinge.
import { tf } from '../engine/tf';
import { refLogSumExp } from './math';
import { paramValue } from './params';
import { tfPickTarget } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const LAMBDA: LossParamSpec = { id: 'lambda', label: 'λ', default: 1, min: 0.01, max: 10, step: 0.01, hint: 'robustness: small λ puts all weight on the strongest rival (hinge), large λ spreads it over every class' };
const C: LossParamSpec = { id: 'c', label: 'c', default: 1, min: 0, max: 5, step: 0.1, hint: 'margin added to every wrong class' };

export const ldrKl: LossSpec = {
  id: 'ldr-kl',
  name: 'LDR-KL',
  // Two statements, so a narrow panel wraps between them (formulaParts.ts) rather than shrink one long term.
  tex: '\\ell = \\lambda \\log \\Big( \\frac1K \\sum_k e^{s_k / \\lambda} \\Big), \\quad s_k = c\\,\\mathbb 1[k \\ne y] + z_k - z_y',
  note: 'The worst case, over all label distributions, of the margin-augmented score gaps, with λ times the distribution\'s KL divergence from uniform subtracted. Small λ behaves like the hinge (only the strongest rival counts); large λ like a margin-shifted cross-entropy. A knob between robustness and fitting.',
  source: 'Label Distributionally Robust Losses for Multi-class Classification',
  level: 'example',
  params: [LAMBDA, C],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const [lambda, c] = [paramValue(params, LAMBDA), paramValue(params, C)];
    const classes = logits.shape[1];
    const margins = tf.sub(tf.add(logits, tf.mul(c, tf.sub(1, targets))), tf.expandDims(tfPickTarget(logits, targets), 1));
    return tf.mul(lambda, tf.sub(tf.logSumExp(tf.div(margins, lambda), 1), Math.log(classes)));
  },
  reference: (logits, labels, params) => {
    const [lambda, c] = [paramValue(params, LAMBDA), paramValue(params, C)];
    return logits.map((z, i) => {
      const y = labels[i]!;
      const scaled = z.map((v, k) => ((k === y ? 0 : c) + v - z[y]!) / lambda);
      return lambda * (refLogSumExp(scaled) - Math.log(z.length));
    });
  },
};

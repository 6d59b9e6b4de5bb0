import { tf } from '../engine/tf';
import { refLogSoftmax } from './math';
import { paramValue } from './params';
import type { LossParamSpec, LossSpec } from './types';

const EPSILON: LossParamSpec = { id: 'epsilon', label: 'ε', default: 0.1, min: 0, max: 0.5, step: 0.01, hint: 'share of the target spread evenly over all classes' };

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
    const eps = paramValue(params, EPSILON);
    const classes = logits.shape[1];
    const q = tf.add(tf.mul(1 - eps, targets), eps / classes);
    return tf.neg(tf.sum(tf.mul(q, tf.logSoftmax(logits)), 1));
  },
  reference: (logits, labels, params) => {
    const eps = paramValue(params, EPSILON);
    return logits.map((z, i) =>
      -refLogSoftmax(z).reduce((sum, logP, k) => sum + ((k === labels[i] ? 1 - eps : 0) + eps / z.length) * logP, 0),
    );
  },
};

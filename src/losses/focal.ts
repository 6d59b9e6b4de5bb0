import { tf } from '../engine/tf';
import { refLogSoftmax } from './math';
import type { LossSpec } from './types';

export const focal: LossSpec = {
  id: 'focal',
  name: 'Focal',
  tex: '\\ell = -(1 - p_y)^{\\gamma} \\log p_y',
  note: 'Cross-entropy down-weighted on examples the model already gets right, so training focuses on the hard ones. Used for class imbalance (dense object detection); γ = 0 is plain cross-entropy.',
  source: 'textbook (Lin et al. 2017); named in Is Heuristic Sampling Necessary in Training Deep Object Detectors?',
  level: 'example',
  params: [{ id: 'gamma', label: 'γ', default: 2, min: 0, max: 5, step: 0.1, hint: 'how strongly easy examples are down-weighted' }],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const logPy = tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1);
    // 1 − p_y can round to 0 in float32; pow(0, γ) has an infinite derivative for γ < 1, so keep it off 0.
    const oneMinusPy = tf.maximum(tf.sub(1, tf.exp(logPy)), 1e-12);
    return tf.neg(tf.mul(tf.pow(oneMinusPy, params.gamma ?? 2), logPy));
  },
  reference: (logits, labels, params) =>
    logits.map((z, i) => {
      const logPy = refLogSoftmax(z)[labels[i]!]!;
      return -((1 - Math.exp(logPy)) ** (params.gamma ?? 2)) * logPy;
    }),
};

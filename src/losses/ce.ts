import { tf } from '../engine/tf';
import { refLogSumExp } from './math';
import type { LossSpec } from './types';

export const ce: LossSpec = {
  id: 'ce',
  name: 'Cross-entropy',
  tex: '\\ell = \\operatorname{logsumexp}(z) - z_y = -\\log p_y',
  note: 'The default for classification: the negative log-probability of the true class. It never stops pushing a correct example towards probability 1, which is why networks trained with it tend to be overconfident.',
  source: 'Cross-Entropy Loss Functions: Theoretical Analysis and Applications',
  level: 'example',
  params: [],
  unavailableReason: () => null,
  compute: (logits, targets) => tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1)),
  reference: (logits, labels) => logits.map((z, i) => refLogSumExp(z) - z[labels[i]!]!),
};

// Limiting confidence: −log(1 − (1 − p_y)^N), the negative log-probability that at least one of
// N independent samples is correct. For integer N, 1 − q^N = p_y · Σ_{j<N} q^j with q = 1 − p_y,
// so the loss is −log p_y − log Σ_{j<N} q^j: no cancellation, and N = 1 is exactly cross-entropy.
import { tf } from '../engine/tf';
import { refLogSoftmax, refOneMinusPy } from './math';
import { paramValue } from './params';
import { tfLogPy, tfOneMinusPy } from './tfHelpers';
import type { LossParamSpec, LossParams, LossSpec } from './types';

const N: LossParamSpec = { id: 'N', label: 'N', default: 4, min: 1, max: 64, step: 1, hint: 'number of attempts at test time (a whole number); N = 1 is cross-entropy' };

function attempts(params: LossParams): number {
  return Math.max(1, Math.round(paramValue(params, N)));
}

export const dco: LossSpec = {
  id: 'dco',
  name: 'Limiting confidence',
  tex: '\\ell = -\\log\\!\\big(1 - (1 - p_y)^N\\big)',
  note: 'The loss of getting the answer right in at least one of N tries. Once the true class is reasonably likely it stops pushing, so the model keeps probability on alternatives instead of becoming overconfident. N = 1 is cross-entropy.',
  source: 'Rethinking Fine-Tuning when Scaling Test-Time Compute: Limiting Confidence Improves Mathematical Reasoning',
  level: 'example',
  params: [N],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const n = attempts(params);
    const ce = tf.neg(tfLogPy(logits, targets));
    if (n === 1) return ce;
    const q = tf.expandDims(tfOneMinusPy(logits, targets), 1);
    const powers = tf.pow(q, tf.reshape(tf.range(1, n), [1, n - 1]));
    return tf.sub(ce, tf.log(tf.add(1, tf.sum(powers, 1))));
  },
  reference: (logits, labels, params) => {
    const n = attempts(params);
    return logits.map((z, i) => {
      const y = labels[i]!;
      // log q = log(1 − p_y), from whichever of q and p_y is the small, exactly known one.
      const q = refOneMinusPy(z, y);
      const logQ = q < 0.5 ? Math.log(q) : Math.log1p(-Math.exp(refLogSoftmax(z)[y]!));
      return -Math.log(-Math.expm1(n * logQ));
    });
  },
};

import { tf } from '../engine/tf';
import { refLogSoftmax, refSoftmax } from './math';
import { paramValue } from './params';
import { tfLogPy, tfOneMinusPy } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const ALPHA: LossParamSpec = { id: 'alpha', label: 'α', default: 0.1, min: 0, max: 10, step: 0.05, hint: 'weight of the ordinary cross-entropy term' };
const BETA: LossParamSpec = { id: 'beta', label: 'β', default: 1, min: 0, max: 10, step: 0.05, hint: 'weight of the reverse cross-entropy term' };
const A: LossParamSpec = { id: 'A', label: 'A', default: -4, min: -10, max: -0.5, step: 0.5, hint: 'the value given to log 0 in the reverse term; the reverse term is −A·(1 − p_y)' };

export const sce: LossSpec = {
  id: 'sce',
  name: 'Symmetric CE',
  tex: '\\ell = \\alpha \\cdot \\mathrm{CE} + \\beta \\cdot \\Big(-\\sum_k p_k \\log q_k\\Big), \\quad q = e_y,\\ \\log 0 := A',
  note: 'Cross-entropy plus a reverse cross-entropy that swaps the roles of prediction and label. With log 0 set to A, the reverse term is −A·(1 − p_y), a bounded, noise-robust term; the small CE term keeps learning fast on clean examples.',
  source: 'textbook (Wang et al. 2019); used in Robust Mean Teacher for Continual and Gradual Test-Time Adaptation',
  level: 'example',
  params: [ALPHA, BETA, A],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const ce = tf.neg(tfLogPy(logits, targets));
    const reverse = tf.mul(-paramValue(params, A), tfOneMinusPy(logits, targets));
    return tf.add(tf.mul(paramValue(params, ALPHA), ce), tf.mul(paramValue(params, BETA), reverse));
  },
  reference: (logits, labels, params) => {
    const [alpha, beta, a] = [paramValue(params, ALPHA), paramValue(params, BETA), paramValue(params, A)];
    return logits.map((z, i) => {
      const y = labels[i]!;
      const ce = -refLogSoftmax(z)[y]!;
      const reverse = -refSoftmax(z).reduce((sum, p, k) => sum + p * (k === y ? 0 : a), 0);
      return alpha * ce + beta * reverse;
    });
  },
};

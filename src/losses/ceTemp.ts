import { tf, type Tensor1D, type Tensor2D } from '../engine/tf';
import { refLogSoftmax } from './math';
import { paramValue } from './params';
import { tfLogPy } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const T: LossParamSpec = { id: 'T', label: 'T', default: 1, min: 0.05, max: 20, step: 0.05, hint: 'temperature: above 1 softens the softmax, below 1 sharpens it' };

/** −log softmax(z/T)_y; T a number, or a column (n × 1) of one T per row where several runs' rows are stacked. */
export function ceTempTf(logits: Tensor2D, targets: Tensor2D, t: number | Tensor2D): Tensor1D {
  return tf.neg(tfLogPy(tf.div(logits, t), targets));
}

export const ceTemp: LossSpec = {
  id: 'ce-temp',
  name: 'Temperature-scaled CE',
  tex: '\\ell = -\\log \\operatorname{softmax}(z / T)_y',
  note: 'Cross-entropy on logits divided by a temperature T. A high T flattens the softmax so every wrong class keeps pulling on the gradient; a low T makes only the strongest rival matter, close to a hinge. T = 1 is plain cross-entropy.',
  source: 'Label Distributionally Robust Losses for Multi-class Classification',
  level: 'example',
  params: [T],
  unavailableReason: () => null,
  compute: (logits, targets, params) => ceTempTf(logits, targets, paramValue(params, T)),
  reference: (logits, labels, params) => {
    const t = paramValue(params, T);
    return logits.map((z, i) => -refLogSoftmax(z.map((v) => v / t))[labels[i]!]!);
  },
};

// Crammer–Singer hinge and its square. max(0, c + max_{k≠y} z_k − z_y) equals
// max_k (c·1[k≠y] + z_k) − z_y: the k = y term supplies the 0, so no masking is needed.
// Ties: tf.max's gradient goes to EVERY entry equal to the maximum, so z = [0, 0, 0], y = 1
// would get [1, −1, 1], which is not a subgradient (a subgradient of a max of linear pieces is a
// convex combination of the tied pieces' gradients). We pick ONE maximum instead, the first in
// class order (argMax), and read its value through a constant one-hot mask: the gradient then
// goes to that class alone, e.g. [1, −1, 0], a valid subgradient.
import { tf, type Tensor1D, type Tensor2D } from '../engine/tf';
import { paramValue } from './params';
import { tfPickTarget } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const C: LossParamSpec = { id: 'c', label: 'c', default: 1, min: 0, max: 5, step: 0.1, hint: 'the margin the true class must win by before the loss is zero' };

/** The per-example hinge; c a number, or a column (n × 1) of one c per row where several runs' rows are stacked. */
export function hingeTf(logits: Tensor2D, targets: Tensor2D, c: number | Tensor2D): Tensor1D {
  const augmented = tf.add(logits, tf.mul(c, tf.sub(1, targets)));
  const chosen = tf.cast(tf.oneHot(tf.argMax(augmented, 1), logits.shape[1]!), 'float32');
  return tf.sub(tf.sum(tf.mul(augmented, chosen), 1), tfPickTarget(logits, targets));
}

/** Plain TypeScript: max(0, c + max_{k≠y} z_k − z_y). */
export function refHinge(z: readonly number[], y: number, c: number): number {
  const rival = Math.max(...z.filter((_, k) => k !== y));
  return Math.max(0, c + rival - z[y]!);
}

export const hinge: LossSpec = {
  id: 'hinge',
  name: 'Multi-class hinge (Crammer–Singer)',
  tex: '\\ell = \\max\\!\\big(0,\\ c + \\max_{k \\ne y} z_k - z_y\\big)',
  note: 'The SVM loss: zero once the true class beats its strongest rival by the margin c, linear otherwise. Only the single strongest rival gets a gradient (when rivals tie, the first of them in class order), and correct examples past the margin are ignored entirely.',
  source: 'textbook; the λ→0 end of LDR',
  level: 'example',
  params: [C],
  unavailableReason: () => null,
  compute: (logits, targets, params) => hingeTf(logits, targets, paramValue(params, C)),
  reference: (logits, labels, params) => logits.map((z, i) => refHinge(z, labels[i]!, paramValue(params, C))),
};

export const sqHinge: LossSpec = {
  id: 'sq-hinge',
  name: 'Squared hinge (L2-SVM)',
  tex: '\\ell = \\max\\!\\big(0,\\ c + \\max_{k \\ne y} z_k - z_y\\big)^2',
  note: 'The hinge squared: smooth at the margin, and it pushes harder on badly wrong examples. Used as the output layer of an SVM-style network.',
  source: 'A Neural Network Architecture Combining GRU and SVM…',
  level: 'example',
  params: [C],
  unavailableReason: () => null,
  compute: (logits, targets, params) => tf.square(hingeTf(logits, targets, paramValue(params, C))),
  reference: (logits, labels, params) => logits.map((z, i) => refHinge(z, labels[i]!, paramValue(params, C)) ** 2),
};

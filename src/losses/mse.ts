import { tf } from '../engine/tf';
import type { LossSpec } from './types';

export const mse: LossSpec = {
  id: 'mse',
  name: 'MSE on raw outputs',
  tex: '\\ell = \\tfrac12 \\lVert z - e_y \\rVert^2',
  note: 'Squared error between the raw outputs and the one-hot target, as in TensorFlow Playground. It penalises confident correct answers (outputs beyond 1) as much as wrong ones, so it learns slowly where cross-entropy would keep pushing.',
  source: 'textbook',
  level: 'example',
  params: [],
  unavailableReason: () => null,
  compute: (logits, targets) => tf.mul(0.5, tf.sum(tf.square(tf.sub(logits, targets)), 1)),
  reference: (logits, labels) =>
    logits.map((z, i) => 0.5 * z.reduce((sum, v, k) => sum + (v - (k === labels[i] ? 1 : 0)) ** 2, 0)),
};

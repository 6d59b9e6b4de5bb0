import { tf } from '../engine/tf';
import { refSoftmax } from './math';
import type { LossSpec } from './types';

export const brier: LossSpec = {
  id: 'brier',
  name: 'Brier / MSE on probabilities',
  tex: '\\ell = \\lVert p - e_y \\rVert^2',
  note: 'Squared error between the predicted probabilities and the one-hot target. A proper scoring rule like cross-entropy, but bounded (at most 2), so it rewards calibration without punishing confident mistakes without limit.',
  source: 'textbook',
  level: 'example',
  params: [],
  unavailableReason: () => null,
  compute: (logits, targets) => tf.sum(tf.square(tf.sub(tf.softmax(logits), targets)), 1),
  reference: (logits, labels) =>
    logits.map((z, i) => refSoftmax(z).reduce((sum, p, k) => sum + (p - (k === labels[i] ? 1 : 0)) ** 2, 0)),
};

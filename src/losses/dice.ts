import { tf } from '../engine/tf';
import { refSoftmax } from './math';
import { paramValue } from './params';
import { tfOneMinusPy, tfPickTarget } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const ALPHA: LossParamSpec = { id: 'alpha', label: 'α', default: 1, min: 0, max: 3, step: 0.1, hint: 'self-adjusting weight (1 − p_y)^α: larger α ignores easy examples more' };
const GAMMA: LossParamSpec = { id: 'gamma', label: 'γ', default: 1, min: 0.01, max: 2, step: 0.01, hint: 'smoothing added to numerator and denominator' };

// (1 − p_y)^α with α < 1 has an infinite derivative at 0; keep the base off 0 as focal does.
const BASE_FLOOR = 1e-12;

export const dice: LossSpec = {
  id: 'dice',
  name: 'Self-adjusting Dice',
  tex: '\\ell = 1 - \\frac{2(1-p_y)^{\\alpha} p_y + \\gamma}{(1-p_y)^{\\alpha} p_y + 1 + \\gamma}',
  note: 'A per-example Dice score with a focal-style weight (1 − p_y)^α, so examples the model already gets right stop counting. Aimed at data-imbalanced tasks where accuracy-like objectives (F1) matter more than likelihood.',
  source: 'Dice Loss for Data-imbalanced NLP Tasks',
  level: 'example',
  params: [ALPHA, GAMMA],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const [alpha, gamma] = [paramValue(params, ALPHA), paramValue(params, GAMMA)];
    const py = tfPickTarget(tf.softmax(logits), targets);
    const weighted = tf.mul(tf.pow(tf.maximum(tfOneMinusPy(logits, targets), BASE_FLOOR), alpha), py);
    // 1 − (2w + γ)/(w + 1 + γ) = (1 − w)/(1 + γ + w).
    return tf.div(tf.sub(1, weighted), tf.add(1 + gamma, weighted));
  },
  reference: (logits, labels, params) => {
    const [alpha, gamma] = [paramValue(params, ALPHA), paramValue(params, GAMMA)];
    return logits.map((z, i) => {
      const p = refSoftmax(z);
      const py = p[labels[i]!]!;
      const rest = p.reduce((s, v, k) => (k === labels[i] ? s : s + v), 0);
      const w = Math.max(rest, BASE_FLOOR) ** alpha * py;
      return 1 - (2 * w + gamma) / (w + 1 + gamma);
    });
  },
};

const SOFT_GAMMA: LossParamSpec = { id: 'gamma', label: 'γ', default: 1, min: 0.01, max: 2, step: 0.01, hint: 'smoothing; keeps a class absent from the batch from dividing by zero' };

export const softDice: LossSpec = {
  id: 'soft-dice',
  name: 'Soft Dice',
  tex: '\\mathcal L = \\frac1K \\sum_k \\Big( 1 - \\frac{2 \\sum_i p_{ik} e_{ik} + \\gamma}{\\sum_i p_{ik}^2 + \\sum_i e_{ik}^2 + \\gamma} \\Big)',
  note: 'Batch-level: for each class, one minus a soft overlap score between the predicted probabilities and the labels over the whole batch, averaged over classes. Each class counts equally however rare it is, which is why it is used for imbalanced data; it is not a sum over examples.',
  source: 'textbook; same paper (Dice Loss for Data-imbalanced NLP Tasks)',
  level: 'batch',
  params: [SOFT_GAMMA],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const gamma = paramValue(params, SOFT_GAMMA);
    const p = tf.softmax(logits);
    const overlap = tf.add(tf.mul(2, tf.sum(tf.mul(p, targets), 0)), gamma);
    const size = tf.add(tf.add(tf.sum(tf.square(p), 0), tf.sum(tf.square(targets), 0)), gamma);
    return tf.mean(tf.sub(1, tf.div(overlap, size)));
  },
  reference: (logits, labels, params) => {
    const gamma = paramValue(params, SOFT_GAMMA);
    const probabilities = logits.map((z) => refSoftmax(z));
    const classes = logits[0]?.length ?? 0;
    let total = 0;
    for (let k = 0; k < classes; k++) {
      let [overlap, p2, e2] = [0, 0, 0];
      probabilities.forEach((p, i) => {
        const e = labels[i] === k ? 1 : 0;
        overlap += p[k]! * e;
        p2 += p[k]! ** 2;
        e2 += e * e;
      });
      total += 1 - (2 * overlap + gamma) / (p2 + e2 + gamma);
    }
    return total / classes;
  },
};

import { tf } from '../engine/tf';
import { refSoftmax } from './math';
import { paramValue } from './params';
import { tfOneMinusPy, tfPickTarget } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

// The loss falls as w = (1 − p_y)^α p_y grows, and w is largest at p_y = 1/(1 + α): the loss pulls
// p_y up to that point and no further (past it, it pushes p_y back down). So the true class can win
// only if 1/(1 + α) beats the other classes, which at best share the rest evenly: α < K − 1. With
// two classes and the paper's α = 1 the optimum is p_y = ½, a tie: training sits at w = ¼ and a
// loss of (1 − ¼)/(2 + ¼) = 1/3 from the first step. The default α = 0.3 puts the optimum at
// p_y = 1/1.3 ≈ 0.77, which still turns the weight down on easy examples, as the paper intends.
const ALPHA: LossParamSpec = {
  id: 'alpha',
  label: 'α',
  default: 0.3,
  min: 0,
  max: 3,
  step: 0.1,
  hint: 'self-adjusting weight (1 − p_y)^α: larger α ignores easy examples more; the loss stops pushing at p_y = 1/(1 + α), so it needs α < K − 1',
};

/** The true-class probability the loss drives towards: where (1 − p)^α p peaks. */
export function diceOptimum(alpha: number): number {
  return 1 / (1 + alpha);
}
const GAMMA: LossParamSpec = { id: 'gamma', label: 'γ', default: 1, min: 0.01, max: 2, step: 0.01, hint: 'smoothing added to numerator and denominator' };

// (1 − p_y)^α with α < 1 has an infinite derivative at 0; keep the base off 0 as focal does.
const BASE_FLOOR = 1e-12;

export const dice: LossSpec = {
  id: 'dice',
  name: 'Self-adjusting Dice',
  tex: '\\ell = 1 - \\frac{2(1-p_y)^{\\alpha} p_y + \\gamma}{(1-p_y)^{\\alpha} p_y + 1 + \\gamma}',
  note: 'A per-example Dice score with a focal-style weight (1 − p_y)^α, so examples the model already gets right stop counting. Aimed at data-imbalanced tasks where accuracy-like objectives (F1) matter more than likelihood. The weight makes the loss lowest at p_y = 1/(1 + α), not at 1: it never pushes an example past that, and with α ≥ K − 1 the true class cannot come out on top (with two classes the paper\'s α = 1 stops at a tie, ½).',
  source: 'Dice Loss for Data-imbalanced NLP Tasks',
  level: 'example',
  params: [ALPHA, GAMMA],
  unavailableReason: (classes, params) => {
    const alpha = params ? paramValue(params, ALPHA) : ALPHA.default;
    if (alpha < classes - 1) return null;
    const optimum = diceOptimum(alpha);
    return `With ${classes} classes, α = ${alpha} cannot learn: the loss is lowest at p_y = 1/(1 + α) = ${optimum.toFixed(2)}, where the true class at best ties the others. Use α < ${classes - 1}.`;
  },
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

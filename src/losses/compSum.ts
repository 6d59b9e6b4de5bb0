// The comp-sum family and two of its members. With u = Σ_{k≠y} e^{z_k − z_y} = 1/p_y − 1,
// every member is a function of p_y alone: ((1+u)^{1−τ} − 1)/(1−τ) = (p_y^{τ−1} − 1)/(1−τ).
// The tfjs side writes it as expm1((τ−1)·log p_y)/(1−τ), which stays accurate when p_y is near 1.
import { tf } from '../engine/tf';
import { refSoftmax } from './math';
import { paramValue } from './params';
import { tfLogPy, tfOneMinusPy } from './tfHelpers';
import type { LossParamSpec, LossSpec } from './types';

const TAU: LossParamSpec = { id: 'tau', label: 'τ', default: 1, min: 0, max: 2, step: 0.05, hint: '0: sum exponential, 1: cross-entropy, 2: 1 − p_y (bounded, noise-robust)' };

/** How close to τ = 1 counts as the logarithmic member. */
const TAU_LOG = 1e-9;
/**
 * For τ < 1 the loss grows like p_y^{τ−1}, which overflows float32 once p_y < e^{−88}. Below
 * p_y = e^{−80} (u = e^{80} − 1) the value is held there and the gradient is zero.
 */
const LOG_PY_FLOOR = -80;

export const compSum: LossSpec = {
  id: 'comp-sum',
  name: 'Comp-sum family',
  tex: 'u = \\sum_{k \\ne y} e^{z_k - z_y}, \\quad \\ell_\\tau = \\begin{cases} \\log(1+u) & \\tau = 1 \\\\ \\dfrac{(1+u)^{1-\\tau} - 1}{1-\\tau} & \\text{otherwise} \\end{cases}',
  note: 'One dial through a family of losses built on the same sum u of exponentiated margins: τ = 0 is the sum-exponential loss, τ = 1 cross-entropy, τ = 1 + q generalized CE, τ = 2 the bounded 1 − p_y. Larger τ caps the loss of badly wrong examples, which helps with noisy labels but slows learning.',
  source: 'Cross-Entropy Loss Functions: Theoretical Analysis and Applications',
  level: 'example',
  params: [TAU],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const tau = paramValue(params, TAU);
    const logPy = tfLogPy(logits, targets);
    if (Math.abs(1 - tau) < TAU_LOG) return tf.neg(logPy);
    const bounded = tau < 1 ? tf.maximum(logPy, LOG_PY_FLOOR) : logPy;
    return tf.div(tf.expm1(tf.mul(tau - 1, bounded)), 1 - tau);
  },
  reference: (logits, labels, params) => {
    const tau = paramValue(params, TAU);
    return logits.map((z, i) => {
      const y = labels[i]!;
      const sum = z.reduce((acc, v, k) => (k === y ? acc : acc + Math.exp(v - z[y]!)), 0);
      const u = tau < 1 ? Math.min(sum, Math.expm1(-LOG_PY_FLOOR)) : sum;
      return Math.abs(1 - tau) < TAU_LOG ? Math.log1p(u) : ((1 + u) ** (1 - tau) - 1) / (1 - tau);
    });
  },
};

const Q: LossParamSpec = { id: 'q', label: 'q', default: 0.7, min: 0.05, max: 1, step: 0.05, hint: 'q → 0 is cross-entropy; q = 1 is the bounded 1 − p_y' };

export const gce: LossSpec = {
  id: 'gce',
  name: 'Generalized CE',
  tex: '\\ell = \\frac{1 - p_y^{\\,q}}{q}',
  note: 'A bridge between cross-entropy (q → 0) and the mean absolute error (q = 1). It is bounded, so a few mislabelled examples cannot dominate the gradient: a standard choice under label noise.',
  source: 'textbook (Zhang & Sabuncu 2018); a comp-sum member',
  level: 'example',
  params: [Q],
  unavailableReason: () => null,
  compute: (logits, targets, params) => {
    const q = paramValue(params, Q);
    return tf.div(tf.neg(tf.expm1(tf.mul(q, tfLogPy(logits, targets)))), q);
  },
  reference: (logits, labels, params) => {
    const q = paramValue(params, Q);
    return logits.map((z, i) => (1 - refSoftmax(z)[labels[i]!]! ** q) / q);
  },
};

export const mae: LossSpec = {
  id: 'mae',
  name: 'Mean absolute error',
  tex: '\\ell = \\lVert e_y - p \\rVert_1 = 2(1 - p_y)',
  note: 'The L1 distance between the predicted probabilities and the one-hot target. Bounded in [0, 2] and robust to label noise, but its gradient vanishes on badly wrong examples, so it can learn very slowly. Against p_y its slope is a constant −2; the network moves logits, and against the true-class logit the gradient is −2 p_y(1 − p_y), which goes to 0 as p_y does (the view this plot opens on).',
  source: 'comp-sum member',
  level: 'example',
  shapeAxis: 'logit',
  params: [],
  unavailableReason: () => null,
  compute: (logits, targets) => tf.mul(2, tfOneMinusPy(logits, targets)),
  reference: (logits, labels) =>
    logits.map((z, i) => refSoftmax(z).reduce((sum, p, k) => sum + Math.abs((k === labels[i] ? 1 : 0) - p), 0)),
};

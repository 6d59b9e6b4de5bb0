import { tf, type Tensor1D, type Tensor2D } from '../engine/tf';
import { refLogSoftmax, refOneMinusPy } from './math';
import { tfOneMinusPy, tfLogPy } from './tfHelpers';
import type { LossSpec } from './types';

/** Below this 1 − p_y, log p_y is taken from 1 − p_y; above it, from logSoftmax. */
const NEAR_ONE = 0.5;
/** 1 − p_y is kept at least this in the near-one branch, so log(1 − p_y) stays finite (and its gradient). */
const TINY = 1e-30;

/**
 * log p_y accurate at both ends in float32. logSoftmax computes log(1 + Σ_{k≠y} e^{z_k − z_y}) with
 * the 1 + … rounded to float32, so near p_y = 1 it is off by up to ~6 % relative (at 1 − p_y = 1e−6).
 * With u = 1 − p_y (the other classes' probability sum, exact there), log p_y = log(1 − u) =
 * −softplus(log u − log(1 − u)): tf.softplus keeps e^{log u}'s digits on cpu, wasm and webgpu, where
 * tf.log1p(−u) does not (the wasm and webgpu kernels compute log(1 + x) in float32, 0 for u < 6e−8).
 * The branches are blended with a 0/1 step mask (tf.where's condition op, Less, has no gradient in
 * tfjs), and u is clamped so the discarded branch stays finite: an infinite derivative there would
 * make the gradient NaN.
 */
function tfStableLogPy(logits: Tensor2D, targets: Tensor2D, oneMinusPy: Tensor1D): Tensor1D {
  const u = tf.minimum(tf.maximum(oneMinusPy, TINY), NEAR_ONE);
  const nearOne = tf.neg(tf.softplus(tf.sub(tf.log(u), tf.log(tf.sub(1, u)))));
  const useNearOne = tf.step(tf.sub(NEAR_ONE, oneMinusPy));
  return tf.add(tf.mul(useNearOne, nearOne), tf.mul(tf.sub(1, useNearOne), tfLogPy(logits, targets)));
}

/**
 * The per-example focal loss; γ a number, or a vector of one γ per row where the rows of several
 * runs are stacked (batchedLoss.ts).
 */
export function focalTf(logits: Tensor2D, targets: Tensor2D, gamma: number | Tensor1D): Tensor1D {
  // 1 − p_y as the sum of the other classes' probabilities, never 1 − exp(log p_y): that
  // subtraction cancels near p_y = 1 (13 % relative error at 1 − p_y = 1e−6 in float32).
  const oneMinusPy = tfOneMinusPy(logits, targets);
  const logPy = tfStableLogPy(logits, targets, oneMinusPy);
  // 1 − p_y can still underflow to 0; pow(0, γ) has an infinite derivative for γ < 1, so keep it off 0.
  const base = tf.maximum(oneMinusPy, 1e-12);
  return tf.neg(tf.mul(tf.pow(base, gamma), logPy));
}

/** Plain TypeScript, float64: the same stable pieces, so the reference is exact near p_y = 1. */
export function refFocal(z: readonly number[], y: number, gamma: number): number {
  const oneMinusPy = refOneMinusPy(z, y);
  const logPy = oneMinusPy < NEAR_ONE ? Math.log1p(-oneMinusPy) : refLogSoftmax(z)[y]!;
  return -(oneMinusPy ** gamma) * logPy;
}

export const focal: LossSpec = {
  id: 'focal',
  name: 'Focal',
  tex: '\\ell = -(1 - p_y)^{\\gamma} \\log p_y',
  note: 'Cross-entropy down-weighted on examples the model already gets right, so training focuses on the hard ones. Used for class imbalance (dense object detection); γ = 0 is plain cross-entropy.',
  source: 'Lin et al. 2017, Focal Loss for Dense Object Detection (ICCV); discussed in Chen et al. 2021, Is Heuristic Sampling Necessary in Training Deep Object Detectors? (IEEE TIP)',
  level: 'example',
  params: [{ id: 'gamma', label: 'γ', default: 2, min: 0, max: 5, step: 0.1, hint: 'how strongly easy examples are down-weighted' }],
  unavailableReason: () => null,
  compute: (logits, targets, params) => focalTf(logits, targets, params.gamma ?? 2),
  reference: (logits, labels, params) => logits.map((z, i) => refFocal(z, labels[i]!, params.gamma ?? 2)),
};

// Cross-entropy, label smoothing and focal as one per-example loss, so that runs of any of the
// three share one computation over their stacked rows (batchedLoss.ts), its gradient computed
// with its value.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../engine/tf';
import { refLogSoftmax, refOneMinusPy } from './math';

/**
 * ℓ = −(1 − ε)·(1 − p_y)^γ·log p_y − (ε/K)·Σ_k log p_k, with γ and ε per row: γ = ε = 0 is
 * cross-entropy, γ = 0 label smoothing (q = (1 − ε)·e_y + ε/K, split into its e_y and uniform
 * parts), ε = 0 focal (focal.ts, labelSmoothing.ts). Each row's columns are these (the
 * columns of its run, batchedLoss.ts).
 */
export interface SoftmaxFamilyColumns {
  /** γ, and γ − 1 (focal's weight and its slope). */
  gamma: Tensor2D;
  gammaLess1: Tensor2D;
  /** 1 − ε, ε/K and ε: the weight of log p_y, the uniform weight of every log p_k, and the latter times K. */
  keep: Tensor2D;
  spread: Tensor2D;
  spreadTimesK: Tensor2D;
}

/** The parts of the family a set of rows needs: rows all with γ = 0 skip the focal weight, all with ε = 0 the uniform part. */
export interface SoftmaxFamilyParts {
  focal: boolean;
  smoothing: boolean;
}

/** One row's column values, in float64, from a loss's hyperparameters. */
export function softmaxFamilyValues(gamma: number, epsilon: number, classes: number): Record<keyof SoftmaxFamilyColumns, number> {
  return { gamma, gammaLess1: gamma - 1, keep: 1 - epsilon, spread: epsilon / classes, spreadTimesK: epsilon };
}

/**
 * log(1e−12): focalTf keeps 1 − p_y at or above 1e−12 (pow(0, γ) has an infinite slope), and so
 * does the family, for focal's own weights and for a finite (1 − p_y)^{γ−1} at γ < 1: its power
 * of e is then at most 27.7, never ∞ (∞·0 would make the gradient NaN). Below the floor the
 * gradient's focal part is a multiple of p − e_y, itself within 1e−12 of 0.
 */
const LOG_FLOOR = Math.log(1e-12);

/** Taken off the true class's logit to leave it out of a log-sum-exp: exp(−1e30 − max) is 0. */
const LEAVE_OUT = 1e30;

/**
 * The per-example losses `[N]`, for one-hot `targets`, from log-space pieces that stay exact at
 * both ends: with a = log Σ_{k≠y} e^{z_k − z_y} (a log-sum-exp over the other classes),
 * −log p_y = softplus(a) and log(1 − p_y) = a − softplus(a), so neither p_y near 1 (where
 * 1 − p_y and log p_y cancel in float32) nor near 0 loses digits, and (1 − p_y)^γ = e^{γ·log(1−p_y)}
 * is exactly 1 at γ = 0 whatever p_y. The gradient is written out (a custom gradient): with
 * w = (1 − p_y)^γ,
 *   ∂ℓ/∂z = (1 − ε)·(w − γ·(1 − p_y)^{γ−1}·p_y·log p_y)·(p − e_y) + (ε/K)·(K·p − 1),
 * computed with the value, so the backward pass is one product. Autodiff of the same value
 * launches over twice the kernels (every op's gradient, its saved inputs), and on a GPU each
 * kernel costs about the same whatever its size.
 */
export function softmaxFamilyTf(logits: Tensor2D, targets: Tensor2D, columns: SoftmaxFamilyColumns, parts: SoftmaxFamilyParts): Tensor1D {
  const rows = logits.shape[0];
  const lossAndGradient = tf.customGrad((...args: (Tensor | ((tensors: Tensor[]) => void))[]) => {
    const z = args[0] as Tensor2D;
    const save = args[1] as (tensors: Tensor[]) => void;
    const zy = tf.sum(tf.mul(targets, z), 1, true);
    const d = tf.sub(z, zy);
    // a = log Σ_{k≠y} e^{d_k}, shifted by its largest term (K ≥ 2: there is another class).
    const others = tf.sub(d, tf.mul(targets, LEAVE_OUT));
    const top = tf.max(others, 1, true);
    const a = tf.add(top, tf.log(tf.sum(tf.exp(tf.sub(others, top)), 1, true)));
    // tf.softplus keeps e^a's digits where a ≪ 0 (p_y near 1) on cpu, wasm and webgpu alike;
    // log1p(e^a) would not: the wasm and webgpu kernels of log1p compute log(1 + x) in float32.
    const minusLogPy = tf.softplus(a);
    const p = tf.exp(tf.sub(d, minusLogPy));
    let weight: Tensor = columns.keep;
    let slope: Tensor = columns.keep;
    if (parts.focal) {
      const logOneMinusPy = tf.sub(a, minusLogPy);
      const floored = tf.maximum(logOneMinusPy, LOG_FLOOR);
      const w = tf.exp(tf.mul(columns.gamma, floored));
      // γ·(1 − p_y)^{γ−1}·p_y·(−log p_y), the power and p_y as one exponential.
      const powerTerm = tf.exp(tf.sub(tf.mul(columns.gammaLess1, floored), minusLogPy));
      const dw = tf.mul(tf.mul(columns.gamma, powerTerm), minusLogPy);
      weight = tf.mul(columns.keep, w);
      slope = tf.mul(columns.keep, tf.add(w, dw));
    }
    let value: Tensor;
    let gradient: Tensor = tf.mul(slope, tf.sub(p, targets));
    if (parts.smoothing) {
      // −Σ_k log p_k = K·(−log p_y) − Σ_k (z_k − z_y).
      value = tf.sub(tf.mul(tf.add(weight, columns.spreadTimesK), minusLogPy), tf.mul(columns.spread, tf.sum(d, 1, true)));
      gradient = tf.add(gradient, tf.sub(tf.mul(columns.spreadTimesK, p), columns.spread));
    } else {
      value = tf.mul(weight, minusLogPy);
    }
    save([gradient]);
    return {
      value: tf.reshape(value, [rows]),
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(tf.reshape(dy, [rows, 1]), saved[0]!),
    };
  });
  return lossAndGradient(logits) as Tensor1D;
}

/** Plain TypeScript, float64: the family's value for one example, from the same stable pieces as refFocal. */
export function refSoftmaxFamily(z: readonly number[], y: number, gamma: number, epsilon: number): number {
  const logP = refLogSoftmax(z);
  const oneMinusPy = refOneMinusPy(z, y);
  const logPy = oneMinusPy < 0.5 ? Math.log1p(-oneMinusPy) : logP[y]!;
  const sumLogP = logP.reduce((sum, v) => sum + v, 0);
  return -(1 - epsilon) * oneMinusPy ** gamma * logPy - (epsilon / z.length) * sumLogP;
}

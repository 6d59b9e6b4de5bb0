// The L1/L2 penalties of several runs at once, from their stacked weights.
import { tf, type Tensor, type Tensor1D } from './tf';
import type { ExperimentConfig } from './config';
import { regularizationKernels, type RegularizationKind } from './regularization';
import type { RowLayout } from './batchedRows';

/**
 * Each row's penalty (regularization.ts: rate · Σ|w| or rate · Σ ½w² over the kernels), `[R]`, from
 * the stacked layers [W₀, b₀, …] (R × in × out for a W): per kernel one sum over all rows, then
 * each kind's rate as a column, 0 for a row without it or with `null` options (a run that adds
 * its own). The same ops as regularizationPenalty in the same order, so each row equals its run's
 * own penalty within float32 rounding. Null when no row has a penalty.
 */
export function penaltyRows(options: readonly (ExperimentConfig['training'] | null)[], layers: readonly Tensor[]): Tensor1D | null {
  const rates = (kind: RegularizationKind): number[] => options.map((o) => (o && o.regularization === kind ? o.regularizationRate : 0));
  const terms: Tensor[] = [];
  for (const kind of ['l1', 'l2'] as const) {
    const rate = rates(kind);
    if (rate.every((r) => !(r > 0))) continue;
    const sums = regularizationKernels(layers).map((w) => (kind === 'l1' ? tf.sum(tf.abs(w), [1, 2]) : tf.mul(0.5, tf.sum(tf.square(w), [1, 2]))));
    terms.push(tf.mul(tf.tensor1d(rate), sums.length > 1 ? tf.addN(sums) : sums[0]!));
  }
  if (terms.length === 0) return null;
  return (terms.length > 1 ? tf.add(terms[0]!, terms[1]!) : terms[0]!) as Tensor1D;
}

/**
 * The gradient of each row's penalty (penaltyRows) w.r.t. its row of θ, R × P, written out rather
 * than differentiated: rate · w for L2 and rate · step(w, −1) for L1 (tfjs's gradient of |w|,
 * −1 at w = 0, as each run's own autodiff gives) on the kernels' columns, 0 on the biases'. A few
 * kernels whatever the layers, where autodiff of the penalty launches a dozen or more per kernel
 * tensor (its square or abs, sum and product, and each one's gradient). Null when no row has a penalty.
 */
export function penaltyGradientRows(options: readonly ExperimentConfig['training'][], layout: RowLayout, theta: Tensor): Tensor | null {
  const kernels = regularizationKernels(layout.slots);
  const terms: Tensor[] = [];
  for (const kind of ['l1', 'l2'] as const) {
    const rates = options.map((o) => (o.regularization === kind ? o.regularizationRate : 0));
    if (rates.every((r) => !(r > 0))) continue;
    // Each row's rate on its kernels' columns, 0 elsewhere: one constant R × P.
    const scale = new Float32Array(rates.length * layout.width);
    rates.forEach((rate, r) => kernels.forEach((s) => scale.fill(rate, r * layout.width + s.offset, r * layout.width + s.offset + s.size)));
    const slope = kind === 'l1' ? tf.step(theta, -1) : theta;
    terms.push(tf.mul(slope, tf.tensor2d(scale, [rates.length, layout.width])));
  }
  if (terms.length === 0) return null;
  return terms.length > 1 ? tf.add(terms[0]!, terms[1]!) : terms[0]!;
}

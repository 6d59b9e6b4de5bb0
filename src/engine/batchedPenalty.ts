// The L1/L2 penalties of several runs at once, from their stacked weights.
import { tf, type Tensor, type Tensor1D } from './tf';
import type { ExperimentConfig } from './config';
import { regularizationKernels, type RegularizationKind } from './regularization';

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

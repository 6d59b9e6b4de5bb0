import { tf, type Scalar, type Tensor } from './tf';

/**
 * L1 and L2 penalties on the weights, as in TensorFlow Playground: added to the loss as
 * rate · Σ|w| or rate · Σ ½w², over the kernels only (biases are not penalised), and reported
 * beside the loss rather than inside it. With the ½, L2's gradient is rate · w: plain SGD with L2
 * at rate λ is weight decay at λ.
 */
export const REGULARIZATION_KINDS = ['none', 'l1', 'l2'] as const;
export type RegularizationKind = (typeof REGULARIZATION_KINDS)[number];

/** The Playground offers 0 to 10; its menu steps are 0.001, 0.003, 0.01 … 10. */
export const REGULARIZATION_RATE = { min: 0, max: 10, default: 0 } as const;

/** The kernels of an MLP's parameter list [W₀, b₀, W₁, b₁, …] (mlpForward's order). */
export function regularizationKernels<T>(params: readonly T[]): T[] {
  return params.filter((_, i) => i % 2 === 0);
}

function checkRate(rate: number): void {
  if (!Number.isFinite(rate) || rate < REGULARIZATION_RATE.min || rate > REGULARIZATION_RATE.max) {
    throw new Error(`regularization rate must be between ${REGULARIZATION_RATE.min} and ${REGULARIZATION_RATE.max}, got ${rate}`);
  }
}

/** tfjs: the penalty over these weight tensors, a scalar differentiable in them. */
export function regularizationPenalty(kind: RegularizationKind, rate: number, weights: readonly Tensor[]): Scalar {
  checkRate(rate);
  return tf.tidy(() => {
    if (kind === 'none' || weights.length === 0) return tf.scalar(0);
    const perTensor = weights.map((w) => (kind === 'l1' ? tf.sum(tf.abs(w)) : tf.mul(0.5, tf.sum(tf.square(w)))));
    return tf.mul(rate, tf.addN(perTensor)) as Scalar;
  });
}

/** Plain TypeScript, float64: the same penalty over flat weight arrays. */
export function regularizationPenaltyReference(kind: RegularizationKind, rate: number, weights: readonly (readonly number[] | Float32Array)[]): number {
  checkRate(rate);
  if (kind === 'none') return 0;
  let total = 0;
  for (const w of weights) for (const v of w) total += kind === 'l1' ? Math.abs(v) : 0.5 * v * v;
  return rate * total;
}

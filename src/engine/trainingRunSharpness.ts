// λ_max of a run's training-loss Hessian, preconditioned by its optimizer where it has a preconditioner (Adam).
import { tf, type Scalar, type Tensor, type Variable } from './tf';
import type { OptimizerState } from './optimizers/types';
import { sharpnessPowerIteration } from './metrics/sharpness';
import { preconditionedGradientAt } from './preconditionedSharpness';

export interface SharpnessResult {
  eigenvalue: Scalar;
  vector: Tensor[];
  preconditioned: boolean;
}

/**
 * Power iteration on Hessian-vector products of `gradientAt` at `variables`, warm-started from
 * the previous eigenvector when given. With a preconditioner P the sharpness that meets a
 * stability line is λ_max(P⁻¹H). The caller owns the returned tensors.
 */
export function runSharpness(
  gradientAt: (params: Tensor[]) => Tensor[],
  variables: readonly Variable[],
  optimizer: OptimizerState,
  options: { warmStart: readonly Tensor[] | null; iterations: number; seed: number },
): SharpnessResult {
  const diagonal = optimizer.preconditioner?.() ?? null;
  const scale = diagonal ? diagonal.map((p) => tf.rsqrt(p)) : null;
  if (diagonal) tf.dispose(diagonal);
  const scaledGradientAt = scale ? preconditionedGradientAt(gradientAt, variables, scale) : gradientAt;
  const result = sharpnessPowerIteration(scaledGradientAt, variables, options);
  if (scale) tf.dispose(scale);
  result.relativeChange.dispose();
  return { eigenvalue: result.eigenvalue, vector: result.vector, preconditioned: scale !== null };
}

import { tf, type Tensor } from './tf';
import type { GradientAtParams } from './metrics/sharpness';

/**
 * The gradient function whose Hessian at θ is S·H·S, S = P^(−1/2), for a diagonal
 * preconditioner P (one tensor per parameter): φ ↦ S·∇L(θ + S(φ − θ)). Power iteration on it
 * gives λ_max(S·H·S) = λ_max(P⁻¹H), the preconditioned sharpness of Cohen et al. 2022
 * ("Adaptive Gradient Methods at the Edge of Stability"). The caller keeps `scale` (S) alive
 * while the returned function is used.
 */
export function preconditionedGradientAt(gradientAt: GradientAtParams, at: readonly Tensor[], scale: readonly Tensor[]): GradientAtParams {
  return (params) => {
    const moved = params.map((p, i) => tf.add(at[i]!, tf.mul(scale[i]!, tf.sub(p, at[i]!))));
    return gradientAt(moved).map((g, i) => tf.mul(scale[i]!, g));
  };
}

// The regularization penalty on a landscape: the surface shows the objective training minimises,
// the data loss plus rate·Σ|w| (L1) or rate·Σ½w² (L2) over the kernels. The penalty depends on the
// weights alone, so it is added in plain TypeScript per point rather than inside the batched
// tensor evaluation (its cost is one pass over the kernels per point).
import type { DenseWeights } from '../mlp';
import type { RegularizationKind } from '../regularization';
import type { LandscapePlane } from './params';

export interface LandscapePenalty {
  kind: RegularizationKind;
  rate: number;
}

export function landscapePenaltyActive(penalty: LandscapePenalty | undefined): penalty is LandscapePenalty {
  return penalty !== undefined && penalty.kind !== 'none' && penalty.rate > 0;
}

/** The penalty of one parameter set (biases are not penalised). */
export function landscapePenaltyOf(penalty: LandscapePenalty, layers: readonly DenseWeights[]): number {
  if (!landscapePenaltyActive(penalty)) return 0;
  let total = 0;
  for (const layer of layers) for (const w of layer.w) total += penalty.kind === 'l1' ? Math.abs(w) : 0.5 * w * w;
  return penalty.rate * total;
}

/** The penalty at θ(α, β) = centre + α·d1 + β·d2, combining the kernels in float64. */
export function landscapePenaltyAt(penalty: LandscapePenalty, plane: LandscapePlane, alpha: number, beta: number): number {
  if (!landscapePenaltyActive(penalty)) return 0;
  let total = 0;
  plane.center.forEach((layer, l) => {
    const d1 = plane.d1[l]!.w;
    const d2 = plane.d2?.[l]!.w;
    for (let i = 0; i < layer.w.length; i++) {
      const w = layer.w[i]! + alpha * d1[i]! + (d2 ? beta * d2[i]! : 0);
      total += penalty.kind === 'l1' ? Math.abs(w) : 0.5 * w * w;
    }
  });
  return penalty.rate * total;
}

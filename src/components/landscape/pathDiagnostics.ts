import type { SurfacePath } from '../../workers/surveyorProtocol';

export interface PathAgreement {
  /** Largest |true − surface| / |true| over checkpoints drawn on the grid. */
  worstRelativeGap: number;
  /** Step of that checkpoint. */
  worstStep: number | null;
  /** Largest distance from the plane, and the path's length from first to last checkpoint. */
  maxDistance: number;
  /** Checkpoints whose projection falls outside the grid. */
  offGrid: number;
  /** The gap is large enough to say so (over 20 %). */
  disagrees: boolean;
}

export const DISAGREEMENT_THRESHOLD = 0.2;

/** How far the drawn path can be trusted: the true loss against the surface's under each point. */
export function pathAgreement(path: SurfacePath): PathAgreement {
  let worst = 0;
  let worstStep: number | null = null;
  let maxDistance = 0;
  let offGrid = 0;
  for (let t = 0; t < path.steps.length; t++) {
    maxDistance = Math.max(maxDistance, path.distance[t]!);
    const surface = path.surfaceLoss[t]!;
    const loss = path.loss[t]!;
    if (!Number.isFinite(surface)) {
      offGrid += 1;
      continue;
    }
    const gap = Math.abs(loss - surface) / Math.max(Math.abs(loss), 1e-6);
    if (gap > worst) {
      worst = gap;
      worstStep = path.steps[t]!;
    }
  }
  return { worstRelativeGap: worst, worstStep, maxDistance, offGrid, disagrees: worst > DISAGREEMENT_THRESHOLD };
}

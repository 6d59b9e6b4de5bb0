// Chooses the plane and the grid of one survey: random directions around the current weights,
// the trajectory's PCA plane, or the plane through three solutions of the run.
import {
  landscapeExtentCovering,
  landscapeFlatten,
  landscapeGridSquare,
  landscapePcaPlane,
  landscapeProject,
  landscapeRandomPlane,
  landscapeSolutionPlane,
  landscapeUnflatten,
  type LandscapeFlatPlane,
  type LandscapeGridSpec,
  type LandscapePlane,
  type LayerShape,
} from '../engine/landscape';
import type { PlaneInfo, SurveyRequest } from './surveyorProtocol';

export interface Checkpoint {
  step: number;
  /** Flat parameters (landscapeFlatten's order). */
  weights: Float32Array;
}

export interface SurveyPlane {
  plane: LandscapePlane;
  flat: LandscapeFlatPlane;
  spec: LandscapeGridSpec;
  info: PlaneInfo;
}

/** A covering extent stretched by `zoom` (both ends, the origin stays in view). */
function zoomed(spec: LandscapeGridSpec, zoom: number): LandscapeGridSpec {
  return {
    resolution: spec.resolution,
    alpha: [spec.alpha[0] * zoom, spec.alpha[1] * zoom],
    beta: [spec.beta[0] * zoom, spec.beta[1] * zoom],
  };
}

/** The checkpoint nearest to halfway (by step) between the first and the last. */
function middleCheckpoint(checkpoints: readonly Checkpoint[]): Checkpoint {
  const first = checkpoints[0]!;
  const last = checkpoints[checkpoints.length - 1]!;
  const half = (first.step + last.step) / 2;
  let best = checkpoints[1] ?? first;
  for (const c of checkpoints.slice(1, -1)) if (Math.abs(c.step - half) < Math.abs(best.step - half)) best = c;
  return best;
}

/**
 * The plane and grid for a request, centred as the directions kind implies. Throws with a
 * sentence a person can act on when the trajectory is too short for the chosen plane.
 */
export function surveyPlaneBuild(request: SurveyRequest, checkpoints: readonly Checkpoint[], shapes: readonly LayerShape[], seed: number): SurveyPlane {
  const current = checkpoints[checkpoints.length - 1];
  if (!current) throw new Error('No weights yet: the surface appears once the model exists.');
  const R = request.resolution;
  switch (request.directions) {
    case 'random': {
      const center = landscapeUnflatten(current.weights, shapes);
      const plane = landscapeRandomPlane(center, seed, { biases: request.keepBias ? 'unit' : 'zero' });
      const flat = { center: current.weights, d1: landscapeFlatten(plane.d1), d2: landscapeFlatten(plane.d2!) };
      return { plane, flat, spec: landscapeGridSquare(request.range, R), info: { directions: 'random', explainedVariance: null, solutions: null, current: [0, 0] } };
    }
    case 'pca': {
      const moved = checkpoints;
      if (moved.length < 3) throw new Error('PCA directions need a trajectory: train a few steps first.');
      const plane = landscapePcaPlane(moved.map((c) => c.weights), shapes);
      const flat = { center: current.weights, d1: plane.flat.d1, d2: plane.flat.d2 };
      const projections = landscapeProject(flat, moved.map((c) => c.weights));
      const spec = zoomed(landscapeExtentCovering(projections, R), request.range);
      return { plane, flat, spec, info: { directions: 'pca', explainedVariance: [...plane.explainedVariance], solutions: null, current: [0, 0] } };
    }
    case 'solutions': {
      if (checkpoints.length < 3) throw new Error('The plane through three solutions needs the initial, a middle and the current weights: train a few steps first.');
      const a = checkpoints[0]!;
      const b = middleCheckpoint(checkpoints);
      const plane = landscapeSolutionPlane(landscapeUnflatten(a.weights, shapes), landscapeUnflatten(b.weights, shapes), landscapeUnflatten(current.weights, shapes));
      const { coordinates } = plane;
      const flat = { center: a.weights, d1: landscapeFlatten(plane.d1), d2: landscapeFlatten(plane.d2!) };
      // The grid holds the three solutions and the whole path between them.
      const corners = [coordinates.a, coordinates.b, coordinates.c].map(([alpha, beta]) => ({ alpha, beta }));
      corners.push(...landscapeProject(flat, checkpoints.map((c) => c.weights)));
      const spec = zoomed(landscapeExtentCovering(corners, R), request.range);
      const solutions = { a: [...coordinates.a] as [number, number], b: [...coordinates.b] as [number, number], c: [...coordinates.c] as [number, number], steps: [a.step, b.step, current.step] as [number, number, number] };
      return { plane, flat, spec, info: { directions: 'solutions', explainedVariance: null, solutions, current: solutions.c } };
    }
  }
}

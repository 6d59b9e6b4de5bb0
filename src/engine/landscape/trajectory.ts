// A training path drawn on a loss surface, with honest diagnostics. A checkpoint θ_t rarely lies
// in the plane: it is drawn at its least-squares coordinates (α, β), and two numbers say how
// much to trust the picture — its distance off the plane, and its true loss next to the surface's
// loss under the drawn point (bilinear interpolation of the grid).
import type { DenseWeights } from '../mlp';
import { landscapeFlatten, vectorDot, vectorSub, type LandscapePlane } from './params';
import type { LandscapeGridSpec } from './grid';
import { landscapeLossOf, type LandscapeObjective } from './evaluate';

export interface LandscapeProjection {
  alpha: number;
  beta: number;
  /** ‖θ_t − (center + α·d1 + β·d2)‖: the Euclidean distance from the plane. */
  distance: number;
}

/** A plane as flat vectors (see landscapeFlatten); d2 null projects onto the line. */
export interface LandscapeFlatPlane {
  center: Float32Array;
  d1: Float32Array;
  d2: Float32Array | null;
}

export function landscapeFlatPlane(plane: LandscapePlane): LandscapeFlatPlane {
  return { center: landscapeFlatten(plane.center), d1: landscapeFlatten(plane.d1), d2: plane.d2 ? landscapeFlatten(plane.d2) : null };
}

/**
 * Least-squares coordinates of each point: (α, β) minimising ‖θ − center − α·d1 − β·d2‖, from
 * the 2×2 normal equations [d1·d1 d1·d2; d1·d2 d2·d2] [α; β] = [d1·r; d2·r], r = θ − center,
 * in float64. The directions need not be orthogonal or of unit length, only independent.
 */
export function landscapeProject(plane: LandscapeFlatPlane, points: readonly Float32Array[]): LandscapeProjection[] {
  const { center, d1, d2 } = plane;
  const g11 = vectorDot(d1, d1);
  const g12 = d2 ? vectorDot(d1, d2) : 0;
  const g22 = d2 ? vectorDot(d2, d2) : 1;
  const det = g11 * g22 - g12 * g12;
  if (!(g11 > 0) || !(det > 1e-12 * g11 * g22)) throw new Error('the plane directions are zero or parallel');
  return points.map((theta) => {
    if (theta.length !== center.length) throw new Error('checkpoint and plane differ in length');
    const r = vectorSub(theta, center);
    const r1 = vectorDot(d1, r);
    const r2 = d2 ? vectorDot(d2, r) : 0;
    const alpha = (g22 * r1 - g12 * r2) / det;
    const beta = d2 ? (g11 * r2 - g12 * r1) / det : 0;
    let residual = 0;
    for (let p = 0; p < r.length; p++) residual += (r[p]! - alpha * d1[p]! - beta * (d2?.[p] ?? 0)) ** 2;
    return { alpha, beta, distance: Math.sqrt(residual) };
  });
}

/**
 * The surface's loss at (α, β) by bilinear interpolation of the grid (layout as in grid.ts);
 * NaN outside the grid's ranges.
 */
export function landscapeGridSample(spec: LandscapeGridSpec, losses: ArrayLike<number>, alpha: number, beta: number): number {
  const R = spec.resolution;
  const locate = (range: readonly [number, number], value: number): [number, number] | null => {
    const [lo, hi] = range;
    if (R === 1 || hi === lo) return value === lo ? [0, 0] : null;
    const position = ((value - lo) / (hi - lo)) * (R - 1);
    if (!(position >= -1e-9 && position <= R - 1 + 1e-9)) return null;
    const clamped = Math.min(R - 1, Math.max(0, position));
    const cell = Math.min(R - 2, Math.floor(clamped));
    return [cell, clamped - cell];
  };
  const col = locate(spec.alpha, alpha);
  const row = locate(spec.beta, beta);
  if (!col || !row) return Number.NaN;
  const [j, tx] = col;
  const [i, ty] = row;
  const at = (ii: number, jj: number): number => losses[Math.min(R - 1, ii) * R + Math.min(R - 1, jj)]!;
  const top = (1 - tx) * at(i, j) + tx * at(i, j + 1);
  const bottom = (1 - tx) * at(i + 1, j) + tx * at(i + 1, j + 1);
  return (1 - ty) * top + ty * bottom;
}

export interface LandscapeCheckpointDiagnostic extends LandscapeProjection {
  /** The true loss at the checkpoint itself. */
  loss: number;
  /** The surface's loss under the drawn point (NaN when it falls outside the grid). */
  surfaceLoss: number;
  /** loss − surfaceLoss. */
  gap: number;
}

/** Pairs each checkpoint's projection and true loss with the surface's loss under it. */
export function landscapeTrajectoryDiagnostics(
  projections: readonly LandscapeProjection[],
  checkpointLosses: ArrayLike<number>,
  spec: LandscapeGridSpec,
  grid: ArrayLike<number>,
): LandscapeCheckpointDiagnostic[] {
  return projections.map((projection, t) => {
    const loss = checkpointLosses[t]!;
    const surfaceLoss = landscapeGridSample(spec, grid, projection.alpha, projection.beta);
    return { ...projection, loss, surfaceLoss, gap: loss - surfaceLoss };
  });
}

/** The true loss at each checkpoint (one forward pass each; trajectories are short). */
export async function landscapeCheckpointLosses(objective: LandscapeObjective, checkpoints: readonly (readonly DenseWeights[])[]): Promise<Float32Array> {
  const out = new Float32Array(checkpoints.length);
  for (let t = 0; t < checkpoints.length; t++) out[t] = await landscapeLossOf(objective, checkpoints[t]!);
  return out;
}

/**
 * Grid ranges that hold every projected point with a margin (a fraction of the span, default
 * 0.2), never narrower than ±minRadius around the origin (default 0.1) — for PCA planes, whose
 * coordinates are distances rather than multiples of θ.
 */
export function landscapeExtentCovering(
  projections: readonly Pick<LandscapeProjection, 'alpha' | 'beta'>[],
  resolution: number,
  margin = 0.2,
  minRadius = 0.1,
): LandscapeGridSpec {
  const range = (values: number[]): [number, number] => {
    const lo = Math.min(0, ...values);
    const hi = Math.max(0, ...values);
    const pad = Math.max((hi - lo) * margin, 1e-12);
    return [Math.min(lo - pad, -minRadius), Math.max(hi + pad, minRadius)];
  };
  return { resolution, alpha: range(projections.map((p) => p.alpha)), beta: range(projections.map((p) => p.beta)) };
}

// PCA directions of a training trajectory (Li et al. 2018, "Visualizing the Loss Landscape of
// Neural Nets", §7): random directions are nearly orthogonal to the path an optimizer takes, so
// to see the path one plots the loss on the plane of the top two principal components of
// M = [θ_0 − θ_n; …; θ_{n−1} − θ_n].
//
// The parameter vectors are long (P entries) but there are few checkpoints (T), so we work with
// the T×T Gram matrix G = M Mᵀ instead of the P×P covariance: if G u = λ u then v = Mᵀ u / √λ is
// a unit eigenvector of Mᵀ M with the same eigenvalue. The top two eigenpairs of G come from
// power iteration with deflation (G ← G − λ u uᵀ), all in float64.
import type { DenseWeights } from '../mlp';
import { rng } from '../rng';
import { landscapeUnflatten, vectorAxpy, vectorDot, vectorNorm, type LandscapePlane, type LayerShape } from './params';

export interface LandscapePcaOptions {
  /**
   * Subtract the mean of the rows before the decomposition, as standard PCA does (Li et al. used
   * scikit-learn's PCA, which centres). Default true. Without it the components describe the raw
   * offsets θ_t − θ_final.
   */
  center?: boolean;
  /** Power-iteration limits. */
  maxIterations?: number;
  tolerance?: number;
}

export interface LandscapePcaPlane extends LandscapePlane {
  /** Fraction of the total variance along d1 and d2 (each in [0, 1], sum ≤ 1). */
  explainedVariance: readonly [number, number];
  /** Unit directions as flat vectors (the layers in d1 and d2 hold the same numbers). */
  flat: { d1: Float32Array; d2: Float32Array };
}

/** Top eigenpair of the symmetric positive semi-definite n×n matrix `g` (row-major). */
function powerIteration(g: Float64Array, n: number, start: Float64Array, maxIterations: number, tolerance: number): { value: number; vector: Float64Array } {
  let v = Float64Array.from(start);
  const startNorm = vectorNorm(v);
  for (let i = 0; i < n; i++) v[i]! /= startNorm;
  const next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += g[i * n + j]! * v[j]!;
      next[i] = sum;
    }
    const norm = vectorNorm(next);
    if (!(norm > 0)) return { value: 0, vector: v };
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i]! / norm - v[i]!));
    v = Float64Array.from(next, (x) => x / norm);
    if (change < tolerance) break;
  }
  // Rayleigh quotient vᵀ G v.
  let value = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) value += v[i]! * g[i * n + j]! * v[j]!;
  return { value: Math.max(0, value), vector: v };
}

/**
 * The plane through the last checkpoint (θ_final) along the top two principal directions of the
 * trajectory. `trajectory` holds flattened parameter vectors (see landscapeFlatten), oldest
 * first; `like` gives the layer shapes. The directions are unit vectors, so α and β are
 * Euclidean distances in parameter space. When the trajectory spans only one dimension, d2 is a
 * fixed unit vector orthogonal to d1 and its explained variance is 0. Throws when every
 * checkpoint is the same point.
 */
export function landscapePcaPlane(trajectory: readonly Float32Array[], like: readonly LayerShape[], options: LandscapePcaOptions = {}): LandscapePcaPlane {
  const count = trajectory.length;
  const final = trajectory[count - 1];
  if (count < 2 || !final) throw new Error('a trajectory needs at least two checkpoints');
  const size = final.length;
  if (trajectory.some((theta) => theta.length !== size)) throw new Error('trajectory checkpoints differ in length');
  const maxIterations = options.maxIterations ?? 2000;
  const tolerance = options.tolerance ?? 1e-12;

  // Rows r_t = θ_t − origin, where origin is the row mean (centred) or θ_final.
  const origin = new Float64Array(size);
  if (options.center ?? true) {
    for (const theta of trajectory) vectorAxpy(origin, 1 / count, theta);
  } else {
    origin.set(final);
  }
  const rows = trajectory.map((theta) => Float64Array.from(theta, (x, p) => x - origin[p]!));

  const gram = new Float64Array(count * count);
  for (let i = 0; i < count; i++) {
    for (let j = i; j < count; j++) {
      const value = vectorDot(rows[i]!, rows[j]!);
      gram[i * count + j] = value;
      gram[j * count + i] = value;
    }
  }
  let trace = 0;
  for (let i = 0; i < count; i++) trace += gram[i * count + i]!;
  if (!(trace > 0)) throw new Error('the trajectory does not move');

  // A seeded start: a constant start would be orthogonal to every component of centred rows.
  const random = rng(0x5eed);
  const start = (): Float64Array => Float64Array.from({ length: count }, () => random.normal());
  const first = powerIteration(gram, count, start(), maxIterations, tolerance);
  const deflated = Float64Array.from(gram, (x, k) => x - first.value * first.vector[Math.floor(k / count)]! * first.vector[k % count]!);
  const second = powerIteration(deflated, count, start(), maxIterations, tolerance);

  // v = Mᵀ u, normalised; the second is re-orthogonalised against the first for safety.
  const combine = (u: Float64Array): Float64Array => {
    const v = new Float64Array(size);
    rows.forEach((row, t) => vectorAxpy(v, u[t]!, row));
    return v;
  };
  const d1 = combine(first.vector);
  const d1Norm = vectorNorm(d1);
  for (let p = 0; p < size; p++) d1[p]! /= d1Norm;
  let d2 = combine(second.vector);
  vectorAxpy(d2, -vectorDot(d2, d1), d1);
  let secondValue = second.value;
  if (!(secondValue > 1e-12 * first.value) || !(vectorNorm(d2) > 1e-9 * Math.sqrt(first.value))) {
    // One-dimensional trajectory: take the coordinate axis least aligned with d1, made orthogonal.
    let axis = 0;
    for (let p = 1; p < size; p++) if (Math.abs(d1[p]!) < Math.abs(d1[axis]!)) axis = p;
    d2 = new Float64Array(size);
    d2[axis] = 1;
    vectorAxpy(d2, -d1[axis]!, d1);
    secondValue = 0;
  }
  const d2Norm = vectorNorm(d2);
  for (let p = 0; p < size; p++) d2[p]! /= d2Norm;

  const flat = { d1: Float32Array.from(d1), d2: Float32Array.from(d2) };
  const center: DenseWeights[] = landscapeUnflatten(final, like);
  return {
    center,
    d1: landscapeUnflatten(flat.d1, like),
    d2: landscapeUnflatten(flat.d2, like),
    explainedVariance: [first.value / trace, secondValue / trace],
    flat,
  };
}

// Directions that span a plane through parameter space, for drawing L(θ + α·d1 + β·d2).
//
// Random directions are filter-normalised as in Li, Xu, Taylor, Studer & Goldstein (2018),
// "Visualizing the Loss Landscape of Neural Nets", §4: a Gaussian direction is rescaled, one
// filter at a time, to the norm of the same filter of θ, so that a step of α = 1 changes every
// unit by about as much as its own weights — whatever the scale of each layer. In a dense layer a
// "filter" is one output unit's vector of incoming weights: column j of the row-major
// `inputs × outputs` matrix, the entries w[i·outputs + j] over i.
import type { DenseWeights } from '../mlp';
import { rng, rngSeedFor, type Rng } from '../rng';
import {
  landscapeCheckShapes,
  landscapeFlatten,
  landscapeUnflatten,
  vectorAxpy,
  vectorDot,
  vectorNorm,
  vectorScale,
  vectorSub,
  type LandscapePlane,
} from './params';

/**
 * What a random direction does to biases.
 * - `zero` (the default, as in Li et al., who leave biases unperturbed): bias directions are 0.
 * - `unit`: each output unit's bias joins its filter. The direction's vector [d_{·j}; d_bj] is
 *   drawn from N(0, I) and rescaled to the norm of θ's [w_{·j}; b_j], so the unit's parameters
 *   move as a whole. (The incoming-weight part alone then no longer matches ‖w_{·j}‖.)
 */
export type LandscapeBiasMode = 'zero' | 'unit';

export interface LandscapeRandomOptions {
  biases?: LandscapeBiasMode;
}

/** One filter-normalised Gaussian direction shaped like `center`, drawn from `random`. */
export function landscapeFilterNormalisedDirection(center: readonly DenseWeights[], random: Rng, biases: LandscapeBiasMode = 'zero'): DenseWeights[] {
  return center.map((layer) => {
    const { inputs, outputs } = layer;
    const w = new Float32Array(inputs * outputs);
    const b = new Float32Array(outputs);
    // Draw in storage order so the direction depends only on the seed and the shapes.
    const drawnW = new Float64Array(inputs * outputs);
    for (let k = 0; k < drawnW.length; k++) drawnW[k] = random.normal();
    const drawnB = new Float64Array(outputs);
    if (biases === 'unit') for (let j = 0; j < outputs; j++) drawnB[j] = random.normal();
    for (let j = 0; j < outputs; j++) {
      let thetaSq = 0;
      let dirSq = 0;
      for (let i = 0; i < inputs; i++) {
        thetaSq += layer.w[i * outputs + j]! ** 2;
        dirSq += drawnW[i * outputs + j]! ** 2;
      }
      if (biases === 'unit') {
        thetaSq += layer.b[j]! ** 2;
        dirSq += drawnB[j]! ** 2;
      }
      // A filter of θ that is all zeros gets a zero direction (nothing to scale to).
      const scale = dirSq > 0 ? Math.sqrt(thetaSq / dirSq) : 0;
      for (let i = 0; i < inputs; i++) w[i * outputs + j] = drawnW[i * outputs + j]! * scale;
      if (biases === 'unit') b[j] = drawnB[j]! * scale;
    }
    return { inputs, outputs, w, b };
  });
}

/**
 * The plane through `center` along two independent filter-normalised random directions. The
 * directions come from the streams `landscape-d1` and `landscape-d2` of `seed`, so the same seed
 * gives the same plane on every machine. (In many dimensions two Gaussian directions are nearly
 * orthogonal; they are not orthogonalised, following Li et al.)
 */
export function landscapeRandomPlane(center: readonly DenseWeights[], seed: number, options: LandscapeRandomOptions = {}): LandscapePlane {
  const biases = options.biases ?? 'zero';
  return {
    center,
    d1: landscapeFilterNormalisedDirection(center, rng(rngSeedFor(seed, 'landscape-d1')), biases),
    d2: landscapeFilterNormalisedDirection(center, rng(rngSeedFor(seed, 'landscape-d2')), biases),
  };
}

/** Where the three solutions lie in the plane's (α, β) coordinates. */
export interface LandscapeSolutionCoordinates {
  a: readonly [number, number];
  b: readonly [number, number];
  c: readonly [number, number];
}

/**
 * The plane through three solutions θ_A, θ_B, θ_C, centred on θ_A (as in Garipov et al. 2018,
 * "Loss Surfaces, Mode Connectivity, and Fast Ensembling of DNNs", Fig. 1):
 * d1 = θ_B − θ_A; d2 = the part of θ_C − θ_A orthogonal to d1, rescaled to ‖d1‖ so that both
 * axes have the same length per unit and the picture is not stretched. Then A = (0, 0),
 * B = (1, 0) and C = (⟨θ_C − θ_A, d1⟩ / ‖d1‖², ‖(θ_C − θ_A)⊥‖ / ‖d1‖). Throws when the three are
 * (numerically) collinear or A = B.
 */
export function landscapeSolutionPlane(
  a: readonly DenseWeights[],
  b: readonly DenseWeights[],
  c: readonly DenseWeights[],
): LandscapePlane & { coordinates: LandscapeSolutionCoordinates } {
  landscapeCheckShapes(b, a, 'solution B');
  landscapeCheckShapes(c, a, 'solution C');
  const thetaA = landscapeFlatten(a);
  const d1 = vectorSub(landscapeFlatten(b), thetaA);
  const toC = vectorSub(landscapeFlatten(c), thetaA);
  const d1Sq = vectorDot(d1, d1);
  if (!(d1Sq > 0)) throw new Error('solutions A and B are the same point');
  const along = vectorDot(toC, d1) / d1Sq;
  const perp = Float64Array.from(toC);
  vectorAxpy(perp, -along, d1);
  const perpNorm = vectorNorm(perp);
  const d1Norm = Math.sqrt(d1Sq);
  if (!(perpNorm > 1e-6 * Math.max(d1Norm, vectorNorm(toC)))) throw new Error('the three solutions are collinear');
  const d2 = vectorScale(perp, d1Norm / perpNorm);
  return {
    center: a,
    d1: landscapeUnflatten(d1, a),
    d2: landscapeUnflatten(d2, a),
    coordinates: { a: [0, 0], b: [1, 0], c: [along, perpNorm / d1Norm] },
  };
}

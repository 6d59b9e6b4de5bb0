import { clampInteger, clampNumber } from './clamp';
import { rng, rngSeedFor, type Rng } from './rng';

/**
 * Seeded regression datasets. Inputs lie in [-1, 1] (per feature) like the classification
 * generators, and the noise-free targets in about [-1, 1], so learning rates and the loss's
 * parameters (Huber's δ, the histogram support) carry over between them.
 */
export const REGRESSION_KINDS = ['plane', 'multi-gauss', 'sine', 'hetero-sine', 'two-branch', 'outliers'] as const;
export type RegressionKind = (typeof REGRESSION_KINDS)[number];

export interface RegressionDataRequest {
  kind: RegressionKind;
  /** Number of points; clamped to REGRESSION_DATA_RANGES.points and rounded. */
  points: number;
  /** Noise level; clamped to REGRESSION_DATA_RANGES.noise. Each kind says what it scales. */
  noise: number;
  seed: number;
}

export interface RegressionDataset {
  /** Row-major inputs, `points × features`. */
  x: Float32Array;
  /** One real target per point. */
  y: Float32Array;
  /** 2 for the plane datasets, 1 for the curves. */
  features: 1 | 2;
}

export interface RegressionDataInfo {
  label: string;
  features: 1 | 2;
  /** What the target is and what the noise does, for the data panel's hint. */
  description: string;
}

/** The ranges the config should clamp to; the generator clamps to them too. */
export const REGRESSION_DATA_RANGES = {
  points: { min: 20, max: 2000, default: 400 },
  noise: { min: 0, max: 1, default: 0.1 },
} as const;

/** Standard deviation of the target noise at noise = 1, for every kind but the heteroscedastic one at x = 1. */
const NOISE_SD = 0.5;

/** Six bumps of alternating sign, two rows of three, in the Playground's multi-Gaussian layout. */
const BUMPS: readonly (readonly [cx: number, cy: number, sign: number])[] = [
  [-2 / 3, 0.4, 1],
  [0, 0.4, -1],
  [2 / 3, 0.4, 1],
  [-2 / 3, -0.4, -1],
  [0, -0.4, 1],
  [2 / 3, -0.4, -1],
];
/** Bump width: neighbours 2/3 apart overlap by e^{−5.6} ≈ 0.4 %, so each peak is close to ±1. */
const BUMP_SD = 0.2;
/** The two-branch targets sit this far above and below a shared curve. */
const BRANCH_OFFSET = 0.5;
/** Share of the outliers kind's points that get an outlier offset, and the offset's size range. */
export const OUTLIER_SHARE = 0.1;
const OUTLIER_OFFSET = { min: 1.5, max: 3 } as const;

export const REGRESSION_DATA_INFO: Record<RegressionKind, RegressionDataInfo> = {
  plane: { label: 'Plane', features: 2, description: 'y = (x₁ + x₂) / 2, a linear target; noise adds Gaussian noise of SD 0.5 × noise.' },
  'multi-gauss': {
    label: 'Multi-Gaussian',
    features: 2,
    description: 'a sum of six Gaussian bumps of alternating sign in two rows; noise adds Gaussian noise of SD 0.5 × noise.',
  },
  sine: { label: 'Sine curve (1-D)', features: 1, description: 'y = sin(πx); noise adds Gaussian noise of SD 0.5 × noise.' },
  'hetero-sine': {
    label: 'Sine, growing noise (1-D)',
    features: 1,
    description: 'y = sin(πx) with noise whose SD grows linearly from 0 at x = −1 to noise at x = 1 (heteroscedastic).',
  },
  'two-branch': {
    label: 'Two branches (1-D)',
    features: 1,
    description: 'each point lies on one of two curves, 0.3 sin(πx) ± 0.5, chosen at random with equal odds; the mean lies between them, where there is no data. Noise adds Gaussian noise of SD 0.5 × noise.',
  },
  outliers: {
    label: 'Sine with outliers (1-D)',
    features: 1,
    description: 'y = sin(πx) with Gaussian noise of SD 0.5 × noise, and one point in ten moved up or down by 1.5 to 3 (heavy tails); the outliers are symmetric, so the mean is still sin(πx).',
  },
};

/**
 * The noise-free target at one input (`x2` is ignored by the 1-D kinds): the conditional mean
 * E[y | x], which is what MSE learns. For two-branch it lies between the branches.
 */
export function regressionTargetMean(kind: RegressionKind, x1: number, x2 = 0): number {
  switch (kind) {
    case 'plane':
      return (x1 + x2) / 2;
    case 'multi-gauss':
      return BUMPS.reduce((sum, [cx, cy, sign]) => sum + sign * Math.exp(-((x1 - cx) ** 2 + (x2 - cy) ** 2) / (2 * BUMP_SD ** 2)), 0);
    case 'sine':
    case 'hetero-sine':
    case 'outliers':
      return Math.sin(Math.PI * x1);
    case 'two-branch':
      return 0.3 * Math.sin(Math.PI * x1);
  }
}

/** The two curves the two-branch targets lie on (before noise), lower first. */
export function regressionBranches(x1: number): [number, number] {
  const centre = regressionTargetMean('two-branch', x1);
  return [centre - BRANCH_OFFSET, centre + BRANCH_OFFSET];
}

/** The standard deviation of the target noise at one input. */
export function regressionNoiseSd(kind: RegressionKind, noise: number, x1: number): number {
  const level = clampNumber(noise, REGRESSION_DATA_RANGES.noise.min, REGRESSION_DATA_RANGES.noise.max, REGRESSION_DATA_RANGES.noise.default);
  return kind === 'hetero-sine' ? level * ((x1 + 1) / 2) : NOISE_SD * level;
}

const uniform = (random: Rng): number => 2 * random.next() - 1;

/** Generates a dataset. The same request gives the same numbers, bit for bit. */
export function regressionDataGenerate(request: RegressionDataRequest): RegressionDataset {
  const { points: pointRange, noise: noiseRange } = REGRESSION_DATA_RANGES;
  const points = clampInteger(request.points, pointRange.min, pointRange.max, pointRange.default);
  const noise = clampNumber(request.noise, noiseRange.min, noiseRange.max, noiseRange.default);
  const { kind } = request;
  const features = REGRESSION_DATA_INFO[kind].features;
  const random = rng(rngSeedFor(request.seed, `regression:${kind}`));
  const x = new Float32Array(points * features);
  const y = new Float32Array(points);
  for (let i = 0; i < points; i++) {
    const x1 = uniform(random);
    const x2 = features === 2 ? uniform(random) : 0;
    x[i * features] = x1;
    if (features === 2) x[i * features + 1] = x2;
    const centre = kind === 'two-branch' ? regressionBranches(x1)[random.next() < 0.5 ? 1 : 0] : regressionTargetMean(kind, x1, x2);
    y[i] = centre + regressionNoiseSd(kind, noise, x1) * random.normal();
    // Drawn for every point of this kind, so an outlier's place does not depend on the noise level.
    if (kind === 'outliers') {
      const [u, size, sign] = [random.next(), random.next(), random.next()];
      if (u < OUTLIER_SHARE) y[i]! += (sign < 0.5 ? -1 : 1) * (OUTLIER_OFFSET.min + size * (OUTLIER_OFFSET.max - OUTLIER_OFFSET.min));
    }
  }
  return { x, y, features };
}

// The config's limits, choices and defaults: the ranges every number is clamped to, the lists every
// choice is checked against, and the config a new page starts from.
import type { CalibrationBinning } from './metrics/calibration';
import type { ExperimentConfig } from './config';
import { DATA_LIMITS } from './configData';
import { MOE_LIMITS, MOE_TRAINING_DEFAULT } from './moe/moeTypes';
import { PLAYGROUND_LIMITS } from './configPlayground';
import { DEFAULT_INPUT_FEATURES } from './inputFeatures';

/** Runs in a comparison, the base run included. */
export const MAX_RUNS = 6;

export const VIEW_IDS = ['lossShape', 'calibration', 'sharpness', 'telemetry', 'network'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const LANDSCAPE_DIRECTIONS = ['random', 'pca', 'solutions'] as const;
export type LandscapeDirections = (typeof LANDSCAPE_DIRECTIONS)[number];
export const LANDSCAPE_VIEWS = ['surface', 'contour', 'slice'] as const;
export type LandscapeView = (typeof LANDSCAPE_VIEWS)[number];

export const LIMITS = {
  points: { min: 20, max: 2000 },
  noise: { min: 0, max: 1 },
  classes: { min: 2, max: 6 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  layers: { min: 0, max: 6 },
  width: { min: 1, max: 64 },
  learningRate: { min: 1e-5, max: 100 },
  batchSize: { min: 0, max: 2000 },
  mixup: { min: 0, max: 4 },
  minorityFraction: { min: 0.05, max: 0.5 },
  labelNoise: { min: 0, max: 0.5 },
  weightDecay: { min: 0, max: 0.1 },
  clipNorm: { min: 0, max: 100 },
  totalSteps: { min: 10, max: 100_000 },
  calibrationEvery: { min: 0, max: 10_000 },
  bins: { min: 2, max: 50 },
  sharpnessEvery: { min: 0, max: 10_000 },
  telemetryEvery: { min: 0, max: 10_000 },
  landscapeRange: { min: 0.05, max: 5 },
  landscapeResolution: { min: 11, max: 101 },
  landscapeRecomputeEvery: { min: 0, max: 100_000 },
  // Up to six responses: one colour each in the class palette.
  preferenceResponses: { min: 3, max: 6 },
  preferenceLabelNoise: { min: 0, max: 0.5 },
  preferenceForgetFraction: { min: 0.05, max: 0.5 },
  preferenceWarmupSteps: { min: 0, max: 2000 },
  ...DATA_LIMITS,
  ...MOE_LIMITS,
  ...PLAYGROUND_LIMITS,
} as const;

export const LABEL_NOISE_KINDS = ['symmetric', 'pair'] as const;
export type LabelNoiseKind = (typeof LABEL_NOISE_KINDS)[number];
export const BINNINGS: readonly CalibrationBinning[] = ['equal-width', 'equal-mass'];

export const DEFAULT_CONFIG: ExperimentConfig = {
  task: 'classification',
  data: {
    kind: 'circle',
    points: 400,
    noise: 0.1,
    classes: 2,
    seed: 1,
    minorityFraction: 0.5,
    labelNoise: 0,
    labelNoiseKind: 'symmetric',
    view: { mode: 'features', x: 0, y: 1 },
    added: [],
    csv: { name: '', label: '', hash: '' },
    trainFraction: 0.6,
    domains: 4,
  },
  model: { kind: 'mlp', experts: 4, topK: 1, layers: 2, width: 8, activation: 'tanh', features: [...DEFAULT_INPUT_FEATURES] },
  loss: { id: 'ce', params: {}, addons: {} },
  optimizer: {
    id: 'adam',
    learningRate: 0.03,
    batchSize: 0,
    params: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    schedule: { id: 'constant', params: {} },
    weightDecay: 0,
    clipNorm: 0,
  },
  training: { mixup: 0, totalSteps: 2000, moe: MOE_TRAINING_DEFAULT, regularization: 'none', regularizationRate: 0.001 },
  metrics: { calibrationEvery: 50, bins: 15, binning: 'equal-width', sharpnessEvery: 100, telemetryEvery: 10 },
  compare: { runs: [] },
  views: { lossShape: false, calibration: false, sharpness: false, telemetry: false, network: false },
  boundary: { showTest: true, discretize: false },
  playback: { stepsPerFrame: 0 },
  landscape: { open: true, directions: 'random', keepBias: false, range: 1, resolution: 51, recomputeEvery: 200, logHeight: false, ownScale: false, view: 'surface' },
  preference: { responses: 5, labelNoise: 0.1, forgetFraction: 0.2, warmupSteps: 300 },
  seed: 1,
};


import { DATASET_INFO, datasetClasses, datasetIsGenerated } from './datasets';
import type { DataView } from './projection';
import { DATA_LIMITS, dataAddedClamp, dataCsvClamp, dataViewClamp } from './configData';
import { ACTIVATIONS, type Activation } from './mlp';
import type { CalibrationBinning } from './metrics/calibration';
import { asRecord, clampTools, compareRunsClamp, landscapeClamp, runVariantClamp, viewsClamp } from './configParts';
import { MODEL_KINDS, MOE_LIMITS, MOE_TRAINING_DEFAULT, type ModelKind, type MoeTrainingConfig } from './moe/moeTypes';
import { boundaryClamp, inputFeaturesClamp, playbackClamp, PLAYGROUND_LIMITS } from './configPlayground';
import { DEFAULT_INPUT_FEATURES } from './inputFeatures';
import type { RegularizationKind } from './regularization';
import { preferenceClamp } from './configPreference';
import { ALL_DATA_KINDS, TASK_DATA_KINDS, TASK_DEFAULTS, TASKS, type DataKind, type Task } from './task';

/**
 * Everything that defines an experiment, as plain data. The same config gives the same data,
 * the same initial weights and (on the same backend) the same loss curve.
 */
export interface ExperimentConfig {
  /**
   * What is learned: class labels, a real number (task 'regression'; see task.ts), or (task 'preference') a softmax policy over a few responses per
   * 2-D prompt, trained on preference pairs or to unlearn a forget set (see engine/preference).
   */
  task: Task;
  data: {
    /** One of the task's data kinds (TASK_DATA_KINDS). */
    kind: DataKind;
    points: number;
    noise: number;
    classes: number;
    seed: number;
    /** Share of the smallest class(es), 0.05–0.5; 0.5 with two classes is balanced (see datasetClassCounts). */
    minorityFraction: number;
    /** Fraction of training labels flipped, 0–0.5. */
    labelNoise: number;
    labelNoiseKind: LabelNoiseKind;
    /**
     * The plane the decision boundary shows when there are more than two features: two chosen
     * features (the others at their mean) or the top two principal components. Changing it does
     * not restart training (see configTrainingPart).
     */
    view: DataView;
    /**
     * Points added by clicking on the plane (generated 2-D data only), as a flat list of triples
     * x₀, y₀, class₀, x₁, y₁, class₁, … — flat so that it is one readable URL value. They join
     * the training split, untouched by label noise. At most LIMITS.addedPoints.
     */
    added: number[];
    /**
     * For kind 'csv': the uploaded file the experiment trains on, by name, label column and a
     * hash of its contents. The rows themselves never enter the config or the URL; the app
     * keeps the table and hands it to the trainer.
     */
    csv: { name: string; label: string; hash: string };
    /**
     * Share of the points that train, 0.1–0.9 (TensorFlow Playground's train/test ratio); the rest
     * is split evenly between validation and test.
     */
    trainFraction: number;
    /**
     * Domains for a mixture of experts: the plane cut into this many angular sectors around the
     * origin (moeDomains.ts); each micro-batch is drawn from one. Unused by a plain MLP.
     */
    domains: number;
  };
  model: {
    /** A plain MLP, or a mixture of experts: a linear router over `experts` MLPs of `layers` × `width`. */
    kind: ModelKind;
    /** Experts of a mixture, 2–8. */
    experts: number;
    /** Experts each point is routed to, 1 or 2. */
    topK: number;
    /** Hidden layers, 0–6 (as in TensorFlow Playground); 0 is a linear model. */
    layers: number;
    /** Units per hidden layer, 1–64. */
    width: number;
    activation: Activation;
    /**
     * The input features the network sees (inputFeatures.ts ids, catalogue order), computed from
     * the raw inputs of 1- or 2-input data; data with more inputs trains on its raw inputs.
     */
    features: string[];
  };
  loss: {
    id: string;
    params: Record<string, number>;
    /** Enabled add-ons (by id) with their parameters. */
    addons: Record<string, Record<string, number>>;
  };
  optimizer: {
    id: string;
    learningRate: number;
    /** Examples per step; 0 means the full training set. */
    batchSize: number;
    params: Record<string, number>;
    schedule: { id: string; params: Record<string, number> };
    /** L2 weight decay applied as θ ← (1 − ηλ)θ, for optimizers without their own; 0 is off. */
    weightDecay: number;
    /** Clip the gradient to this global norm; 0 is off. */
    clipNorm: number;
  };
  training: {
    /** Mixup's Beta(α, α) concentration; 0 turns mixup off. */
    mixup: number;
    /** The planned length of training, T, that schedules decay over. */
    totalSteps: number;
    /** How a mixture of experts is trained (load balancing, micro-batches); unused by a plain MLP. */
    moe: MoeTrainingConfig;
    /** An L1 or L2 penalty on the kernels added to the objective (regularization.ts). */
    regularization: RegularizationKind;
    regularizationRate: number;
  };
  metrics: {
    /** Calibration on the test split every this many steps; 0 is off. */
    calibrationEvery: number;
    bins: number;
    binning: CalibrationBinning;
    /** λ_max by power iteration every this many steps; 0 is off. */
    sharpnessEvery: number;
    /** Gradient norms and update ratios every this many steps; 0 is off. */
    telemetryEvery: number;
  };
  /** The loss-landscape view: how its surfaces are computed and shown. */
  landscape: LandscapeConfig;
  /**
   * Further runs trained beside the base one, from the same data, split and initial weights,
   * each with its own loss, optimizer and training options (up to MAX_RUNS in all).
   */
  compare: { runs: RunVariant[] };
  /** Which optional views are open; closed ones cost nothing on the main thread. */
  views: Record<ViewId, boolean>;
  /** How the decision boundary is drawn: with the held-out points, as a hard class map. */
  boundary: { showTest: boolean; discretize: boolean };
  /** Play speed: steps per animation frame (0: as fast as the machine trains). Never restarts training. */
  playback: { stepsPerFrame: number };
  /** The preference problem (task 'preference'); its prompts are `data.points` points drawn with `data.seed`. */
  preference: PreferenceConfig;
  /** Seeds the initial weights, the minibatch order and any per-step draws. */
  seed: number;
}

export interface PreferenceConfig {
  /** Responses per prompt, K. */
  responses: number;
  /** Chance that a preference pair's labels are swapped. */
  labelNoise: number;
  /** Share of the prompts in the forget set (unlearning). */
  forgetFraction: number;
  /** Adam steps fine-tuning the policy on every prompt's best response before unlearning starts. */
  warmupSteps: number;
}

/** What may differ between the runs of a comparison. */
export type RunVariant = Pick<ExperimentConfig, 'loss' | 'optimizer' | 'training'>;
/** Runs in a comparison, the base run included. */
export const MAX_RUNS = 6;

export const VIEW_IDS = ['lossShape', 'calibration', 'sharpness', 'telemetry', 'network'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const LANDSCAPE_DIRECTIONS = ['random', 'pca', 'solutions'] as const;
export type LandscapeDirections = (typeof LANDSCAPE_DIRECTIONS)[number];
export const LANDSCAPE_VIEWS = ['surface', 'contour', 'slice'] as const;
export type LandscapeView = (typeof LANDSCAPE_VIEWS)[number];

export interface LandscapeConfig {
  /** Surfaces are computed only while the view is open. */
  open: boolean;
  /** Filter-normalised random directions, the trajectory's top-2 PCA directions, or the plane through three solutions. */
  directions: LandscapeDirections;
  /** Random directions perturb each unit's bias with its weights (off: biases stay put, as in Li et al.). */
  keepBias: boolean;
  /** Half-width of the grid: α, β ∈ [−range, range] (a zoom factor for the PCA and solution planes). */
  range: number;
  /** Points per axis of the full grid (an 11×11 preview comes first). */
  resolution: number;
  /** While training, a new surface around the current weights every this many steps; 0 waits until training stops. */
  recomputeEvery: number;
  logHeight: boolean;
  view: LandscapeView;
}

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
  landscape: { open: true, directions: 'random', keepBias: false, range: 1, resolution: 51, recomputeEvery: 200, logHeight: false, view: 'surface' },
  preference: { responses: 5, labelNoise: 0.1, forgetFraction: 0.2, warmupSteps: 300 },
  seed: 1,
};

export interface ClampResult {
  config: ExperimentConfig;
  /** One plain sentence per value that was changed to fit. */
  changes: string[];
}

/**
 * Makes any input a valid config: unknown values fall back to defaults, numbers are clamped to
 * their ranges. The limits live here, not in the widgets, so no URL or message can ask for more.
 */
export function configClamp(input: unknown): ClampResult {
  const changes: string[] = [];
  const tools = clampTools(changes, LIMITS);
  const { number, choice } = tools;
  const source = asRecord(input);
  const data = asRecord(source.data);
  const model = asRecord(source.model);
  const metrics = asRecord(source.metrics);
  const d = DEFAULT_CONFIG;

  const task = choice('task', source.task, TASKS, d.task);
  const kind = dataKindClamp(task, data.kind, changes);
  const requestedClasses = number('data.classes', data.classes, LIMITS.classes, d.data.classes, true);
  // Classes belong to classification's generators; a regression config keeps the number as given.
  const classes = datasetIsGenerated(kind) || kind === 'iris' || kind === 'penguins' || (kind === 'csv' && task === 'classification') ? datasetClasses(kind, requestedClasses) : requestedClasses;
  if (classes !== requestedClasses && data.classes !== undefined && kind in DATASET_INFO) {
    const info = DATASET_INFO[kind as keyof typeof DATASET_INFO];
    changes.push(`${info.label} allows ${info.minClasses}–${info.maxClasses} classes → ${classes}`);
  }
  const base = runVariantClamp(source, '', taskRunDefaults(task), tools, task);
  const config: ExperimentConfig = {
    task,
    data: {
      kind,
      points: number('data.points', data.points, LIMITS.points, d.data.points, true),
      noise: number('data.noise', data.noise, LIMITS.noise, d.data.noise),
      classes,
      seed: number('data.seed', data.seed, LIMITS.seed, d.data.seed, true),
      minorityFraction: number('data.minorityFraction', data.minorityFraction, LIMITS.minorityFraction, d.data.minorityFraction),
      labelNoise: number('data.labelNoise', data.labelNoise, LIMITS.labelNoise, d.data.labelNoise),
      labelNoiseKind: choice('data.labelNoiseKind', data.labelNoiseKind, LABEL_NOISE_KINDS, d.data.labelNoiseKind),
      view: dataViewClamp(asRecord(data.view), d.data.view, kind, tools),
      added: dataAddedClamp(data.added, kind, classes, tools),
      csv: dataCsvClamp(asRecord(data.csv), d.data.csv, tools),
      domains: number('data.domains', data.domains, LIMITS.domains, d.data.domains, true),
      trainFraction: number('data.trainFraction', data.trainFraction, LIMITS.trainFraction, d.data.trainFraction),
    },
    model: {
      kind: choice('model.kind', model.kind, MODEL_KINDS, d.model.kind),
      experts: number('model.experts', model.experts, LIMITS.experts, d.model.experts, true),
      topK: number('model.topK', model.topK, LIMITS.topK, d.model.topK, true),
      layers: number('model.layers', model.layers, LIMITS.layers, d.model.layers, true),
      width: number('model.width', model.width, LIMITS.width, d.model.width, true),
      activation: choice('model.activation', model.activation, ACTIVATIONS, d.model.activation),
      features: inputFeaturesClamp(model.features, d.model.features, tools),
    },
    ...base,
    compare: { runs: compareRunsClamp(asRecord(source.compare).runs, base, MAX_RUNS, tools, task) },
    metrics: {
      calibrationEvery: number('metrics.calibrationEvery', metrics.calibrationEvery, LIMITS.calibrationEvery, d.metrics.calibrationEvery, true),
      bins: number('metrics.bins', metrics.bins, LIMITS.bins, d.metrics.bins, true),
      binning: choice('metrics.binning', metrics.binning, BINNINGS, d.metrics.binning),
      sharpnessEvery: number('metrics.sharpnessEvery', metrics.sharpnessEvery, LIMITS.sharpnessEvery, d.metrics.sharpnessEvery, true),
      telemetryEvery: number('metrics.telemetryEvery', metrics.telemetryEvery, LIMITS.telemetryEvery, d.metrics.telemetryEvery, true),
    },
    landscape: landscapeClamp(asRecord(source.landscape), d.landscape, tools, { directions: LANDSCAPE_DIRECTIONS, views: LANDSCAPE_VIEWS }),
    views: viewsClamp(asRecord(source.views), d.views, tools),
    boundary: boundaryClamp(asRecord(source.boundary), d.boundary, tools),
    playback: playbackClamp(asRecord(source.playback), d.playback, tools),
    preference: preferenceClamp(asRecord(source.preference), d.preference, tools),
    seed: number('seed', source.seed, LIMITS.seed, d.seed, true),
  };
  moeCompatible(config, changes);
  return { config, changes };
}

/**
 * A mixture of experts is a classifier here: other tasks train an MLP. Mixup blends points across
 * domains, which would undo a mixture's one-domain micro-batches: a mixture trains without it.
 */
function moeCompatible(config: ExperimentConfig, changes: string[]): void {
  if (config.model.kind !== 'moe') return;
  if (config.task !== 'classification') {
    changes.push(`model.kind "moe" → mlp (a mixture of experts trains on classification only, not ${config.task})`);
    config.model = { ...config.model, kind: 'mlp' };
    return;
  }
  for (const [i, run] of [config, ...config.compare.runs].entries()) {
    if (run.training.mixup === 0) continue;
    changes.push(`${i === 0 ? '' : `compare.runs.${i - 1}.`}training.mixup ${run.training.mixup} → 0 (a mixture of experts trains without mixup)`);
    run.training = { ...run.training, mixup: 0 };
  }
}

/** The data kind for a task: one of its own, else the task's default, saying why. */
function dataKindClamp(task: Task, given: unknown, changes: string[]): DataKind {
  const kinds = TASK_DATA_KINDS[task];
  const fallback = TASK_DEFAULTS[task].dataKind;
  if (given === undefined) return fallback;
  if (typeof given === 'string' && (kinds as readonly string[]).includes(given)) return given as DataKind;
  const known = typeof given === 'string' && (ALL_DATA_KINDS as readonly string[]).includes(given);
  changes.push(known ? `data.kind "${given}" is not data for task ${task} → ${fallback}` : `data.kind "${String(given)}" is unknown → ${fallback}`);
  return fallback;
}

/** The run defaults of a task: its default loss, the rest as DEFAULT_CONFIG. */
function taskRunDefaults(task: Task): RunVariant {
  const d = DEFAULT_CONFIG;
  if (task === d.task) return d;
  return { ...d, loss: { id: TASK_DEFAULTS[task].lossId, params: {}, addons: {} } };
}

export type ConfigTrainingPart = Pick<ExperimentConfig, 'task' | 'model' | 'loss' | 'optimizer' | 'training' | 'compare' | 'preference' | 'seed'> & {
  data: Omit<ExperimentConfig['data'], 'view'>;
};

/**
 * The part of a config that defines the training runs themselves. Changing anything else (metric
 * cadences, which views are open, how landscapes are drawn, the plane the boundary is drawn on)
 * must not restart training.
 */
export function configTrainingPart(config: ExperimentConfig): ConfigTrainingPart {
  const { task, data, model, loss, optimizer, training, compare, preference, seed } = config;
  const { view: _view, ...trainingData } = data;
  return { task, data: trainingData, model, loss, optimizer, training, compare, preference, seed };
}

/**
 * The training part as a string that two configs share exactly when they train alike. Keys are
 * sorted: a config built by hand or from the defaults and the same config clamped list their
 * fields in different orders, and that must not read as a change (it would restart training).
 */
export function configTrainingKey(config: ExperimentConfig): string {
  return JSON.stringify(configTrainingPart(config), (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * One config per run: the base config first, then one per compare run, each with the shared
 * data, model, seeds and probes and its own loss, optimizer and training options.
 */
export function configRuns(config: ExperimentConfig): ExperimentConfig[] {
  const single = { ...config, compare: { runs: [] } };
  return [single, ...config.compare.runs.map((variant) => ({ ...single, ...variant }))];
}

/** The loss, optimizer and training options of run `index` (0: the base run), for reading or editing in place. */
export function configVariant(config: ExperimentConfig, index: number): RunVariant {
  return index === 0 ? config : (config.compare.runs[index - 1] ?? config);
}

// The experiment config's shape: the types every part of the app passes around. Its defaults and
// limits (configDefaults.ts), the clamp that makes any input valid (configClamp.ts) and the helpers
// that split a config into runs (configRuns.ts) live beside it and are re-exported here.
import type { DataView } from './projection';
import type { Activation } from './mlp';
import type { CalibrationBinning } from './metrics/calibration';
import type { ModelKind, MoeTrainingConfig } from './moe/moeTypes';
import type { RegularizationKind } from './regularization';
import type { DataKind, Task } from './task';
import type { LabelNoiseKind, LandscapeDirections, LandscapeView, ViewId } from './configDefaults';

export * from './configDefaults';
export * from './configClamp';
export * from './configRuns';

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
  /** In a comparison, each run's surface on its own height and colour scale (off: one scale for all). */
  ownScale: boolean;
  view: LandscapeView;
}

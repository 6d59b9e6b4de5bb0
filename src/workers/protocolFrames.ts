// What the trainer worker reports, as plain data: a training frame and its parts (evaluation,
// calibration, sharpness, telemetry, boundary, network snapshot) and the data points.
import type { Extent } from '../engine/trainingData';
import type { DataView } from '../engine/projection';
import type { CalibrationReport } from '../engine/metrics/calibration';
import type { ClassMetrics } from '../engine/metrics/classMetrics';
import type { RegressionErrors } from '../engine/metrics/regressionMetrics';
import type { MoeRoutingStats } from '../engine/moe/moeStats';

/** What one frame tells the main thread about training since the previous frame. */
export interface TrainingFrame {
  /** Optimizer steps taken so far. */
  step: number;
  /** Training (minibatch) loss of each step since the last frame; the first is step `firstStep`. */
  losses: Float32Array;
  firstStep: number;
  /** Held-out numbers, when they were recomputed for this frame (see TrainerSession's budget). */
  evaluation: FrameEvaluation | null;
  /**
   * The validation curves' points since the last frame, taken every few steps (validationCadence.ts)
   * and at each evaluation, in step order; absent where the curves come from `evaluation` alone.
   */
  validation?: ValidationPoint[];
  stepsPerSecond: number;
  /** tfjs tensors alive in the worker, to catch leaks. */
  tensors: number;
  /** Class probabilities over a grid of the plane, when it was recomputed for this frame. */
  boundary: BoundaryGrid | null;
  /** The parameters after `step` (W₀ row-major, b₀, W₁, b₁, …), at most ~10 times a second. */
  weights: Float32Array | null;
  /** Calibration on the test split, when it was due (every `metrics.calibrationEvery` steps). */
  calibration: CalibrationFrame | null;
  /** Gradient telemetry points taken since the last frame (every `metrics.telemetryEvery` steps). */
  telemetry: TelemetryPoint[];
  /** Sharpness estimates taken since the last frame (every `metrics.sharpnessEvery` steps). */
  sharpness: SharpnessPoint[];
  /** A mixture of experts' routing, with the boundary (absent for an MLP). */
  moe?: MoeFrame;
  /** Task 'preference': the policy's probe points since the last frame. */
  preference?: PreferencePoint[];
  /** Task 'preference': π_ref's parameters (the run's initial weights, frozen), with the weights, for the landscape's objective. */
  reference?: Float32Array;
}

/** What task 'preference' measures of a policy at a step (see PreferenceRun.probe). */
export interface PreferencePoint {
  step: number;
  /** Mean log π(y_w|x) and log π(y_l|x) over the pairs. */
  logChosen: number;
  logRejected: number;
  /** Cosine between ∇ mean log π(y_w) and ∇ mean log π(y_l) (unlearning: of the forget and retain sets). */
  cosine: number;
  /** Mean (log π/π_ref)(y_w) − (log π/π_ref)(y_l): the implicit reward margin per unit β. */
  margin: number;
  /** Win-rate against π_ref under the hidden reward. */
  winRate: number;
  /** Mean probability of the forget and the retain sets' answers, and of each prompt's best response. */
  forgetProb: number;
  retainProb: number;
  bestProb: number;
}

/** How a mixture of experts routes, at one step. */
export interface MoeFrame {
  step: number;
  experts: number;
  /** Over the training split, each point in its domain (moeDomains.ts). */
  stats: MoeRoutingStats;
  /** Top expert at each point of the boundary's grid, row-major from the top of the plane. */
  territories: Uint8Array;
  resolution: number;
  /** The plane the territories were computed on (as BoundaryGrid.planeSerial). */
  planeSerial?: number;
}

export interface CalibrationFrame {
  step: number;
  /** Two classes: the diagram uses top-label confidence, which the UI says. */
  binary: boolean;
  /** Mean logsumexp(z) over the test split's logits: where the logits sit, which softmax ignores. */
  meanLogSumExp: number;
  /** Mean top-label confidence on the training split (the points the model was fit to). */
  trainConfidence: number;
  /** T* fitted on the validation split by minimising NLL. */
  temperature: number;
  /** The test split at T = 1 and at T = T*. */
  before: CalibrationReport;
  after: CalibrationReport;
}

export interface TelemetryPoint {
  step: number;
  learningRate: number;
  gradientNorm: number;
  /** Per dense layer (weights and bias together), input side first. */
  layerGradientNorms: number[];
  /** ‖Δθ_l‖ / ‖θ_l‖ per layer for this step's update. */
  layerUpdateRatios: number[];
  distanceFromInit: number;
  meanLogitNorm: number;
}

export interface SharpnessPoint {
  step: number;
  /** λ_max of the training-loss Hessian. */
  eigenvalue: number;
  learningRate: number;
  /**
   * The stability threshold to draw beside it: 2/η for plain (S)GD, (2 + 2μ)/η with heavy-ball
   * momentum μ; null for adaptive optimizers, whose threshold is on the preconditioned sharpness.
   */
  threshold: number | null;
  /**
   * The eigenvalue is of P⁻¹H, Adam's preconditioned Hessian, and the threshold its line
   * (2 + 2β₁)/((1 − β₁)η); absent or false: of the Hessian itself.
   */
  preconditioned?: boolean;
}

/** The validation split's numbers at one step (NaN where they do not apply). */
export interface ValidationPoint {
  step: number;
  loss: number;
  accuracy: number;
  /** A regression's validation MSE. */
  mse: number;
}

export interface FrameEvaluation {
  /** The step the weights had when evaluated. */
  step: number;
  validationLoss: number;
  trainAccuracy: number;
  validationAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  /** The L1/L2 penalty at these weights (0 when off); the objective is the loss plus it. */
  penalty?: number;
  /** Per-class recall and F1, balanced accuracy and macro-F1 of the test split. */
  testClasses: ClassMetrics;
  /** The data's minority classes, from its class counts (see minorityClasses); empty when balanced. */
  minorityClasses: number[];
  /** A regression's errors and predictions (accuracies are then NaN); absent when classifying. */
  regression?: RegressionEvaluation;
}

export interface RegressionEvaluation {
  train: RegressionErrors;
  validation: RegressionErrors;
  test: RegressionErrors;
  /** Predicting the training targets' mean for every test point. */
  baseline: RegressionErrors;
  /** The prediction for every point of the dataset, in DataPoints' order. */
  predictions: Float32Array;
  /** For a histogram loss, the centre of each point's most probable bin (the predicted mode); null for a point loss. */
  modes: Float32Array | null;
}

export interface BoundaryGrid {
  /** The plane it was computed on (DataPoints.planeSerial); a grid for another plane is not drawn. */
  planeSerial?: number;
  resolution: number;
  classes: number;
  /** Row-major `resolution² × classes`, rows from the top of the plane. */
  probabilities: Float32Array;
}

/**
 * What the network view draws of one run: each layer's activation over a coarse grid of the
 * boundary's plane (inputs, hidden layers, the output's class probabilities) and the weights.
 */
export interface NetworkSnapshot {
  step: number;
  resolution: number;
  /** Layer sizes from the input features to the output, e.g. [2, 8, 8, 2]. */
  sizes: number[];
  /** Names of the model's inputs (the input features, or the data's columns). */
  inputLabels: string[];
  activation: string;
  /** Per layer, per neuron, `resolution²` values (rows from the top of the plane), concatenated. */
  activations: Float32Array;
  /** W₀ (row-major inputs × outputs), b₀, W₁, b₁, … */
  weights: Float32Array;
  /** Set (and nothing drawn) for a model the view cannot draw as layers of neurons: why. */
  unsupported?: string;
}

export const SPLIT_ROLE = { train: 0, validation: 1, test: 2 } as const;

export interface DataPoints {
  /** Row-major `n × features` (standardised for real data). */
  x: Float32Array;
  y: Int32Array;
  /** Per point: 0 train, 1 validation, 2 test (SPLIT_ROLE). */
  role: Uint8Array;
  /** 1 where label noise flipped the point's label (training points only). */
  flipped: Uint8Array;
  features: number;
  classes: number;
  /** Every point on the plane the boundary is drawn on, row-major `n × 2` (see projection.ts). */
  plane: Float32Array;
  /** The plane's extent, [xMin, xMax, yMin, yMax]. */
  extent: Extent;
  /** Axis names of the plane. */
  axes: [string, string];
  /** The view as used (indices in range and apart; 'features' for 2-D data). */
  view: DataView;
  /** Counts up within a session each time the plane changes, to match boundaries to it. */
  planeSerial: number;
  featureNames: string[];
  classNames: string[];
  /** The last `added` points were added by clicking on the plane. */
  added: number;
  /** A regression's target for every point (its `y` is then all zeros); absent when classifying. */
  targets?: Float32Array;
  /** Task 'preference' when a run unlearns: 1 for a prompt of the forget set, 0 for the retain set. */
  forget?: Uint8Array;
}


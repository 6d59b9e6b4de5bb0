import { tf, type Scalar, type Tensor, type Tensor1D, type Tensor2D, type Variable } from './tf';
import { mlpActivate, mlpForward, mlpInitWeights, mlpWeightTensors, type MlpShape } from './mlp';
import { rng, rngPermutation, rngSeedFor, type Rng } from './rng';
import { trainingDataModelInputs, type TrainingData } from './trainingData';
import { curveGridInputs, planeGridInputs, type Plane } from './projection';
import type { ExperimentConfig } from './config';
import { lossById } from '../losses/registry';
import { addonById, type AddonSpec } from '../losses/addons';
import { mixupBatch, mixupDraw, mixupLoss } from '../losses/mixup';
import type { LossContext, LossSpec } from '../losses/types';
import { optimizerById } from './optimizers/registry';
import type { OptimizerState } from './optimizers/types';
import { gradientClipByGlobalNorm } from './optimizers/gradientClip';
import { optimizerHasWeightDecay, weightDecayApply } from './optimizers/weightDecay';
import { scheduleLearningRate } from './schedules/schedules';
import { gradientTelemetryTensor } from './metrics/gradients';
import { sharpnessPowerIteration } from './metrics/sharpness';
import { preconditionedGradientAt } from './preconditionedSharpness';
import { MoeTraining } from './moe/moeTraining';
import { regularizationKernels, regularizationPenalty } from './regularization';
import { regressionLossById } from '../losses/regression/regressionLosses';
import { regressionLossAsSpec } from '../losses/regression/asLossSpec';
import { binCentres } from '../losses/regression/bins';
import type { RegressionLossSpec } from '../losses/regression/types';
import type { RegressionSplitName } from './regressionTargets';

export interface StepResult {
  /** The minibatch loss before the update (the data term: an L1/L2 penalty is not in it). */
  loss: Scalar;
  /** gradientTelemetryTensor's vector, on telemetry steps. */
  telemetry: Tensor1D | null;
  learningRate: number;
  /** The step just taken, counting from 1. */
  step: number;
}

/** One step's minibatch and objective, between TrainingRun.stepPlan and stepApply. */
export interface StepPlan {
  /** The minibatch's inputs (mixed under mixup). */
  x: Tensor2D;
  learningRate: number;
  withTelemetry: boolean;
  /** The step's objective from the model's logits of `x` and its parameters (an L1/L2 penalty reads them). */
  objectiveOf: (logits: Tensor2D, params: readonly Tensor[]) => Scalar;
  /** The step's whole objective at the current weights (a mixture of experts' needs its routing, not only logits). */
  objective: () => Scalar;
}

export interface Evaluation {
  validationLoss: Scalar;
  trainAccuracy: Scalar;
  validationAccuracy: Scalar;
  testLoss: Scalar;
  testAccuracy: Scalar;
}

/**
 * One model training on shared data with one loss and one optimizer. Every method returns
 * tensors and never reads them back: the caller batches readbacks and awaits them.
 */
export class TrainingRun {
  readonly shape: MlpShape;
  private readonly variables: Variable[];
  private readonly loss: LossSpec;
  private readonly addons: { spec: AddonSpec; params: Record<string, number> }[];
  private readonly mixupOrder: Rng;
  private readonly optimizer: OptimizerState;
  /** AdamW, Lion and the like decay weights themselves; the general option then stays off. */
  private readonly optimizerOwnsDecay: boolean;
  /** θ₀, for ‖θ − θ₀‖. */
  private readonly initial: Tensor[];
  private readonly batchOrder: Rng;
  private epochOrder: Int32Array = new Int32Array(0);
  private epochCursor = 0;
  private grid: { resolution: number; plane: Plane; points: Tensor2D } | undefined;
  /** A regression's loss with its predict; null when classifying. */
  private readonly regressionLoss: RegressionLossSpec | null;
  /** What the loss is computed against, per split: one-hot rows, or a regression's encoded targets. */
  private readonly targets: Record<SplitName, Tensor2D>;
  /** Optimizer steps taken so far. */
  steps = 0;
  /** Set when the model is a mixture of experts (config.model.kind 'moe'). */
  readonly moe: MoeTraining | null;

  constructor(
    private currentConfig: ExperimentConfig,
    readonly data: TrainingData,
  ) {
    const config = currentConfig;
    this.regressionLoss = data.regression ? regressionLossById(config.loss.id) : null;
    this.shape = {
      inputs: data.inputs,
      hidden: Array.from({ length: config.model.layers }, () => config.model.width),
      outputs: this.regressionLoss ? this.regressionLoss.outputs(config.loss.params) : data.dataset.classes,
      activation: config.model.activation,
    };
    const regression = data.regression;
    const splitTargets = (split: SplitName): Tensor2D => (regression ? regression.encoded(config.loss.id, config.loss.params, split) : data[split].targets);
    this.targets = { train: splitTargets('train'), validation: splitTargets('validation'), test: splitTargets('test') };
    this.moe = config.model.kind === 'moe' ? new MoeTraining(config, data) : null;
    const initial = this.moe ? this.moe.initialTensors() : mlpWeightTensors(mlpInitWeights(this.shape, config.seed));
    this.variables = initial.map((t) => {
      const v = tf.variable(t, true);
      t.dispose();
      return v;
    });
    this.loss = this.regressionLoss ? regressionLossAsSpec(this.regressionLoss) : lossById(config.loss.id);
    this.addons = Object.entries(config.loss.addons).map(([id, params]) => ({ spec: addonById(id), params }));
    this.mixupOrder = rng(rngSeedFor(config.seed, 'mixup'));
    const optimizer = optimizerById(config.optimizer.id);
    this.optimizer = optimizer.create(this.variables, config.optimizer.params);
    this.optimizerOwnsDecay = optimizerHasWeightDecay(optimizer);
    this.initial = this.variables.map((v) => tf.clone(v));
    this.batchOrder = rng(rngSeedFor(config.seed, 'batches'));
  }

  get config(): ExperimentConfig {
    return this.currentConfig;
  }

  /** Changes how often the probes run, without touching the training itself. */
  setMetrics(metrics: ExperimentConfig['metrics']): void {
    this.currentConfig = { ...this.currentConfig, metrics };
  }

  /** The learning rate of the next step, after the schedule. */
  learningRate(): number {
    const { optimizer, training } = this.config;
    return scheduleLearningRate(optimizer.schedule, optimizer.learningRate, this.steps, training.totalSteps);
  }

  /**
   * One optimizer step. Returns the minibatch loss before the update and, every
   * `metrics.telemetryEvery` steps, the gradient telemetry vector; the caller disposes both.
   */
  trainStep(): StepResult {
    const learningRate = this.learningRate();
    const [loss, telemetry] = tf.tidy(() => {
      const plan = this.stepPlan();
      const { value, grads } = tf.variableGrads(plan.objective, this.variables);
      const loss = this.dataLoss(value);
      const vector = this.stepApply(plan, this.variables.map((v) => grads[v.name]!));
      return vector ? [loss, vector] : [loss];
    });
    return { loss: loss as Scalar, telemetry: (telemetry as Tensor1D | undefined) ?? null, learningRate, step: this.steps };
  }

  /** The weights [W₀, b₀, W₁, b₁, …], for stepping several runs as one computation (batchedStep.ts). */
  get parameters(): readonly Variable[] {
    return this.variables;
  }

  /**
   * The first half of a step, inside a tidy: the next minibatch (mixed under mixup) and the
   * objective as a function of its logits. Draws the batch order and mixup like trainStep.
   */
  stepPlan(): StepPlan {
    const context = this.lossContext();
    const batch = this.nextBatch();
    const { x, targets, targetsB, lambdas } = this.mixup(batch.x, batch.targets);
    const every = this.config.metrics.telemetryEvery;
    const objectiveOf = (logits: Tensor2D, params: readonly Tensor[]): Scalar => this.withPenalty(this.objectiveOfLogits(logits, targets, context, targetsB, lambdas), params);
    return {
      x,
      learningRate: this.learningRate(),
      // Gradient telemetry reads an MLP's layers; a mixture of experts has no such stack of layers.
      withTelemetry: every > 0 && (this.steps + 1) % every === 0 && !this.moe,
      objectiveOf,
      objective: this.moe
        ? () => this.withPenalty(this.objective(this.variables, x, targets, context, batch.microBatches), this.variables)
        : () => objectiveOf(this.logits(x), this.variables),
    };
  }

  /**
   * The second half of a step, inside a tidy: clipping, weight decay and the optimizer's update
   * from the gradients at the plan's batch, then the step is counted. Returns the telemetry vector
   * on telemetry steps.
   */
  stepApply(plan: StepPlan, raw: Tensor[]): Tensor1D | null {
    const { clipNorm, weightDecay } = this.config.optimizer;
    const { x, learningRate } = plan;
    const gradientAt = (): Tensor[] => {
      const again = tf.variableGrads(plan.objective, this.variables).grads;
      const gradients = this.variables.map((v) => again[v.name]!);
      return clipNorm > 0 ? gradientClipByGlobalNorm(gradients, clipNorm) : gradients;
    };
    const gradients = clipNorm > 0 ? gradientClipByGlobalNorm(raw, clipNorm) : raw;
    const previous = plan.withTelemetry ? this.variables.map((v) => tf.clone(v)) : [];
    if (weightDecay > 0 && !this.optimizerOwnsDecay) weightDecayApply(this.variables, learningRate, weightDecay);
    this.optimizer.apply(this.variables, gradients, learningRate, gradientAt);
    this.steps += 1;
    if (!plan.withTelemetry) return null;
    return gradientTelemetryTensor({
      gradients,
      params: this.variables,
      previousParams: previous,
      initialParams: this.initial,
      logits: this.logitsWith(this.variables, x),
    });
  }

  /**
   * λ_max of the full-batch training-loss Hessian by power iteration on Hessian-vector products,
   * warm-started from the previous eigenvector when given. The caller owns the returned tensors.
   */
  sharpness(warmStart: readonly Tensor[] | null, iterations: number): { eigenvalue: Scalar; vector: Tensor[]; preconditioned: boolean } {
    const context = this.lossContext();
    const { x } = this.data.train;
    const targets = this.targets.train;
    const gradientAt = (params: Tensor[]): Tensor[] => tf.grads((...ps: Tensor[]) => this.withPenalty(this.objective(ps, x, targets, context), ps))(params);
    // With a preconditioner P (Adam) the sharpness that meets a stability line is λ_max(P⁻¹H).
    const diagonal = this.optimizer.preconditioner?.() ?? null;
    const scale = diagonal ? diagonal.map((p) => tf.rsqrt(p)) : null;
    if (diagonal) tf.dispose(diagonal);
    const scaledGradientAt = scale ? preconditionedGradientAt(gradientAt, this.variables, scale) : gradientAt;
    const result = sharpnessPowerIteration(scaledGradientAt, this.variables, { warmStart, iterations, seed: this.config.seed });
    if (scale) tf.dispose(scale);
    result.relativeChange.dispose();
    return { eigenvalue: result.eigenvalue, vector: result.vector, preconditioned: scale !== null };
  }

  /** Logits of the validation or test split at the current weights, `n × K`. */
  splitLogits(split: 'validation' | 'test'): Tensor2D {
    return tf.tidy(() => this.logits(this.data[split].x));
  }

  /** Validation and test loss, and accuracies (NaN for a regression, which has none), at the current weights. */
  evaluate(): Evaluation {
    const context = this.lossContext();
    return tf.tidy(() => {
      const { validation, test } = this.data;
      const accuracyOf = (split: SplitName): Scalar => (this.regressionLoss ? tf.scalar(NaN) : accuracy(this.logits(this.data[split].x), this.data[split].targets));
      return {
        validationLoss: this.objective(this.variables, validation.x, this.targets.validation, context),
        trainAccuracy: accuracyOf('train'),
        validationAccuracy: accuracyOf('validation'),
        testLoss: this.objective(this.variables, test.x, this.targets.test, context),
        testAccuracy: accuracyOf('test'),
      };
    });
  }

  /** A regression's predictions for the points of a split, `[n]`, at the current weights. */
  regressionPredictions(split: SplitName): Tensor1D {
    return tf.tidy(() => this.predict(this.data[split].x));
  }

  /**
   * For a histogram loss, the centre of each point's most probable bin (the mode of the predicted
   * distribution, where the mean may lie between two modes), `[n]`; null for a point loss.
   */
  regressionModes(split: SplitName): Tensor1D | null {
    const loss = this.regressionLoss;
    const regression = this.data.regression;
    if (!loss || !regression || loss.kind !== 'histogram') return null;
    const centres = binCentres(regression.support, loss.outputs(this.config.loss.params));
    return tf.tidy(() => tf.gather(tf.tensor1d(Float32Array.from(centres)), tf.argMax(this.logits(this.data[split].x), 1)) as Tensor1D);
  }

  /** A regression's predictions at `x` (model inputs, `n × F`), `[n]`. */
  private predict(x: Tensor2D): Tensor1D {
    const loss = this.regressionLoss;
    const regression = this.data.regression;
    if (!loss || !regression) throw new Error('only a regression run predicts values');
    return loss.predict(this.logits(x), this.config.loss.params, regression.support);
  }

  /**
   * Class probabilities (a regression's predictions, one column) over a `resolution²` grid of the
   * plane the boundary is drawn on (the data's plane, or a 2-D slice of feature space: see
   * projection.ts), `resolution² × K`. Data of one input has a line, not a plane: its
   * resolution² points then run along it (curveGridInputs).
   */
  predictGrid(resolution: number): Tensor2D {
    const points = this.gridPoints(resolution);
    return tf.tidy(() => (this.regressionLoss ? (tf.expandDims(this.predict(points), 1) as Tensor2D) : tf.softmax(this.logits(points))));
  }

  /** A mixture's gate probabilities over the training split, `n × N_E` (null for an MLP). */
  trainGates(): Tensor2D | null {
    const moe = this.moe;
    return moe ? tf.tidy(() => moe.forward(this.variables, this.data.train.x).probs) : null;
  }

  /** A mixture's gate probabilities over the boundary's grid (predictGrid's points), `resolution² × N_E`. */
  gridGates(resolution: number): Tensor2D | null {
    const moe = this.moe;
    if (!moe) return null;
    const points = this.gridPoints(resolution);
    return tf.tidy(() => moe.forward(this.variables, points).probs);
  }

  /** The grid's model inputs, kept while the resolution and the plane stay the same. */
  private gridPoints(resolution: number): Tensor2D {
    const plane = this.data.plane;
    if (this.grid?.resolution !== resolution || this.grid.plane !== plane) {
      this.grid?.points.dispose();
      const raw = this.data.dataset.features === 1 ? curveGridInputs(plane.extent, resolution * resolution) : planeGridInputs(plane, resolution);
      const inputs = trainingDataModelInputs(this.data, raw);
      this.grid = { resolution, plane, points: tf.tensor2d(inputs, [resolution * resolution, this.data.inputs]) };
    }
    return this.grid.points;
  }

  /** The L1/L2 penalty at these weights (0 when off): the objective is the loss plus it. */
  penalty(params: readonly Tensor[] = this.variables): Scalar {
    const { regularization, regularizationRate } = this.config.training;
    return regularizationPenalty(regularization, regularizationRate, regularizationKernels(params));
  }

  /**
   * The data loss of a step's objective taken at the current weights (before the update): the
   * curve shows it, and the penalty is reported beside it (penalty()).
   */
  dataLoss(objective: Scalar): Scalar {
    return this.penaltyActive() ? tf.sub(objective, this.penalty()) : objective;
  }

  private penaltyActive(): boolean {
    const { regularization, regularizationRate } = this.config.training;
    return regularization !== 'none' && regularizationRate > 0;
  }

  private withPenalty(loss: Scalar, params: readonly Tensor[]): Scalar {
    return this.penaltyActive() ? tf.add(loss, this.penalty(params)) : loss;
  }

  /**
   * Every layer's activations over a `resolution²` grid of the boundary's plane, for the network
   * view: the model's inputs, each hidden layer, and the output's class probabilities, one tensor
   * a layer, `resolution² × width`. The caller disposes them.
   */
  layerActivations(resolution: number): Tensor2D[] {
    const inputs = trainingDataModelInputs(this.data, planeGridInputs(this.data.plane, resolution));
    return tf.tidy(() => {
      let h = tf.tensor2d(inputs, [resolution * resolution, this.data.inputs]);
      const out: Tensor2D[] = [h];
      const layers = this.variables.length / 2;
      for (let l = 0; l < layers; l++) {
        const z = tf.add(tf.matMul(h, this.variables[2 * l] as Tensor2D), this.variables[2 * l + 1]!) as Tensor2D;
        // A regression's outputs are its values (point losses) or bin logits; a classifier's, class probabilities.
        h = l + 1 < layers ? (mlpActivate(z, this.shape.activation) as Tensor2D) : this.regressionLoss ? z : tf.softmax(z);
        out.push(h);
      }
      return out;
    });
  }

  /**
   * Sets one parameter (weightsFlat's index) to `value`, as when a weight is edited by hand; the
   * optimizer's state is kept, and training goes on from the edited weights.
   */
  setWeight(index: number, value: number): void {
    if (!Number.isFinite(value)) throw new Error(`a weight must be a finite number, not ${value}`);
    let offset = 0;
    for (const v of this.variables) {
      if (index < offset + v.size) {
        const values = v.dataSync().slice() as Float32Array;
        values[index - offset] = value;
        const next = tf.tensor(values, v.shape, 'float32');
        v.assign(next);
        next.dispose();
        return;
      }
      offset += v.size;
    }
    throw new Error(`there is no weight ${index} in a model of ${offset}`);
  }

  /** All parameters as one vector, in the order W₀ (row-major), b₀, W₁, b₁, … */
  weightsFlat(): Tensor {
    return tf.tidy(() => tf.concat(this.variables.map((v) => tf.reshape(v, [-1]))));
  }

  logits(x: Tensor2D): Tensor2D {
    return this.logitsWith(this.variables, x);
  }

  private logitsWith(params: readonly Tensor[], x: Tensor2D): Tensor2D {
    return this.moe ? this.moe.forward(params, x).logits : mlpForward(params, x, this.shape.activation);
  }

  /**
   * Puts a new run at step `steps` with `weights` (weightsFlat's order), as after its worker was
   * restarted. The minibatch order and mixup draws of the first `steps` steps are replayed, so
   * step `steps + 1` sees the batch it would have seen. The optimizer's state (momentum, Adam's
   * moments) is not in the weights: it starts afresh, which the caller says.
   */
  restore(weights: Float32Array, steps: number): void {
    const total = this.variables.reduce((sum, v) => sum + v.size, 0);
    if (weights.length !== total) throw new Error(`cannot resume: ${weights.length} weights for a model of ${total}`);
    let offset = 0;
    for (const v of this.variables) {
      const values = tf.tensor(weights.subarray(offset, offset + v.size), v.shape, 'float32');
      v.assign(values);
      values.dispose();
      offset += v.size;
    }
    const alpha = this.config.training.mixup;
    for (let s = 0; s < steps; s++) {
      if (this.moe) {
        this.moe.nextBatchIndices();
        continue;
      }
      const batch = this.nextBatchIndices();
      if (alpha > 0) mixupDraw(this.mixupOrder, alpha, batch ? batch.length : this.data.train.labels.length);
    }
    this.steps = steps;
  }

  dispose(): void {
    this.optimizer.dispose();
    for (const v of this.variables) v.dispose();
    for (const t of this.initial) t.dispose();
    this.grid?.points.dispose();
  }

  /**
   * The training objective: the loss (mixed over two targets under mixup), averaged over the
   * batch when it is per-example, plus the mean of each enabled add-on; for a mixture of experts
   * also α·LBL and the router z-loss over `microBatches` equal micro-batches of `x`.
   */
  private objective(params: readonly Tensor[], x: Tensor2D, targets: Tensor2D, context: LossContext, microBatches = 1): Scalar {
    if (!this.moe) return this.objectiveOfLogits(this.logitsWith(params, x), targets, context);
    const routed = this.moe.forward(params, x);
    const task = this.objectiveOfLogits(routed.logits, targets, context);
    const auxiliary = this.moe.auxiliaryLoss(routed, microBatches);
    return auxiliary ? (tf.add(task, auxiliary) as Scalar) : task;
  }

  private objectiveOfLogits(logits: Tensor2D, targets: Tensor2D, context: LossContext, targetsB?: Tensor2D, lambdas?: Float32Array): Scalar {
    const lossParams = this.config.loss.params;
    const values =
      targetsB && lambdas
        ? mixupLoss(this.loss, logits, targets, targetsB, lambdas, lossParams, context)
        : this.loss.compute(logits, targets, lossParams, context);
    let total = this.loss.level === 'example' ? tf.mean(values) : values;
    for (const addon of this.addons) total = tf.add(total, tf.mean(addon.spec.compute(logits, addon.params)));
    return total as Scalar;
  }

  /** Mixes the batch with seeded partners and Beta(α, α) weights when mixup is on. */
  private mixup(x: Tensor2D, targets: Tensor2D): { x: Tensor2D; targets: Tensor2D; targetsB?: Tensor2D; lambdas?: Float32Array } {
    const alpha = this.config.training.mixup;
    if (alpha <= 0) return { x, targets };
    const draw = mixupDraw(this.mixupOrder, alpha, x.shape[0]);
    const mixed = mixupBatch(x, targets, draw);
    return { x: mixed.x, targets, targetsB: mixed.targetsB, lambdas: draw.lambdas };
  }

  private lossContext(): LossContext {
    return { classes: this.data.dataset.classes, classPriors: this.data.classPriors, step: this.steps, seed: this.config.seed };
  }

  /**
   * The next minibatch in a seeded per-epoch order, or the whole training set; for a mixture of
   * experts, the next global batch of one-domain micro-batches.
   */
  private nextBatch(): { x: Tensor2D; targets: Tensor2D; microBatches: number } {
    const { train } = this.data;
    const global = this.moe?.nextBatchIndices();
    const order = global ? global.indices : this.nextBatchIndices();
    if (!order) return { x: train.x, targets: this.targets.train, microBatches: 1 };
    const indices = tf.tensor1d(order, 'int32');
    return { x: tf.gather(train.x, indices), targets: tf.gather(this.targets.train, indices), microBatches: global?.microBatches ?? 1 };
  }

  /** The next minibatch's indices into the training split; null for the whole split. */
  private nextBatchIndices(): Int32Array | null {
    const size = this.config.optimizer.batchSize;
    const total = this.data.train.labels.length;
    if (size <= 0 || size >= total) return null;
    if (this.epochCursor + size > this.epochOrder.length) {
      this.epochOrder = rngPermutation(this.batchOrder, total);
      this.epochCursor = 0;
    }
    const indices = this.epochOrder.subarray(this.epochCursor, this.epochCursor + size);
    this.epochCursor += size;
    return indices;
  }
}

type SplitName = RegressionSplitName;

function accuracy(logits: Tensor, targets: Tensor2D): Scalar {
  return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(targets, 1)), 'float32'));
}

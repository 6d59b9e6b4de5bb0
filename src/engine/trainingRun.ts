// One model training on shared data: its weights, optimizer and minibatches, and the tensors it is read through.
import { tf, type Scalar, type Tensor, type Tensor1D, type Tensor2D, type Variable } from './tf';
import { mlpForward, mlpInitWeights, mlpWeightTensors, type MlpShape } from './mlp';
import type { TrainingData } from './trainingData';
import type { ExperimentConfig } from './config';
import type { LossContext } from '../losses/types';
import { optimizerById } from './optimizers/registry';
import type { OptimizerState } from './optimizers/types';
import { optimizerHasWeightDecay } from './optimizers/weightDecay';
import { scheduleLearningRate } from './schedules/schedules';
import { MoeTraining } from './moe/moeTraining';
import { regressionLossById } from '../losses/regression/regressionLosses';
import type { RegressionLossSpec } from '../losses/regression/types';
import type { RegressionSplitName } from './regressionTargets';
import type { Evaluation, StepPlan, StepResult } from './trainingRunTypes';
import { Minibatches } from './minibatchOrder';
import { TrainingObjective } from './trainingObjective';
import { runSharpness, type SharpnessResult } from './trainingRunSharpness';
import { histogramBinCentres, histogramModes } from './histogramModes';
import { stepApply } from './trainingRunStep';
import { evaluateRun } from './trainingRunEvaluation';
import { RunHold } from './runHold';
import { assignWeights, GridPoints, layerActivations, setWeight } from './trainingRunProbes';

type SplitName = RegressionSplitName;

/**
 * One model training on shared data with one loss and one optimizer. Every method returns
 * tensors and never reads them back: the caller batches readbacks and awaits them.
 */
export class TrainingRun {
  readonly shape: MlpShape;
  private readonly ownVariables: Variable[];
  private readonly objectives: TrainingObjective;
  private readonly ownOptimizer: OptimizerState;
  /** The batch that holds the weights and optimizer state while it steps (runHold.ts). */
  readonly hold = new RunHold();
  /** AdamW, Lion and the like decay weights themselves; the general option then stays off. */
  private readonly optimizerOwnsDecay: boolean;
  /** θ₀, for ‖θ − θ₀‖. */
  private readonly initial: Tensor[];
  private readonly batches: Minibatches;
  private readonly grid: GridPoints;
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
    this.ownVariables = initial.map((t) => {
      const v = tf.variable(t, true);
      t.dispose();
      return v;
    });
    this.objectives = new TrainingObjective(() => this.config, this.regressionLoss);
    const optimizer = optimizerById(config.optimizer.id);
    this.ownOptimizer = optimizer.create(this.variables, config.optimizer.params);
    this.optimizerOwnsDecay = optimizerHasWeightDecay(optimizer);
    this.initial = this.variables.map((v) => tf.clone(v));
    this.batches = new Minibatches(config.seed, data, this.targets.train, this.moe, () => this.config.optimizer.batchSize);
    this.grid = new GridPoints(data);
  }

  get config(): ExperimentConfig {
    return this.currentConfig;
  }

  /** The weights, handed back first by a batch that holds them (so every read and write sees them current). */
  private get variables(): Variable[] {
    this.hold.release();
    return this.ownVariables;
  }

  /**
   * The weights to read alone (a probe, a frame): a batch that holds them writes them in and holds
   * on (runHold.ts), so reading between chunks does not end the batch. Never for writing.
   */
  private get readable(): Variable[] {
    this.hold.sync();
    return this.ownVariables;
  }

  private get optimizer(): OptimizerState {
    this.hold.release();
    return this.ownOptimizer;
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

  /** The optimizer's state, which a batched step (batchedRuns.ts) takes over and hands back. */
  get optimizerState(): OptimizerState {
    return this.optimizer;
  }

  /** θ₀ [W₀, b₀, …], for the telemetry's ‖θ − θ₀‖. */
  get initialParameters(): readonly Tensor[] {
    return this.initial;
  }

  /** Whether the objective adds an L1/L2 penalty of the weights. */
  penaltyActive(): boolean {
    return this.objectives.penaltyActive();
  }

  /**
   * The first half of a step, inside a tidy: the next minibatch (mixed under mixup) and the
   * objective as a function of its logits. Draws the batch order and mixup like trainStep.
   */
  stepPlan(): StepPlan {
    const objectives = this.objectives;
    const context = this.lossContext();
    const batch = this.batches.next();
    const { x, targets, targetsB, lambdas } = objectives.mixup(batch.x, batch.targets);
    const every = this.config.metrics.telemetryEvery;
    const objectiveOf = (logits: Tensor2D, params: readonly Tensor[]): Scalar => objectives.withPenalty(objectives.ofLogits(logits, targets, context, targetsB, lambdas), params);
    return {
      x,
      learningRate: this.learningRate(),
      // Gradient telemetry reads an MLP's layers; a mixture of experts has no such stack of layers.
      withTelemetry: every > 0 && (this.steps + 1) % every === 0 && !this.moe,
      objectiveOf,
      ...(this.moe ? {} : { terms: objectives.terms(targets, context, targetsB, lambdas) }),
      objective: this.moe
        ? () => objectives.withPenalty(this.objective(this.variables, x, targets, context, batch.microBatches), this.variables)
        : () => objectiveOf(this.logits(x), this.variables),
    };
  }

  /**
   * The second half of a step, inside a tidy: clipping, weight decay and the optimizer's update
   * from the gradients at the plan's batch, then the step is counted. Returns the telemetry vector
   * on telemetry steps.
   */
  stepApply(plan: StepPlan, raw: Tensor[]): Tensor1D | null {
    const state = { variables: this.variables, optimizer: this.optimizer, optimizerOwnsDecay: this.optimizerOwnsDecay, initial: this.initial };
    const vector = stepApply(state, this.config.optimizer, plan, raw, (x) => this.logitsWith(this.variables, x));
    this.steps += 1;
    return vector;
  }

  /**
   * λ_max of the Hessian of the objective the landscape draws (fullObjectiveAt) by power iteration
   * on Hessian-vector products (trainingRunSharpness.ts), warm-started from the previous
   * eigenvector when given. For a mixture with micro-batch LBL that is each domain as one
   * micro-batch, not the whole training set as one.
   */
  sharpness(warmStart: readonly Tensor[] | null, iterations: number): SharpnessResult {
    const gradientAt = (params: Tensor[]): Tensor[] => tf.grads((...ps: Tensor[]) => this.fullObjectiveAt(ps))(params);
    return runSharpness(gradientAt, this.variables, this.optimizer, { warmStart, iterations, seed: this.config.seed });
  }

  /** fullObjectiveAt the current weights: what the loss landscape draws at its centre. */
  fullObjective(): Scalar {
    return tf.tidy(() => this.fullObjectiveAt(this.readable));
  }

  /**
   * The total objective over the whole training set at `params`, penalty included: for a mixture
   * of experts the task loss, α·LBL and the router z-loss with each domain as one micro-batch
   * (moeFullBatch.ts), as the landscape (moeEvaluate.ts) defines it. Call inside a tidy.
   */
  fullObjectiveAt(params: readonly Tensor[]): Scalar {
    const context = this.lossContext();
    const { x } = this.data.train;
    const targets = this.targets.train;
    const moe = this.moe;
    if (!moe) return this.objectives.withPenalty(this.objectives.ofLogits(this.logitsWith(params, x), targets, context), params);
    const routed = moe.forward(params, x);
    const task = this.objectives.ofLogits(routed.logits, targets, context);
    const auxiliary = moe.fullBatchAuxiliaryLoss(routed);
    return this.objectives.withPenalty(auxiliary ? (tf.add(task, auxiliary) as Scalar) : task, params);
  }

  /** Logits of the validation or test split at the current weights, `n × K`. */
  splitLogits(split: 'validation' | 'test'): Tensor2D {
    return tf.tidy(() => this.logits(this.data[split].x));
  }

  /** Validation and test loss, and accuracies (NaN for a regression, which has none), at the current weights. */
  evaluate(): Evaluation {
    const context = this.lossContext();
    const objective = (x: Tensor2D, targets: Tensor2D): Scalar => this.objective(this.readable, x, targets, context);
    return evaluateRun(this.data, this.targets, this.regressionLoss !== null, (x) => this.logits(x), objective);
  }

  /**
   * The validation split's loss, accuracy and (for a regression) MSE at the current weights, as
   * one `[3]` vector (NaN where it does not apply) that the caller reads back with other tensors:
   * the few numbers the validation curves draw, cheap enough to take every few steps. The loss is
   * evaluate()'s validation loss; one forward pass serves all three (a mixture's loss adds its
   * routing terms, so it takes its own).
   */
  validate(): Tensor1D {
    const context = this.lossContext();
    return tf.tidy(() => {
      const params = this.readable;
      const { x, targets } = this.data.validation;
      const logits = this.logitsWith(params, x);
      const loss = this.moe ? this.objective(params, x, this.targets.validation, context) : this.objectives.ofLogits(logits, this.targets.validation, context);
      const spec = this.regressionLoss;
      const regression = this.data.regression;
      if (!spec || !regression) {
        const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(targets, 1)), 'float32'));
        return tf.stack([loss, accuracy, tf.scalar(NaN)]) as Tensor1D;
      }
      const predicted = spec.predict(logits, this.config.loss.params, regression.support);
      return tf.stack([loss, tf.scalar(NaN), tf.mean(tf.squaredDifference(predicted, tf.reshape(targets, [-1])))]) as Tensor1D;
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
    const centres = histogramBinCentres(this.regressionLoss, this.data, this.config.loss.params);
    if (!centres) return null;
    return tf.tidy(() => histogramModes(centres, this.logits(this.data[split].x)));
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
   * plane the boundary is drawn on (GridPoints), `resolution² × K`.
   */
  predictGrid(resolution: number): Tensor2D {
    const points = this.grid.points(resolution);
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
    const points = this.grid.points(resolution);
    return tf.tidy(() => moe.forward(this.variables, points).probs);
  }

  /** The L1/L2 penalty at these weights (0 when off): the objective is the loss plus it. */
  penalty(params: readonly Tensor[] = this.readable): Scalar {
    return this.objectives.penalty(params);
  }

  /**
   * The data loss of a step's objective taken at the current weights (before the update): the
   * curve shows it, and the penalty is reported beside it (penalty()). A batched step takes all
   * its runs' at once (batchedRuns.ts).
   */
  dataLoss(objective: Scalar): Scalar {
    return this.objectives.penaltyActive() ? tf.sub(objective, this.penalty()) : objective;
  }

  /** Every layer's activations over a `resolution²` grid of the boundary's plane (trainingRunProbes.ts). */
  layerActivations(resolution: number): Tensor2D[] {
    return layerActivations(this.data, this.readable, this.shape.activation, this.regressionLoss !== null, resolution);
  }

  /**
   * Sets one parameter (weightsFlat's index) to `value`, as when a weight is edited by hand; the
   * optimizer's state is kept, and training goes on from the edited weights.
   */
  setWeight(index: number, value: number): void {
    setWeight(this.variables, index, value);
  }

  /** All parameters as one vector, in the order W₀ (row-major), b₀, W₁, b₁, … */
  weightsFlat(): Tensor {
    return tf.tidy(() => tf.concat(this.readable.map((v) => tf.reshape(v, [-1]))));
  }

  logits(x: Tensor2D): Tensor2D {
    return this.logitsWith(this.readable, x);
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
    assignWeights(this.variables, weights);
    for (let s = 0; s < steps; s++) {
      const size = this.batches.skip();
      if (size !== null) this.objectives.skipMixup(size);
    }
    this.steps = steps;
  }

  dispose(): void {
    this.optimizer.dispose();
    for (const v of this.variables) v.dispose();
    for (const t of this.initial) t.dispose();
    this.grid.dispose();
  }

  /**
   * The training objective (TrainingObjective.ofLogits); for a mixture of experts also α·LBL and
   * the router z-loss over `microBatches` equal micro-batches of `x`.
   */
  private objective(params: readonly Tensor[], x: Tensor2D, targets: Tensor2D, context: LossContext, microBatches = 1): Scalar {
    if (!this.moe) return this.objectives.ofLogits(this.logitsWith(params, x), targets, context);
    const routed = this.moe.forward(params, x);
    const task = this.objectives.ofLogits(routed.logits, targets, context);
    const auxiliary = this.moe.auxiliaryLoss(routed, microBatches);
    return auxiliary ? (tf.add(task, auxiliary) as Scalar) : task;
  }

  private lossContext(): LossContext {
    return { classes: this.data.dataset.classes, classPriors: this.data.classPriors, step: this.steps, seed: this.config.seed };
  }
}

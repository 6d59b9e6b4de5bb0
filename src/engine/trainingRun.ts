import { tf, type Scalar, type Tensor, type Tensor2D, type Variable } from './tf';
import { mlpForward, mlpInitWeights, mlpWeightTensors, type MlpShape } from './mlp';
import { rng, rngPermutation, rngSeedFor, type Rng } from './rng';
import { gridPoints, type TrainingData } from './trainingData';
import type { ExperimentConfig } from './config';
import { lossById } from '../losses/registry';
import type { LossContext, LossSpec } from '../losses/types';
import { optimizerById } from './optimizers/registry';
import type { OptimizerState } from './optimizers/types';

export interface Evaluation {
  validationLoss: Scalar;
  trainAccuracy: Scalar;
  validationAccuracy: Scalar;
}

/**
 * One model training on shared data with one loss and one optimizer. Every method returns
 * tensors and never reads them back: the caller batches readbacks and awaits them.
 */
export class TrainingRun {
  readonly shape: MlpShape;
  private readonly variables: Variable[];
  private readonly loss: LossSpec;
  private readonly optimizer: OptimizerState;
  private readonly batchOrder: Rng;
  private epochOrder: Int32Array = new Int32Array(0);
  private epochCursor = 0;
  private grid: { resolution: number; points: Tensor2D } | undefined;
  /** Optimizer steps taken so far. */
  steps = 0;

  constructor(
    readonly config: ExperimentConfig,
    readonly data: TrainingData,
  ) {
    this.shape = {
      inputs: data.dataset.features,
      hidden: Array.from({ length: config.model.layers }, () => config.model.width),
      outputs: data.dataset.classes,
      activation: config.model.activation,
    };
    this.variables = mlpWeightTensors(mlpInitWeights(this.shape, config.seed)).map((t) => {
      const v = tf.variable(t, true);
      t.dispose();
      return v;
    });
    this.loss = lossById(config.loss.id);
    this.optimizer = optimizerById(config.optimizer.id).create(this.variables, config.optimizer.params);
    this.batchOrder = rng(rngSeedFor(config.seed, 'batches'));
  }

  /** One optimizer step. Returns the minibatch loss before the update; the caller disposes it. */
  trainStep(): Scalar {
    const context = this.lossContext();
    const result = tf.tidy(() => {
      const { x, targets } = this.nextBatch();
      const { value, grads } = tf.variableGrads(() => this.objective(x, targets, context), this.variables);
      const gradientAt = (): Tensor[] => {
        const again = tf.variableGrads(() => this.objective(x, targets, context), this.variables).grads;
        return this.variables.map((v) => again[v.name]!);
      };
      this.optimizer.apply(
        this.variables,
        this.variables.map((v) => grads[v.name]!),
        this.config.optimizer.learningRate,
        gradientAt,
      );
      return value;
    });
    this.steps += 1;
    return result;
  }

  /** Validation loss and accuracies at the current weights. */
  evaluate(): Evaluation {
    const context = this.lossContext();
    return tf.tidy(() => {
      const { train, validation } = this.data;
      return {
        validationLoss: this.objective(validation.x, validation.targets, context),
        trainAccuracy: accuracy(this.logits(train.x), train.targets),
        validationAccuracy: accuracy(this.logits(validation.x), validation.targets),
      };
    });
  }

  /** Class probabilities over a `resolution²` grid of the data's extent, `resolution² × K`. */
  predictGrid(resolution: number): Tensor2D {
    if (this.grid?.resolution !== resolution) {
      this.grid?.points.dispose();
      this.grid = { resolution, points: tf.tensor2d(gridPoints(this.data.extent, resolution), [resolution * resolution, 2]) };
    }
    const points = this.grid.points;
    return tf.tidy(() => tf.softmax(this.logits(points)));
  }

  logits(x: Tensor2D): Tensor2D {
    return mlpForward(this.variables, x, this.shape.activation);
  }

  dispose(): void {
    this.optimizer.dispose();
    for (const v of this.variables) v.dispose();
    this.grid?.points.dispose();
  }

  private objective(x: Tensor2D, targets: Tensor2D, context: LossContext): Scalar {
    const values = this.loss.compute(this.logits(x), targets, this.config.loss.params, context);
    return (this.loss.level === 'example' ? tf.mean(values) : values) as Scalar;
  }

  private lossContext(): LossContext {
    return { classes: this.data.dataset.classes, classPriors: this.data.classPriors, step: this.steps, seed: this.config.seed };
  }

  /** The next minibatch in a seeded per-epoch order, or the whole training set. */
  private nextBatch(): { x: Tensor2D; targets: Tensor2D } {
    const { train } = this.data;
    const size = this.config.optimizer.batchSize;
    const total = train.labels.length;
    if (size <= 0 || size >= total) return { x: train.x, targets: train.targets };
    if (this.epochCursor + size > this.epochOrder.length) {
      this.epochOrder = rngPermutation(this.batchOrder, total);
      this.epochCursor = 0;
    }
    const indices = tf.tensor1d(this.epochOrder.subarray(this.epochCursor, this.epochCursor + size), 'int32');
    this.epochCursor += size;
    return { x: tf.gather(train.x, indices), targets: tf.gather(train.targets, indices) };
  }
}

function accuracy(logits: Tensor, targets: Tensor2D): Scalar {
  return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(targets, 1)), 'float32'));
}

// What a TrainingRun needs to train a mixture of experts instead of a plain MLP: its weights,
// its forward pass, its auxiliary losses and its one-domain micro-batches.
import { tf, type Scalar, type Tensor, type Tensor2D } from '../tf';
import { mlpWeightTensors } from '../mlp';
import type { ExperimentConfig } from '../config';
import type { TrainingData } from '../trainingData';
import { moeForward, moeInitWeights, type MoeForward, type MoeShape } from './moeModel';
import { moeLoadBalancingLoss, moeRouterZLoss } from './moeBalance';
import { moeDomains } from './moeDomains';
import { MoeBatchSampler } from './moeBatches';
import { datasetSubset } from '../datasets';
import { moeDomainAverager, moeFullBatchAuxiliaryLoss, type MoeDomainAverager } from './moeFullBatch';

/** The domain of every training point of `data` (moeDomains.ts), in the order of data.train. */
export function moeTrainDomains(config: ExperimentConfig, data: TrainingData): Int32Array {
  const train = datasetSubset(data.dataset, data.split.train);
  return moeDomains(train.x, train.features, config.data.domains);
}

/** A mixture's shape from its config and data. */
export function moeShapeOf(config: ExperimentConfig, data: TrainingData): MoeShape {
  const { model } = config;
  return {
    inputs: data.inputs,
    outputs: data.dataset.classes,
    experts: model.experts,
    topK: Math.min(model.topK, model.experts),
    hidden: Array.from({ length: model.layers }, () => model.width),
    activation: model.activation,
  };
}

export class MoeTraining {
  readonly shape: MoeShape;
  /** The domain of every training point. */
  readonly trainDomains: Int32Array;
  private readonly sampler: MoeBatchSampler;
  /** The training set's domains as the micro-batches of one global batch (moeFullBatch.ts). */
  private readonly averager: MoeDomainAverager;

  constructor(
    private readonly config: ExperimentConfig,
    data: TrainingData,
  ) {
    this.shape = moeShapeOf(config, data);
    this.trainDomains = moeTrainDomains(config, data);
    this.averager = moeDomainAverager(this.trainDomains, config.data.domains);
    this.sampler = new MoeBatchSampler(this.trainDomains, config.data.domains, config.seed);
  }

  /** Initial weights (router first), drawn from the seed like the MLP's. */
  initialTensors(): Tensor[] {
    return mlpWeightTensors(moeInitWeights(this.shape, this.config.seed));
  }

  forward(params: readonly Tensor[], x: Tensor2D): MoeForward {
    return moeForward(params, x, this.shape);
  }

  /**
   * α·LBL + z·(router z-loss) of a forward pass over `microBatches` equal micro-batches (1 for a
   * held-out split or the full training set, where micro and global agree).
   */
  auxiliaryLoss(forward: MoeForward, microBatches: number): Scalar | null {
    const { alpha, zLoss, balance } = this.config.training.moe;
    const terms: Scalar[] = [];
    if (alpha > 0) terms.push(tf.mul(alpha, moeLoadBalancingLoss(forward.probs, forward.mask, this.shape.topK, microBatches, balance)));
    if (zLoss > 0) terms.push(tf.mul(zLoss, moeRouterZLoss(forward.routerLogits)));
    if (terms.length === 0) return null;
    return (terms.length === 1 ? terms[0]! : tf.addN(terms)) as Scalar;
  }

  /**
   * α·LBL + z·(router z-loss) of a forward pass over the whole training set, each domain one
   * micro-batch (moeFullBatch.ts): the auxiliary part of the objective the landscape draws.
   */
  fullBatchAuxiliaryLoss(forward: MoeForward): Scalar | null {
    const { alpha, zLoss, balance } = this.config.training.moe;
    return moeFullBatchAuxiliaryLoss(forward, { alpha, zLoss, balance, topK: this.shape.topK }, this.averager);
  }

  /** The next global batch's indices into the training split, and its micro-batch count. */
  nextBatchIndices(): { indices: Int32Array; microBatches: number } {
    const { microBatches, microBatchSize } = this.config.training.moe;
    return { indices: this.sampler.next(microBatches, microBatchSize).indices, microBatches };
  }
}

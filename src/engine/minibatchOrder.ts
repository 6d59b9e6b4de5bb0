// A run's minibatches, in a seeded per-epoch order, so a run (or its replay on restore) sees the same batches.
import { tf, type Tensor2D } from './tf';
import { rng, rngPermutation, rngSeedFor, type Rng } from './rng';
import type { TrainingData } from './trainingData';
import type { MoeTraining } from './moe/moeTraining';

export class MinibatchOrder {
  private readonly order: Rng;
  private epochOrder: Int32Array = new Int32Array(0);
  private epochCursor = 0;

  constructor(seed: number) {
    this.order = rng(rngSeedFor(seed, 'batches'));
  }

  /**
   * The next minibatch's indices into a training split of `total` points; null for the whole
   * split (batch size 0, or not below the split's size). A new permutation starts each epoch.
   */
  next(size: number, total: number): Int32Array | null {
    if (size <= 0 || size >= total) return null;
    if (this.epochCursor + size > this.epochOrder.length) {
      this.epochOrder = rngPermutation(this.order, total);
      this.epochCursor = 0;
    }
    const indices = this.epochOrder.subarray(this.epochCursor, this.epochCursor + size);
    this.epochCursor += size;
    return indices;
  }
}

/**
 * A run's minibatches in order: the next batch of the training split in a seeded per-epoch
 * order, or the whole split; for a mixture of experts, the next global batch of one-domain
 * micro-batches.
 */
export class Minibatches {
  private readonly order: MinibatchOrder;

  constructor(
    seed: number,
    private readonly data: TrainingData,
    /** The training split's targets (one-hot rows, or a regression's encoded targets). */
    private readonly targets: Tensor2D,
    private readonly moe: MoeTraining | null,
    private readonly batchSize: () => number,
  ) {
    this.order = new MinibatchOrder(seed);
  }

  /** The next minibatch's inputs and targets (call inside a tidy). */
  next(): { x: Tensor2D; targets: Tensor2D; microBatches: number } {
    const { train } = this.data;
    const global = this.moe?.nextBatchIndices();
    const order = global ? global.indices : this.nextIndices();
    if (!order) return { x: train.x, targets: this.targets, microBatches: 1 };
    const indices = tf.tensor1d(order, 'int32');
    return { x: tf.gather(train.x, indices), targets: tf.gather(this.targets, indices), microBatches: global?.microBatches ?? 1 };
  }

  /**
   * Draws the next minibatch without gathering it, to replay the order on restore. Returns its
   * size, which mixup's draw depends on; null for a mixture of experts, which has no mixup.
   */
  skip(): number | null {
    if (this.moe) {
      this.moe.nextBatchIndices();
      return null;
    }
    const batch = this.nextIndices();
    return batch ? batch.length : this.data.train.labels.length;
  }

  /** The next minibatch's indices into the training split; null for the whole split. */
  private nextIndices(): Int32Array | null {
    return this.order.next(this.batchSize(), this.data.train.labels.length);
  }
}

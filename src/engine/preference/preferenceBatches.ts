// A preference run's minibatches: the next prompts of a seeded per-epoch order, as classification's.
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { MinibatchOrder } from '../minibatchOrder';
import { rngSeedFor } from '../rng';
import type { PreferenceTensors } from './preferenceTensors';

/** The rows a loss reads, and log π_ref of each row's response (computed once at the initial weights). */
export interface PreferenceRows {
  pairs: { x: Tensor2D; chosen: Tensor2D; rejected: Tensor2D; refChosen: Tensor1D; refRejected: Tensor1D };
  forget: { x: Tensor2D; target: Tensor2D; ref: Tensor1D };
  retain: { x: Tensor2D; target: Tensor2D; ref: Tensor1D };
}

/**
 * Draws each step's minibatch with MinibatchOrder (minibatchOrder.ts), the order classification
 * uses: a batch size of 0, or one not below the set's size, is the whole set. A preference loss
 * batches the pairs (one per prompt) in the order of `seed`, exactly as a classification run of
 * that seed batches its training points. An unlearning loss batches the forget set in that order
 * and, if it reads one, the retain set in an order of its own, each up to the batch size: a batch
 * of all prompts would often hold no prompt of the forget topic at all.
 */
export class PreferenceBatches {
  private readonly order: MinibatchOrder;
  private readonly retainOrder: MinibatchOrder;

  constructor(
    seed: number,
    private readonly all: PreferenceRows,
    private readonly family: 'preference' | 'unlearning',
    private readonly usesRetain: boolean,
    private readonly batchSize: () => number,
  ) {
    this.order = new MinibatchOrder(seed);
    this.retainOrder = new MinibatchOrder(rngSeedFor(seed, 'retain'));
  }

  /** The next minibatch's rows (call inside a tidy: gathered rows are new tensors). */
  next(): PreferenceRows {
    const { pairs, forget, retain } = this.all;
    const size = this.batchSize();
    if (this.family === 'preference') {
      const rows = this.order.next(size, pairs.x.shape[0]);
      return { ...this.all, pairs: rows ? gatherAll(pairs, rows) : pairs };
    }
    const forgetRows = this.order.next(size, forget.x.shape[0]);
    const retainRows = this.usesRetain ? this.retainOrder.next(size, retain.x.shape[0]) : null;
    return { ...this.all, forget: forgetRows ? gatherAll(forget, forgetRows) : forget, retain: retainRows ? gatherAll(retain, retainRows) : retain };
  }

  /** Draws the next minibatch without gathering it, to replay the order on restore. */
  skip(): void {
    const { pairs, forget, retain } = this.all;
    const size = this.batchSize();
    if (this.family === 'preference') {
      this.order.next(size, pairs.x.shape[0]);
      return;
    }
    this.order.next(size, forget.x.shape[0]);
    if (this.usesRetain) this.retainOrder.next(size, retain.x.shape[0]);
  }
}

/** Every tensor of `set` at `rows` (along its first axis). */
function gatherAll<T extends Record<string, tf.Tensor>>(set: T, rows: Int32Array): T {
  const indices = tf.tensor1d(rows, 'int32');
  return Object.fromEntries(Object.entries(set).map(([key, tensor]) => [key, tf.gather(tensor, indices)])) as T;
}

/** The rows of every prompt, with log π_ref of each row's response from π_ref's log-probabilities (`· × K`). */
export function preferenceRowsAll(t: PreferenceTensors, refLog: { all: Tensor2D; forget: Tensor2D; retain: Tensor2D }): PreferenceRows {
  return tf.tidy(() => {
    const pick = (target: Tensor2D, log: Tensor2D): Tensor1D => tf.sum(tf.mul(target, log), 1) as Tensor1D;
    return {
      pairs: { x: t.x, chosen: t.chosen, rejected: t.rejected, refChosen: pick(t.chosen, refLog.all), refRejected: pick(t.rejected, refLog.all) },
      forget: { x: t.forgetX, target: t.forgetTarget, ref: pick(t.forgetTarget, refLog.forget) },
      retain: { x: t.retainX, target: t.retainTarget, ref: pick(t.retainTarget, refLog.retain) },
    };
  });
}

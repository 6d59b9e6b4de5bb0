// The gradient telemetry of several runs at once, from their rows of gradients and weights.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from './tf';
import type { Activation } from './mlp';
import { rowsForward, type RowLayout } from './batchedRows';

/**
 * gradientTelemetryTensor (metrics/gradients.ts) for every row of a batch in one computation: the
 * runs' gradients, weights before and after the step and θ₀ are rows of R × P, and a layer's
 * weights (W_l then b_l) are one block of columns, so a per-layer sum of squares is one slice and
 * one sum for all runs. The logit norms take one batched forward pass. The same quantities as each
 * run's own vector, summed in another order: equal within float32 rounding. Owns the stacked θ₀
 * until disposed.
 */
export class RowTelemetry {
  private initial: Tensor2D | null = null;
  /** Each layer's block of columns (W_l then b_l are adjacent in a row). */
  private readonly blocks: readonly { start: number; size: number }[];

  constructor(
    private readonly layout: RowLayout,
    /** Each row's θ₀ [W₀, b₀, …], stacked once, on the first telemetry step. */
    private readonly initialParams: () => readonly (readonly Tensor[])[],
  ) {
    const slots = layout.slots;
    this.blocks = Array.from({ length: slots.length / 2 }, (_, l) => ({ start: slots[2 * l]!.offset, size: slots[2 * l]!.size + slots[2 * l + 1]!.size }));
  }

  /**
   * Inside a tidy: each row's telemetry vector (the layout of gradientTelemetryTensor), from the
   * gradient rows at the weights `before`, the weights `after` the step, and each row's inputs.
   */
  vectors(gradients: Tensor, before: Tensor, after: Tensor, xs: readonly Tensor2D[], activation: Activation): Tensor1D[] {
    const count = gradients.shape[0]!;
    this.initial ??= tf.keep(this.layout.stack(this.initialParams()));
    // One sum a block (not a matMul by a 0/1 matrix: ∞·0 would spread a diverged layer's NaN to the others).
    const layerSums = (rows: Tensor): Tensor => {
      const squares = tf.square(rows);
      return tf.concat(
        this.blocks.map((b) => tf.sum(tf.slice(squares, [0, b.start], [-1, b.size]), 1, true)),
        1,
      );
    };
    const norm = (rows: Tensor): Tensor => tf.sqrt(tf.sum(tf.square(rows), 1, true));
    // The three quantities' rows one under another (3R × P): one square and one sum a block for all.
    const [gradientSums, updateSums, weightSums] = tf.split(layerSums(tf.concat([gradients, tf.sub(after, before), before], 0)), 3, 0) as [Tensor, Tensor, Tensor];
    const updateRatios = tf.div(tf.sqrt(updateSums), tf.maximum(tf.sqrt(weightSums), 1e-12));
    const logits = rowsForward(xs, this.layout.layers(after), activation);
    const logitNorms = tf.mean(tf.sqrt(tf.sum(tf.square(logits), 2)), 1, true);
    const table = tf.concat([tf.sqrt(tf.sum(gradientSums, 1, true)), tf.sqrt(gradientSums), updateRatios, norm(tf.sub(after, this.initial)), logitNorms], 1);
    return (count === 1 ? [tf.squeeze(table, [0])] : tf.unstack(table)) as Tensor1D[];
  }

  dispose(): void {
    this.initial?.dispose();
  }
}

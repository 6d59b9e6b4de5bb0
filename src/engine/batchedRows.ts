// The weights of several runs of one MLP as the rows of one matrix, and their forward pass as one computation.
import { tf, type Tensor, type Tensor1D, type Tensor2D, type Variable } from './tf';
import { mlpActivate, type Activation } from './mlp';
import type { TrainingRun } from './trainingRun';
import type { StepPlan } from './trainingRunTypes';
import { batchedObjectives } from './batchedObjectives';

/** Where one weight tensor lies in a row (weightsFlat's order: W₀ row-major, b₀, W₁, b₁, …). */
interface Slot {
  shape: number[];
  /** Its stacked form: R × in × out for a W, R × 1 × out for a b (added to R × n × out). */
  stacked: number[];
  offset: number;
  size: number;
}

/**
 * The layout of a run's parameters in a row of R × P, and the reads and writes between rows and
 * tensors: slices of column blocks and reshapes, a few kernels a weight tensor whatever R is, but
 * for stacking the runs' own variables and writing them back (one concat or unstack of R a tensor),
 * which a batch does once, not every step.
 */
export class RowLayout {
  readonly slots: readonly Slot[];
  /** P, the parameters of one run. */
  readonly width: number;

  constructor(parameters: readonly Tensor[]) {
    let offset = 0;
    this.slots = parameters.map((p) => {
      const shape = [...p.shape];
      const slot = { shape, stacked: shape.length === 1 ? [1, shape[0]!] : shape, offset, size: p.size };
      offset += p.size;
      return slot;
    });
    this.width = offset;
  }

  /** One row per list of tensors (a run's weights or one of its slot groups), R × P. */
  stack(lists: readonly (readonly Tensor[])[]): Tensor2D {
    return tf.tidy(() => tf.stack(lists.map((list) => tf.concat(list.map((t) => tf.reshape(t, [-1]))))) as Tensor2D);
  }

  /** Each weight tensor of all R rows in its stacked form ([W₀, b₀, …] with a leading run axis). */
  layers(rows: Tensor): Tensor[] {
    const count = rows.shape[0]!;
    return this.slots.map((s) => tf.reshape(tf.slice(rows, [0, s.offset], [count, s.size]), [count, ...s.stacked]));
  }

  /** The gradient rows R × P from the gradients of `layers`' tensors. */
  join(layers: readonly Tensor[]): Tensor2D {
    const count = layers[0]!.shape[0]!;
    return tf.concat(layers.map((g) => tf.reshape(g, [count, -1])), 1) as Tensor2D;
  }

  /** Row r of R × P as weight tensors in their own shapes. */
  row(rows: Tensor, r: number): Tensor[] {
    return this.slots.map((s) => tf.reshape(tf.slice(rows, [r, s.offset], [1, s.size]), s.shape));
  }

  /** Writes the rows into per-run variables: `targets[r]` gets row r, one tensor each. */
  write(rows: Tensor, targets: readonly (readonly Variable[])[]): void {
    tf.tidy(() => {
      const count = rows.shape[0]!;
      this.slots.forEach((s, k) => {
        const parts = tf.unstack(tf.reshape(tf.slice(rows, [0, s.offset], [count, s.size]), [count, ...s.shape]));
        parts.forEach((part, r) => targets[r]![k]!.assign(part));
      });
    });
  }
}

/**
 * The logits of R runs, `R × n × K`, at the stacked weights `layers`, each run on its own inputs
 * `xs[r]` (n × F): one batched matMul a layer. Runs that share one inputs tensor (full batch, no
 * mixup) broadcast it over the runs.
 */
export function rowsForward(xs: readonly Tensor2D[], layers: readonly Tensor[], activation: Activation): Tensor {
  const shared = xs.every((x) => x === xs[0]);
  let h: Tensor = shared ? tf.expandDims(xs[0]!, 0) : tf.stack([...xs]);
  const count = layers.length / 2;
  for (let l = 0; l < count; l++) {
    const z = tf.add(tf.matMul(h, layers[2 * l]!), layers[2 * l + 1]!);
    h = l + 1 < count ? mlpActivate(z, activation) : z;
  }
  return h;
}

/**
 * The objectives of `runs` (each with its step plan) at the stacked weights `layers`, as a vector
 * of R losses: the batched forward pass (rowsForward), then the runs' objectives from the stacked
 * logits (batchedObjectives.ts: runs of one loss compute it together, and their L1/L2 penalties
 * on their own weights, unless `withPenalties` is false). Differentiated with an upstream gradient
 * of ones, each run's gradient is its own loss's, so a run that diverges touches no other.
 */
export function rowsObjectives(runs: readonly TrainingRun[], plans: readonly StepPlan[], layers: readonly Tensor[], activation: Activation, withPenalties = true): Tensor1D {
  const logits = rowsForward(
    plans.map((plan) => plan.x),
    layers,
    activation,
  );
  return batchedObjectives(runs, plans, logits, layers, withPenalties);
}

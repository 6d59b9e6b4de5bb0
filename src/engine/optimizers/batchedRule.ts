import { tf, type Tensor } from '../tf';
import type { OptimizerParamSpec, OptimizerParams } from './types';

/** One run's numbers at a step, from which a batched rule computes its per-run columns. */
export interface BatchedRunStep {
  /** The run's optimizer params as its config holds them (a missing one takes its default, as in `create`). */
  params: OptimizerParams;
  /** The step's learning rate, after the schedule. */
  learningRate: number;
  /** Adam's t for this step (already advanced), for rules that count steps. */
  t: number;
}

/** A batched rule's result: the new weight rows and slot rows, in the rule's slot order. */
export interface BatchedUpdate {
  theta: Tensor;
  slots: Tensor[];
}

/**
 * An optimizer's update over the weights of R runs at once: every run's parameters flattened into
 * one row of θ (R × P, the order of TrainingRun.weightsFlat), its gradient and slots likewise, and
 * every hyperparameter a column (R × 1) broadcast along the run axis. The ops are the per-run
 * rule's, in the same order, and the columns are computed in float64 on the CPU exactly as the
 * per-run rule computes its scalars, so each row equals that run's own update within float32
 * rounding; the number of kernels no longer depends on R or on the number of weight tensors.
 */
export interface BatchedRule<K extends string = string> {
  /** Slot groups the rule carries (OptimizerCarry.slots, in the same order). */
  slots: number;
  /** Whether the rule counts steps (Adam's t): the batch then advances t before `columns`. */
  counts: boolean;
  /** Per-run values, one array of R numbers per column name. */
  columns(runs: readonly BatchedRunStep[]): Record<K, number[]>;
  /**
   * Inside a tidy: the update of rows θ from gradient rows g and slot rows, with the columns as
   * R × 1 tensors. `gradientAt(θ′)` is the (clipped) gradient at other weights of the same runs, on
   * the same minibatch (SAM looks there).
   */
  apply(theta: Tensor, g: Tensor, slots: readonly Tensor[], c: Readonly<Record<K, Tensor>>, gradientAt: (theta: Tensor) => Tensor): BatchedUpdate;
}

/** A rule with named columns, as the optimizer spec holds it (its column names are its own business). */
export function batchedRule<K extends string>(rule: BatchedRule<K>): BatchedRule {
  return rule as unknown as BatchedRule;
}

/** The value of param `spec` for a run, its default when the config leaves it out (as `create` reads it). */
export function paramColumn(runs: readonly BatchedRunStep[], spec: OptimizerParamSpec): number[] {
  return runs.map((run) => run.params[spec.id] ?? spec.default);
}

/** Each run's learning rate. */
export function learningRateColumn(runs: readonly BatchedRunStep[]): number[] {
  return runs.map((run) => run.learningRate);
}

/** ‖g‖ of each row (R × 1): each run's gradient norm over all its parameters together. */
export function rowNorms(rows: Tensor): Tensor {
  return tf.sqrt(tf.sum(tf.square(rows), 1, true));
}

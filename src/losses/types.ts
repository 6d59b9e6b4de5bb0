import type { Tensor, Tensor2D } from '../engine/tf';

/** A numeric parameter of a loss, with the range the UI and the config clamp to. */
export interface LossParamSpec {
  id: string;
  label: string;
  default: number;
  min: number;
  max: number;
  step: number;
  /** Plain-language meaning, shown as the slider's hint. */
  hint: string;
  /** For a parameter that picks one of several options: the name of each value from min to max in steps of 1. */
  valueNames?: readonly string[];
}

export type LossParams = Readonly<Record<string, number>>;

/** What a loss may need to know about the task beyond the batch in front of it. */
export interface LossContext {
  classes: number;
  /** Training-set class frequencies (sum 1), for losses that correct for imbalance. */
  classPriors: Float32Array;
  /** Training step, for losses that draw something new each minibatch. */
  step: number;
  seed: number;
}

/**
 * One loss: its words, its formula, its parameters, and the same mathematics twice — once in
 * tfjs for training, once in plain TypeScript as the reference the tests hold tfjs to.
 */
export interface LossSpec {
  id: string;
  name: string;
  /** KaTeX source of the per-example (or batch) formula. */
  tex: string;
  /** What it does and when one would use it, in a sentence or two. */
  note: string;
  /**
   * The loss-shape view its note speaks of, when that is not p_y: 'logit' draws ℓ and ∂ℓ/∂z_y
   * against the true-class logit (see lossShape.ts). The loss-shape panel opens on it.
   */
  shapeAxis?: 'logit';
  /** The paper (or "textbook") it comes from. */
  source: string;
  /** `example`: compute returns one loss per row; `batch`: one scalar for the batch. */
  level: 'example' | 'batch';
  params: readonly LossParamSpec[];
  /**
   * Why the loss cannot be used with this many classes (and, when given, these parameters; without
   * them, its defaults), or null when it can.
   */
  unavailableReason(classes: number, params?: LossParams): string | null;
  /** tfjs: logits `n × K` and one-hot targets `n × K` → per-example losses `[n]` or a scalar. */
  compute(logits: Tensor2D, targets: Tensor2D, params: LossParams, context: LossContext): Tensor;
  /** Plain TypeScript: the same value, per example (`number[]`) or for the batch (`number`). */
  reference(logits: readonly (readonly number[])[], labels: readonly number[], params: LossParams, context: LossContext): number[] | number;
}

import type { Tensor, Variable } from '../tf';
import type { BatchedRule } from './batchedRule';

/** A numeric optimizer hyperparameter with the range the config clamps it to. */
export interface OptimizerParamSpec {
  id: string;
  label: string;
  default: number;
  min: number;
  max: number;
  step: number;
}

export type OptimizerParams = Readonly<Record<string, number>>;

/** The state of one optimizer over one set of variables. */
export interface OptimizerState {
  /**
   * Updates `variables` in place from `gradients` (same order) at learning rate `learningRate`.
   * `gradientAt` evaluates the training gradient at the variables' current values, for
   * optimizers that look elsewhere before stepping (SAM); most ignore it.
   */
  apply(variables: readonly Variable[], gradients: readonly Tensor[], learningRate: number, gradientAt: () => Tensor[]): void;
  /**
   * The diagonal preconditioner P of the next step (θ ← θ − ηP⁻¹·…), one tensor per variable,
   * for optimizers whose sharpness is measured preconditioned (Adam); the caller disposes them.
   */
  preconditioner?(): Tensor[] | null;
  /** Frees the slot tensors (moments, velocities). */
  dispose(): void;
  /**
   * What the update carries from step to step, so that several runs can step as one batch
   * (batchedRuns.ts) and hand their state back: the slots, and Adam's step count t.
   */
  readonly carry: OptimizerCarry;
}

/** An optimizer's state between steps: slot groups (one Variable per model variable each) and t. */
export interface OptimizerCarry {
  /** In the order of the optimizer's batched rule (its `slots`). */
  readonly slots: readonly (readonly Variable[])[];
  /** Steps taken, for Adam's bias corrections; 0 and unused by rules without one. */
  t: number;
}

export interface OptimizerSpec {
  id: string;
  name: string;
  /** KaTeX source of the update rule. */
  tex: string;
  defaultLearningRate: number;
  params: readonly OptimizerParamSpec[];
  create(variables: readonly Variable[], params: OptimizerParams): OptimizerState;
  /** The same update over the stacked weights of several runs at once (batchedRule.ts); runs without one step looped. */
  batched?: BatchedRule;
}

import type { Scalar, Tensor1D, Tensor2D } from '../../engine/tf';
import type { LossParamSpec, LossParams } from '../types';

/**
 * Preference losses see pairs (a prompt, a chosen response y_w, a rejected one y_l); unlearning
 * losses see a forget set (and, some of them, a retain set) of prompts with their responses.
 */
export type PreferenceFamily = 'preference' | 'unlearning';

/** Policy logits over the responses for each pair's prompt, the two responses one-hot, and log π_ref of each. */
export interface PairsTf {
  logits: Tensor2D;
  chosen: Tensor2D;
  rejected: Tensor2D;
  refChosen: Tensor1D;
  refRejected: Tensor1D;
}

/** Policy logits for a set of prompts, the response to forget (or keep) one-hot, and its log π_ref. */
export interface ResponseSetTf {
  logits: Tensor2D;
  target: Tensor2D;
  ref: Tensor1D;
}

/** What a loss needs, by family: `pairs` for preference losses, `forget` (and `retain`) for unlearning. */
export interface PreferenceInputsTf {
  pairs?: PairsTf;
  forget?: ResponseSetTf;
  retain?: ResponseSetTf;
}

/** The same inputs as plain numbers, for the reference implementations. */
export interface PairsRef {
  logits: readonly (readonly number[])[];
  chosen: readonly number[];
  rejected: readonly number[];
  refChosen: readonly number[];
  refRejected: readonly number[];
}

export interface ResponseSetRef {
  logits: readonly (readonly number[])[];
  target: readonly number[];
  ref: readonly number[];
}

export interface PreferenceInputsRef {
  pairs?: PairsRef;
  forget?: ResponseSetRef;
  retain?: ResponseSetRef;
}

/** A loss's per-row terms on each set it reads (see PreferenceLossSpec.terms). */
export interface PreferenceTermsTf {
  pairs?: Tensor1D;
  forget?: Tensor1D;
  retain?: Tensor1D;
}

/**
 * One preference or unlearning loss: its words and formula, and the same mathematics twice —
 * tfjs for training, plain TypeScript (float64) for the tests to hold tfjs to. Both return the
 * batch objective (means over pairs or over the forget and retain sets).
 */
export interface PreferenceLossSpec {
  id: string;
  name: string;
  family: PreferenceFamily;
  /** KaTeX source of the objective. */
  tex: string;
  note: string;
  /** The paper it comes from, by title. */
  source: string;
  params: readonly LossParamSpec[];
  /** Whether it reads the retain set (NPO + retain loss). */
  usesRetain: boolean;
  compute(inputs: PreferenceInputsTf, params: LossParams): Scalar;
  /**
   * The same objective as one term per row of each set it reads, each term reading its own row
   * only: compute = Σ over the returned sets of the mean of that set's terms. The landscape
   * evaluates many weight vectors at once with them, every point's rows in one call.
   */
  terms(inputs: PreferenceInputsTf, params: LossParams): PreferenceTermsTf;
  reference(inputs: PreferenceInputsRef, params: LossParams): number;
}

/** The inputs a loss of this family needs, or an error naming what is missing. */
export function preferenceInputsRequire<T>(value: T | undefined, what: string, loss: string): T {
  if (value === undefined) throw new Error(`${loss} needs ${what}`);
  return value;
}

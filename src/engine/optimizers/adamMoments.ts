import { tf, type Tensor, type Variable } from '../tf';
import { emaStep } from './ema';
import { BETA1, BETA2 } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerCarry, OptimizerParams } from './types';
import { paramColumn, type BatchedRunStep } from './batchedRule';

/**
 * Adam's moment estimates (Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization",
 * Algorithm 1), shared by Adam, AdamW, Grams and AdEMAMix:
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  m̂ = m/(1−β₁ᵗ),  v̂ = v/(1−β₂ᵗ)
 * Both moments start at 0, so they are biased towards 0 early on; dividing by 1−βᵗ removes that.
 * The state owns one m and one v slot per variable, and the step count t.
 */
export interface AdamMoments {
  /** Starts the next step (t ← t + 1) and returns its bias corrections. Call once per `apply`. */
  advance(): AdamCorrections;
  /** Updates variable i's m and v from its gradient g and returns them. Call inside the caller's tidy. */
  update(i: number, g: Tensor): { m: Tensor; v: Tensor };
  /**
   * Adam's preconditioner after the steps so far, one tensor per variable (the caller disposes):
   * P = (1 − β₁ᵗ)·(√v̂ + ε), so that Adam's step is η·P⁻¹·m/… — the P of Cohen et al. 2022,
   * "Adaptive Gradient Methods at the Edge of Stability", whose preconditioned sharpness
   * λ_max(P⁻¹H) settles near (2 + 2β₁)/((1 − β₁)η). Null before the first step.
   */
  preconditioner(epsilon: number): Tensor[] | null;
  /** Frees the m and v slots. */
  dispose(): void;
  /** The m and v slots, and t (OptimizerCarry). */
  readonly carry: OptimizerCarry;
}

/** The bias corrections of step t, computed in float64 on the CPU (per-run columns in a batched rule). */
export interface AdamCorrections<T extends number | Tensor = number> {
  /** 1 − β₁ᵗ */
  first: T;
  /** 1 − β₂ᵗ */
  second: T;
}

type Corrections = AdamCorrections<number> | AdamCorrections<Tensor>;

/** Zero moments for `variables`, with β₁ and β₂ taken from `params` (ids `beta1`, `beta2`). */
export function adamMomentsCreate(variables: readonly Variable[], params: OptimizerParams): AdamMoments {
  const beta1 = params.beta1 ?? BETA1.default;
  const beta2 = params.beta2 ?? BETA2.default;
  const first = slotVariables(variables);
  const second = slotVariables(variables);
  let t = 0;
  const carry: OptimizerCarry = {
    slots: [first, second],
    get t() {
      return t;
    },
    set t(value: number) {
      t = value;
    },
  };
  return {
    carry,
    advance() {
      t += 1;
      return { first: 1 - beta1 ** t, second: 1 - beta2 ** t };
    },
    update(i, g) {
      const m = first[i]!;
      const v = second[i]!;
      m.assign(emaStep(m, g, beta1));
      v.assign(emaStep(v, tf.square(g), beta2));
      return { m, v };
    },
    preconditioner(epsilon) {
      if (t === 0) return null;
      const corrections = { first: 1 - beta1 ** t, second: 1 - beta2 ** t };
      return second.map((v) => tf.tidy(() => tf.mul(corrections.first, adamDenominator(v, corrections, epsilon))));
    },
    dispose() {
      slotsDispose(first, second);
    },
  };
}

/** m̂ = m/(1−β₁ᵗ), the bias-corrected first moment. */
export function adamFirstCorrected(m: Tensor, corrections: Corrections): Tensor {
  return tf.div(m, corrections.first);
}

/** √v̂ + ε = √(v/(1−β₂ᵗ)) + ε, Adam's per-coordinate denominator. */
export function adamDenominator(v: Tensor, corrections: Corrections, epsilon: number | Tensor): Tensor {
  return tf.add(tf.sqrt(tf.div(v, corrections.second)), epsilon);
}

/** u = m̂/(√v̂ + ε), Adam's update direction. */
export function adamDirection(m: Tensor, v: Tensor, corrections: Corrections, epsilon: number | Tensor): Tensor {
  return tf.div(adamFirstCorrected(m, corrections), adamDenominator(v, corrections, epsilon));
}

/** The moments' per-run columns for a batched rule: β₁, β₂, their complements and the bias corrections at each run's t. */
export type AdamMomentColumns = 'beta1' | 'beta1Rest' | 'beta2' | 'beta2Rest' | 'first' | 'second';

export function adamMomentColumns(runs: readonly BatchedRunStep[]): Record<AdamMomentColumns, number[]> {
  const beta1 = paramColumn(runs, BETA1);
  const beta2 = paramColumn(runs, BETA2);
  return {
    beta1,
    beta1Rest: beta1.map((b) => 1 - b),
    beta2,
    beta2Rest: beta2.map((b) => 1 - b),
    first: runs.map((run, r) => 1 - beta1[r]! ** run.t),
    second: runs.map((run, r) => 1 - beta2[r]! ** run.t),
  };
}

/** The moments' update over stacked rows, as `update` does it for one run: returns the new m and v rows. */
export function adamMomentsBatched(m: Tensor, v: Tensor, g: Tensor, c: Readonly<Record<AdamMomentColumns, Tensor>>): { m: Tensor; v: Tensor } {
  return { m: emaStep(m, g, c.beta1, c.beta1Rest), v: emaStep(v, tf.square(g), c.beta2, c.beta2Rest) };
}

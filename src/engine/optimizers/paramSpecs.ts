import type { OptimizerParamSpec } from './types';

// Hyperparameters shared by several optimizers, so each range is written once.

export const BETA1: OptimizerParamSpec = { id: 'beta1', label: 'β₁', default: 0.9, min: 0, max: 0.999, step: 0.001 };
export const BETA2: OptimizerParamSpec = { id: 'beta2', label: 'β₂', default: 0.999, min: 0, max: 0.9999, step: 0.0001 };
export const EPSILON: OptimizerParamSpec = { id: 'epsilon', label: 'ε', default: 1e-8, min: 1e-12, max: 1e-3, step: 1e-8 };
/** Adam's β₁, β₂ and ε, in menu order: the parameters of `adamMoments.ts` and the denominator. */
export const ADAM_PARAMS: readonly OptimizerParamSpec[] = [BETA1, BETA2, EPSILON];
export const MOMENTUM: OptimizerParamSpec = { id: 'momentum', label: 'μ', default: 0.9, min: 0, max: 0.999, step: 0.001 };

/** Decoupled weight decay λ (θ ← θ − ηλθ), the id `weightDecay.ts` looks for. */
export function weightDecayParam(defaultValue: number, max = 1): OptimizerParamSpec {
  return { id: 'weightDecay', label: 'λ', default: defaultValue, min: 0, max, step: 0.001 };
}

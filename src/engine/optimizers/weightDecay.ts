import { tf, type Variable } from '../tf';
import type { OptimizerSpec } from './types';

/** The parameter id under which an optimizer takes its own decoupled weight decay λ. */
export const WEIGHT_DECAY_PARAM_ID = 'weightDecay';

/**
 * True when the optimizer applies weight decay itself (AdamW, Lion, Grams, AdEMAMix): the training
 * step should then not apply the general weight-decay option on top of it.
 */
export function optimizerHasWeightDecay(optimizer: OptimizerSpec): boolean {
  return optimizer.params.some((p) => p.id === WEIGHT_DECAY_PARAM_ID);
}

/**
 * Decoupled weight decay (Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization"):
 * θ ← θ − ηλθ = (1 − ηλ)θ, applied to the weights directly, not added to the gradient. For
 * optimizers without their own λ. Call it after the gradients are taken and before
 * `OptimizerState.apply`, so the decay uses the same θ the gradient was taken at (PyTorch's order).
 */
export function weightDecayApply(variables: readonly Variable[], learningRate: number, decay: number): void {
  if (decay === 0) return;
  const factor = 1 - learningRate * decay;
  tf.tidy(() => {
    for (const theta of variables) theta.assign(tf.mul(theta, factor));
  });
}

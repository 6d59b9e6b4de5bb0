import { tf, type Tensor } from '../tf';
import { tensorsNorm } from './norm';

/**
 * Clip by global norm (as in Pascanu, Mikolov & Bengio 2013, "On the difficulty of training
 * recurrent neural networks"): if ‖g‖ > c, every gradient is scaled by c/‖g‖, so the direction is
 * kept and only the length is capped; ‖g‖ is taken over all tensors together.
 *
 * Returns new tensors the caller owns (and disposes); the inputs are left alone. Never reads back.
 */
export function gradientClipByGlobalNorm(gradients: readonly Tensor[], maxNorm: number): Tensor[] {
  if (!(maxNorm > 0)) throw new Error(`gradient clip norm must be positive: ${maxNorm}`);
  return tf.tidy(() => {
    const norm = tensorsNorm(gradients);
    // min(1, c/‖g‖); a zero norm gives c/0 = ∞ and so a factor of 1.
    const factor = tf.minimum(1, tf.div(maxNorm, norm));
    return gradients.map((g) => tf.mul(g, factor));
  });
}

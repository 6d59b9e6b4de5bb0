import { tf, type Tensor } from '../tf';

/**
 * One step of an exponential moving average, βa + (1−β)x: the moment estimates of Adam and its
 * relatives (x = g or g²), RMSProp's mean square, Lion's interpolation and its momentum. A batched
 * rule passes β and 1−β as per-run columns (1−β computed on the CPU, as here).
 */
export function emaStep(average: Tensor, x: Tensor, beta: number | Tensor, rest?: Tensor): Tensor {
  const complement = rest ?? (typeof beta === 'number' ? 1 - beta : tf.sub(1, beta));
  return tf.add(tf.mul(beta, average), tf.mul(complement, x));
}

import { tf, type Tensor } from '../tf';

/**
 * One step of an exponential moving average, βa + (1−β)x: the moment estimates of Adam and its
 * relatives (x = g or g²), RMSProp's mean square, Lion's interpolation and its momentum.
 */
export function emaStep(average: Tensor, x: Tensor, beta: number): Tensor {
  return tf.add(tf.mul(beta, average), tf.mul(1 - beta, x));
}

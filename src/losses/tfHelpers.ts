// Small tfjs idioms shared by the losses. Targets are one-hot rows, so a product with them
// picks the true class's entry; everything stays differentiable in the logits.
import { tf, type Tensor1D, type Tensor2D } from '../engine/tf';

/** The true class's entry of each row, `[n]`. */
export function tfPickTarget(values: Tensor2D, targets: Tensor2D): Tensor1D {
  return tf.sum(tf.mul(targets, values), 1);
}

/** log p_y for each row, `[n]`. */
export function tfLogPy(logits: Tensor2D, targets: Tensor2D): Tensor1D {
  return tfPickTarget(tf.logSoftmax(logits), targets);
}

/**
 * 1 − p_y for each row, as the sum of the other classes' probabilities: in float32,
 * `1 − p_y` computed by subtraction rounds to 0 long before the true value does.
 */
export function tfOneMinusPy(logits: Tensor2D, targets: Tensor2D): Tensor1D {
  return tf.sum(tf.mul(tf.sub(1, targets), tf.softmax(logits)), 1);
}

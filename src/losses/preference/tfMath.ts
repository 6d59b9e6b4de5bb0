import { tf, type Tensor1D, type Tensor2D } from '../../engine/tf';

/** log π(y|x) of each row's one-hot response, `[n]`. */
export function tfLogProbOf(logits: Tensor2D, target: Tensor2D): Tensor1D {
  return tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1);
}

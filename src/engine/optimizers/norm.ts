import { tf, type Scalar, type Tensor } from '../tf';

/** ‖(t₁, …, tₙ)‖₂: the Euclidean norm of all the tensors taken as one vector. Zero for an empty list. */
export function tensorsNorm(tensors: readonly Tensor[]): Scalar {
  return tf.tidy(() => {
    if (tensors.length === 0) return tf.scalar(0);
    return tf.sqrt(tf.addN(tensors.map((t) => tf.sum(tf.square(t))))) as Scalar;
  });
}

import { tf, type Scalar, type Tensor } from '../tf';
import { rng } from '../rng';
import { tensorsNorm } from '../optimizers/norm';

/**
 * Sharpness: the top eigenvalue λ_max of the training-loss Hessian, by power iteration on
 * Hessian-vector products taken as central differences of the gradient:
 *   Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε      (exact for a quadratic loss)
 *   λ ← vᵀHv (Rayleigh quotient, ‖v‖ = 1),   v ← Hv/‖Hv‖
 * Power iteration finds the eigenvalue of largest magnitude; on a training loss that is λ_max
 * unless a negative eigenvalue is larger in magnitude, in which case the Rayleigh quotient says so
 * by being negative. Drawn against 2/η: Cohen et al. 2021, "Gradient Descent on Neural Networks
 * Typically Occurs at the Edge of Stability".
 *
 * Returns tensors and never reads back; the caller batches the readback.
 */

export type GradientAtParams = (params: Tensor[]) => Tensor[];

export interface SharpnessOptions {
  /** Last call's eigenvector (not disposed here), or null to start from a seeded random direction. */
  warmStart: readonly Tensor[] | null;
  /** Hessian-vector products to take, at least 1. Each costs two gradient evaluations. */
  iterations: number;
  /** Finite-difference step ε along the unit vector v, default 1e-3. */
  epsilon?: number;
  /** Seed of the random start, default 1. */
  seed?: number;
}

export interface SharpnessResult {
  /** vᵀHv at the last iterate. */
  eigenvalue: Scalar;
  /** |λ_k − λ_{k−1}| / |λ_k| over the last two iterations; NaN after a single iteration. */
  relativeChange: Scalar;
  /** The unit eigenvector estimate, shaped like params: pass it back as the next warm start. */
  vector: Tensor[];
}

/** Everything returned is the caller's to dispose; everything else made here is freed. */
export function sharpnessPowerIteration(gradientAt: GradientAtParams, params: readonly Tensor[], options: SharpnessOptions): SharpnessResult {
  const epsilon = options.epsilon ?? 1e-3;
  const iterations = Math.max(1, Math.round(options.iterations));
  let vector = tf.tidy(() => normalize(options.warmStart ? [...options.warmStart] : randomDirection(params, options.seed ?? 1)));
  let eigenvalue: Scalar | null = null;
  let relativeChange: Scalar = tf.scalar(NaN);
  for (let k = 0; k < iterations; k++) {
    const v = vector;
    const previous: Scalar | null = eigenvalue;
    const next = tf.tidy((): { vector: Tensor[]; eigenvalue: Scalar; change: Scalar } => {
      const plus = gradientAt(params.map((p, i) => tf.add(p, tf.mul(epsilon, v[i]!))));
      const minus = gradientAt(params.map((p, i) => tf.sub(p, tf.mul(epsilon, v[i]!))));
      const hv = plus.map((g, i) => tf.div(tf.sub(g, minus[i]!), 2 * epsilon));
      const rayleigh = tf.addN(hv.map((h, i) => tf.sum(tf.mul(h, v[i]!)))) as Scalar;
      const change: Scalar = previous
        ? (tf.div(tf.abs(tf.sub(rayleigh, previous)), tf.maximum(tf.abs(rayleigh), 1e-12)) as Scalar)
        : (tf.scalar(NaN) as Scalar);
      return { vector: normalize(hv), eigenvalue: rayleigh, change };
    });
    tf.dispose([...v, relativeChange]);
    previous?.dispose();
    vector = next.vector;
    eigenvalue = next.eigenvalue;
    relativeChange = next.change;
  }
  return { eigenvalue: eigenvalue!, relativeChange, vector };
}

/** v/‖v‖ over all tensors together; a zero vector stays zero. */
function normalize(v: readonly Tensor[]): Tensor[] {
  return tf.tidy(() => {
    const norm = tf.maximum(tensorsNorm(v), 1e-12);
    return v.map((t) => tf.div(t, norm));
  });
}

/** A standard normal direction from a seeded generator, shaped like params. */
function randomDirection(params: readonly Tensor[], seed: number): Tensor[] {
  const random = rng(seed);
  return params.map((p) => tf.tensor(Float32Array.from({ length: p.size }, () => random.normal()), p.shape, 'float32'));
}

// How a batched evaluator walks a list of plane points: in chunks of `chunkSize`, each computed in
// one tidy and read back with one `await data()` (never dataSync, so the same code runs on
// WebGPU), the next chunk queued before the wait; then the weight penalty, which depends on the
// weights alone, added in plain TypeScript. Shared by the MLP's evaluator (evaluate.ts) and the
// mixture of experts' (moeEvaluate.ts), with the stacks both build.
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import type { DenseWeights } from '../mlp';
import type { LandscapePlane } from './params';
import { landscapePenaltyActive, landscapePenaltyAt, type LandscapePenalty } from './penalty';

/** A layer's weights with its bias as one extra row: (inputs + 1) × outputs, row-major. */
export function landscapeAugmented(layer: DenseWeights): Float32Array {
  const out = new Float32Array((layer.inputs + 1) * layer.outputs);
  out.set(layer.w);
  out.set(layer.b, layer.inputs * layer.outputs);
  return out;
}

/** Rows [centre, d1, d2?] as one [2 or 3, size] tensor. */
export function landscapeStackRows(rows: readonly Float32Array[]): Tensor2D {
  const size = rows[0]!.length;
  const flat = new Float32Array(rows.length * size);
  rows.forEach((row, k) => flat.set(row, k * size));
  return tf.tensor2d(flat, [rows.length, size]);
}

/** The chunk's coefficient rows [1, α, β?] (g × m, m = 2 for a line, 3 for a plane), row-major. */
export function landscapeCoefficients(alphas: Float32Array, betas: Float32Array, m: number): Float32Array {
  const g = alphas.length;
  const coefficients = new Float32Array(g * m);
  for (let i = 0; i < g; i++) {
    coefficients[i * m] = 1;
    coefficients[i * m + 1] = alphas[i]!;
    if (m > 2) coefficients[i * m + 2] = betas[i]!;
  }
  return coefficients;
}

export interface LandscapeChunkedSource {
  chunkSize: number;
  plane: LandscapePlane;
  penalty: LandscapePenalty | undefined;
  /** True once the evaluator is disposed. */
  disposed: () => boolean;
  /** The losses [g] of one chunk of points, as a tensor (called inside a tidy). */
  chunk: (alphas: Float32Array, betas: Float32Array) => Tensor1D;
}

/** The loss at each (alphas[i], betas[i]); `betas` may be omitted for a line. */
export async function landscapeEvaluateChunked(source: LandscapeChunkedSource, alphas: ArrayLike<number>, betas?: ArrayLike<number>): Promise<Float32Array> {
  const { chunkSize, plane, penalty } = source;
  if (source.disposed()) throw new Error('landscape evaluator used after dispose');
  if (betas && betas.length !== alphas.length) throw new Error('alphas and betas differ in length');
  if (!betas && plane.d2) throw new Error('a plane needs beta coordinates');
  const out = new Float32Array(alphas.length);
  const launch = (start: number): Tensor1D => {
    const end = Math.min(alphas.length, start + chunkSize);
    const chunkA = Float32Array.from({ length: end - start }, (_, i) => alphas[start + i]!);
    const chunkB = Float32Array.from({ length: end - start }, (_, i) => betas?.[start + i] ?? 0);
    return tf.tidy(() => source.chunk(chunkA, chunkB));
  };
  // One chunk ahead: on a GPU the next chunk's work is queued while this one is read back.
  let pending = alphas.length > 0 ? launch(0) : null;
  try {
    for (let start = 0; pending; start += chunkSize) {
      const current: Tensor1D = pending;
      pending = null;
      try {
        if (source.disposed()) throw new Error('landscape evaluator disposed during evaluation');
        pending = start + chunkSize < alphas.length ? launch(start + chunkSize) : null;
        out.set(await current.data(), start);
      } finally {
        current.dispose();
      }
    }
  } finally {
    pending?.dispose();
  }
  if (landscapePenaltyActive(penalty)) for (let i = 0; i < out.length; i++) out[i]! += landscapePenaltyAt(penalty, plane, alphas[i]!, betas?.[i] ?? 0);
  return out;
}

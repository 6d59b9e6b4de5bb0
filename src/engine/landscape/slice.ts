// 1-D slices: the loss along the straight line through two parameter sets,
// L((1−α)·θ_A + α·θ_B) = L(θ_A + α·(θ_B − θ_A)), evaluated batched like the surfaces, and the
// loss barrier between them, max over α ∈ [0, 1] of L(θ(α)) − ((1−α)·L(θ_A) + α·L(θ_B))
// (the barrier of "Landscaping Linear Mode Connectivity"; also Frankle et al. 2020, "Linear Mode
// Connectivity and the Lottery Ticket Hypothesis"). Zero means the loss never rises above the
// chord between the ends — as for any convex loss — and the two are linearly connected.
import type { DenseWeights } from '../mlp';
import { landscapeFlatten, landscapeUnflatten, landscapeCheckShapes, vectorSub } from './params';
import { landscapeEvaluator, type LandscapeEvaluatorOptions, type LandscapeObjective } from './evaluate';
import { landscapeGridAxis } from './grid';

export interface LandscapeSliceOptions extends LandscapeEvaluatorOptions {
  /** Points along the line, ends included. Default 41 (steps of 0.05 on the default range). */
  points?: number;
  /** Range of α. Default [−0.5, 1.5]. */
  range?: readonly [number, number];
}

export interface LandscapeBarrier {
  /** max_α [L(θ(α)) − chord(α)] over the sampled α in [0, 1] and both ends; never below 0. */
  height: number;
  /** Where the maximum is (0 when the loss never rises above the chord). */
  alpha: number;
}

export interface LandscapeSlice {
  alphas: Float32Array;
  losses: Float32Array;
  /** L(θ_A) and L(θ_B), evaluated alongside the slice. */
  lossA: number;
  lossB: number;
  barrier: LandscapeBarrier;
}

/**
 * The barrier from sampled losses: the largest excess of L over the chord between lossA (α = 0)
 * and lossB (α = 1) among samples with 0 ≤ α ≤ 1. The ends themselves count, with excess 0.
 */
export function landscapeBarrier(alphas: ArrayLike<number>, losses: ArrayLike<number>, lossA: number, lossB: number): LandscapeBarrier {
  let height = 0;
  let at = 0;
  for (let k = 0; k < alphas.length; k++) {
    const alpha = alphas[k]!;
    if (alpha < 0 || alpha > 1) continue;
    const excess = losses[k]! - ((1 - alpha) * lossA + alpha * lossB);
    if (excess > height) {
      height = excess;
      at = alpha;
    }
  }
  return { height, alpha: at };
}

/** The loss along the line from θ_A (α = 0) to θ_B (α = 1), and the barrier between them. */
export async function landscapeSlice(
  objective: LandscapeObjective,
  a: readonly DenseWeights[],
  b: readonly DenseWeights[],
  options: LandscapeSliceOptions = {},
): Promise<LandscapeSlice> {
  landscapeCheckShapes(b, a, 'model B');
  const alphas = landscapeGridAxis(options.range ?? [-0.5, 1.5], options.points ?? 41);
  const direction = landscapeUnflatten(vectorSub(landscapeFlatten(b), landscapeFlatten(a)), a);
  const evaluatorOptions: LandscapeEvaluatorOptions = options.maxElements === undefined ? {} : { maxElements: options.maxElements };
  const evaluator = landscapeEvaluator(objective, { center: a, d1: direction, d2: null }, evaluatorOptions);
  try {
    // The ends go in the same batch so that the chord uses numbers computed the same way.
    const all = new Float32Array(alphas.length + 2);
    all.set(alphas);
    all[alphas.length + 1] = 1;
    const values = await evaluator.evaluate(all);
    const losses = values.slice(0, alphas.length);
    const lossA = values[alphas.length]!;
    const lossB = values[alphas.length + 1]!;
    return { alphas, losses, lossA, lossB, barrier: landscapeBarrier(alphas, losses, lossA, lossB) };
  } finally {
    evaluator.dispose();
  }
}

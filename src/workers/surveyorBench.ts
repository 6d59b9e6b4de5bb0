// Timings for `npm run bench`, taken in the surveyor on the app's own model and data: one surface
// with any of the evaluator's strategies (rank-3 `batched`, 2-D `stacked2d`, `perPoint`) or looped
// (one forward pass per grid point, as Li et al.'s code does), and a large plain matMul for the
// backend's attainable FLOP/s.
import { tf } from '../engine/tf';
import { rng } from '../engine/rng';
import {
  landscapeGrid,
  landscapeGridPoints,
  landscapeGridSquare,
  landscapeRandomPlane,
  landscapeUnflatten,
  type LandscapeEvaluator,
  type LandscapeGridSpec,
  type LayerShape,
} from '../engine/landscape';
import { surveyEvaluator, type SurveyStrategy } from './surveyorEvaluator';
import type { SurveyorModel } from './surveyorSession';
import type { SurveyorBenchMode } from './surveyorProtocol';

export interface SurfaceTiming {
  ms: number;
  points: number;
  strategy: string;
  /** The FLOPs of one plain forward pass per grid point (2·n·Σ in·out), the work a surface needs. */
  usefulFlops: number;
  /**
   * The matMul FLOPs the strategy actually issues for the grid. `stacked2d` does every layer after
   * the first three times over (H·W, H·D₁, H·D₂), so usefulFlops / matMulFlops bounds its FLOP
   * efficiency even at the large-matMul rate.
   */
  matMulFlops: number;
  examples: number;
}

function forwardFlops(shapes: readonly LayerShape[], examples: number): number {
  return 2 * examples * shapes.reduce((sum, l) => sum + l.inputs * l.outputs, 0);
}

/**
 * MatMul FLOPs per grid point of a strategy on a plane (m = 3 coefficient rows [1, α, β]): all of
 * them share X·[W₀ | D₁ | D₂] and form the first layer as [1, α, β] times that stack
 * (2·m·n·h₁); the later layers cost one forward pass for `batched` and `perPoint`, m for `stacked2d`.
 */
function strategyFlops(strategy: string, shapes: readonly LayerShape[], examples: number): number {
  const [first, ...later] = shapes;
  if (!first) return 0;
  const m = 3;
  const firstLayer = strategy === 'looped' ? forwardFlops([first], examples) : 2 * m * examples * first.outputs;
  return firstLayer + (strategy === 'stacked2d' ? m : 1) * forwardFlops(later, examples);
}

/**
 * Evaluates, untimed, calls of the same shapes as the timed grid's: its first chunk and its last,
 * shorter one. Kernels set up per shape (WebGPU shaders, wasm scratch memory) are then in place,
 * which a smaller warm-up grid does not guarantee (an 11×11 surface timed after a 3×3 warm-up took
 * 1.5–4× as long as the same surface timed again). Looped has no chunk shapes; a few points do.
 */
export async function surfaceWarmUp(evaluator: LandscapeEvaluator, spec: LandscapeGridSpec, looped: boolean): Promise<void> {
  const { alphas, betas } = landscapeGridPoints(spec);
  const total = alphas.length;
  const first = Math.min(total, looped ? 9 : evaluator.chunkSize);
  await evaluator.evaluate(alphas.subarray(0, first), betas.subarray(0, first));
  const rest = looped ? 0 : total % evaluator.chunkSize;
  if (total > evaluator.chunkSize && rest > 0) await evaluator.evaluate(alphas.subarray(total - rest), betas.subarray(total - rest));
}

/**
 * Times one R×R surface around `weights` after a warm-up of the same shapes. `default`: the
 * strategy the surveyor uses now (`chosen`, or the engine's default for the backend).
 */
export async function benchSurface(
  model: SurveyorModel,
  weights: Float32Array,
  resolution: number,
  mode: SurveyorBenchMode | SurveyStrategy,
  chosen: SurveyStrategy | null = null,
): Promise<SurfaceTiming> {
  const { objective, shapes } = model;
  const plane = landscapeRandomPlane(landscapeUnflatten(weights, shapes), 1);
  const spec = landscapeGridSquare(1, resolution);
  const examples = objective.x.shape[0];
  const points = resolution * resolution;
  const usefulFlops = forwardFlops(shapes, examples) * points;
  const strategy = mode === 'default' ? chosen : mode;
  const evaluator = surveyEvaluator(objective, plane, strategy);
  try {
    await surfaceWarmUp(evaluator, spec, strategy === 'looped');
    const started = performance.now();
    await landscapeGrid(evaluator, spec);
    const ms = performance.now() - started;
    return { ms, points, strategy: evaluator.strategy, usefulFlops, matMulFlops: strategyFlops(evaluator.strategy, shapes, examples) * points, examples };
  } finally {
    evaluator.dispose();
  }
}

/** Milliseconds per size×size×size matMul and the FLOP/s it reaches, the best of `repeats`. */
export async function benchMatMul(size: number, repeats: number): Promise<{ ms: number; flops: number }> {
  const random = rng(11);
  const values = Float32Array.from({ length: size * size }, () => random.normal());
  const a = tf.tensor2d(values, [size, size]);
  const b = tf.tensor2d(values.reverse(), [size, size]);
  try {
    let best = Infinity;
    for (let r = 0; r < repeats + 1; r++) {
      const started = performance.now();
      const product = tf.matMul(a, b);
      await product.data();
      product.dispose();
      // The first run compiles shaders or warms caches; it is not counted.
      if (r > 0) best = Math.min(best, performance.now() - started);
    }
    return { ms: best, flops: (2 * size ** 3) / (best / 1000) };
  } finally {
    a.dispose();
    b.dispose();
  }
}

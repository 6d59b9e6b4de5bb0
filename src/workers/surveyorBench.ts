// Timings for `npm run bench`, taken in the surveyor on the app's own model and data: one surface
// batched, per point, or looped (one forward pass per grid point, as Li et al.'s code does), and a
// large plain matMul for the backend's attainable FLOP/s.
import { tf } from '../engine/tf';
import { rng } from '../engine/rng';
import {
  landscapeEvaluator,
  landscapeGrid,
  landscapeGridLooped,
  landscapeGridSquare,
  landscapeRandomPlane,
  landscapeUnflatten,
  type LayerShape,
} from '../engine/landscape';
import type { SurveyorModel } from './surveyorSession';
import type { SurveyorBenchMode } from './surveyorProtocol';

export interface SurfaceTiming {
  ms: number;
  points: number;
  strategy: string;
  /** The FLOPs of one plain forward pass per grid point (2·n·Σ in·out), the work a surface needs. */
  usefulFlops: number;
  examples: number;
}

function forwardFlops(shapes: readonly LayerShape[], examples: number): number {
  return 2 * examples * shapes.reduce((sum, l) => sum + l.inputs * l.outputs, 0);
}

/** Times one R×R surface around `weights` (after a small warm-up surface on the same path). */
export async function benchSurface(model: SurveyorModel, weights: Float32Array, resolution: number, mode: SurveyorBenchMode): Promise<SurfaceTiming> {
  const { objective, shapes } = model;
  const plane = landscapeRandomPlane(landscapeUnflatten(weights, shapes), 1);
  const spec = landscapeGridSquare(1, resolution);
  const warm = landscapeGridSquare(1, 3);
  const examples = objective.x.shape[0];
  const usefulFlops = forwardFlops(shapes, examples) * resolution * resolution;
  if (mode === 'looped') {
    await landscapeGridLooped(objective, plane, warm);
    const started = performance.now();
    await landscapeGridLooped(objective, plane, spec);
    return { ms: performance.now() - started, points: resolution * resolution, strategy: 'looped', usefulFlops, examples };
  }
  const evaluator = landscapeEvaluator(objective, plane, mode === 'default' ? {} : { strategy: mode });
  try {
    await landscapeGrid(evaluator, warm);
    const started = performance.now();
    await landscapeGrid(evaluator, spec);
    return { ms: performance.now() - started, points: resolution * resolution, strategy: evaluator.strategy, usefulFlops, examples };
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

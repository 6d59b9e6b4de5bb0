// The surveyor's evaluation strategies: the engine's three batched ones, and `looped` (one plain
// forward pass per grid point), which measured fastest on tfjs's wasm and cpu backends for the
// app's small models (its per-op overhead is small there, and it issues no Concat, Slice or
// rank-3 matMul). Which one a surface uses is decided by timing (backendTrials.ts).
import { LANDSCAPE_STRATEGIES, landscapeEvaluateLooped, landscapeEvaluator, type LandscapeEvaluator, type LandscapeObjective, type LandscapePlane, type LandscapeStrategy } from '../engine/landscape';

export type SurveyStrategy = LandscapeStrategy | 'looped';

/** Every strategy, in the order they are timed (and preferred on a tie). */
export const SURVEY_STRATEGIES: readonly SurveyStrategy[] = ['looped', ...LANDSCAPE_STRATEGIES];

/**
 * Points per `evaluate` call of a looped evaluator when streaming: about two rows of a 51×51 grid,
 * like the batched strategies' chunks, so progress comes as often.
 */
const LOOPED_CHUNK = 128;

export function surveyStrategyIs(value: string | null | undefined): value is SurveyStrategy {
  return (SURVEY_STRATEGIES as readonly string[]).includes(value ?? '');
}

/** An evaluator for the plane with the given strategy (the backend's default when null). */
export function surveyEvaluator(objective: LandscapeObjective, plane: LandscapePlane, strategy: SurveyStrategy | null): LandscapeEvaluator {
  if (strategy !== 'looped') return landscapeEvaluator(objective, plane, strategy ? { strategy } : {});
  let disposed = false;
  return {
    chunkSize: LOOPED_CHUNK,
    // The interface names the engine's strategies; looped has no tensors of its own to hold.
    strategy: 'looped' as unknown as LandscapeStrategy,
    evaluate: (alphas, betas) => {
      if (disposed) throw new Error('landscape evaluator used after dispose');
      return landscapeEvaluateLooped(objective, plane, alphas, betas);
    },
    dispose: () => {
      disposed = true;
    },
  };
}

// Timings of a worker's own workload on the backend that is current, for the backend decision
// (backendDecision.ts): a few hundred milliseconds of the trainer's steps, or of the surveyor's
// grid evaluation with each strategy. Each starts with an untimed call of the same shapes, which
// pays the first-use costs (shader compilation, kernel set-up, wasm memory growth).
import { tf } from '../engine/tf';
import { configRuns, type ExperimentConfig } from '../engine/config';
import type { DataTable } from '../engine/dataTable';
import { TrainingRun } from '../engine/trainingRun';
import { chunkStep } from './chunkStepping';
import { sustainedStepRate } from './sustainedStepRate';
import { trainingDataCreate } from '../engine/trainingData';
import type { DenseWeights } from '../engine/mlp';
import { landscapeGridPoints, landscapeGridSquare, landscapeRandomPlane, type LandscapeEvaluator, type LandscapeObjective } from '../engine/landscape';
import { backendForwardWork } from './backendDecision';
import { surveyEvaluator, type SurveyStrategy } from './surveyorEvaluator';

type Now = () => number;
const defaultNow: Now = () => performance.now();

/** The work of one training step of a config (all its runs), for its size class. */
export function trainingWork(config: ExperimentConfig, examples: number, features: number, classes: number): number {
  const batch = config.optimizer.batchSize > 0 ? Math.min(config.optimizer.batchSize, examples) : examples;
  const sizes = [features, ...Array.from({ length: config.model.layers }, () => config.model.width), classes];
  return backendForwardWork(batch, sizes) * configRuns(config).length;
}

/** How the runs of a comparison take a step: one after another, or as one batched computation (batchedStep.ts). */
export type TrainingStrategy = 'looped' | 'batched';

/**
 * The strategies worth timing for a config: batched too when it has compare runs that can step as
 * one batch (an MLP, all of one minibatch size; the model is always shared).
 */
export function trainingStrategies(config: ExperimentConfig, examples: number): TrainingStrategy[] {
  const runs = configRuns(config);
  const batch = (c: ExperimentConfig): number => (c.optimizer.batchSize > 0 ? Math.min(c.optimizer.batchSize, examples) : examples);
  // A mixture of experts steps on its own (batchedStepFits).
  const mlp = config.model.kind !== 'moe';
  return mlp && runs.length > 1 && runs.every((c) => batch(c) === batch(runs[0]!)) ? ['looped', 'batched'] : ['looped'];
}

/**
 * Training steps per second of the config (every run stepping in lockstep, as the session does,
 * looped or batched), on the current backend: chunks of steps with one loss readback each, sized
 * like the session's (about 25 ms, or 100 ms on a GPU backend where each readback drains the
 * queue), for `budgetMs`. A step is one step of every run.
 */
export async function trainingTrial(
  config: ExperimentConfig,
  table: DataTable | null,
  budgetMs: number,
  now: Now = defaultNow,
  strategy: TrainingStrategy = 'looped',
): Promise<number> {
  const data = trainingDataCreate(config, table);
  const runs: TrainingRun[] = [];
  try {
    for (const runConfig of configRuns(config)) runs.push(new TrainingRun(runConfig, data));
    // Stepped as the session steps a chunk (chunkStepping.ts): a batch held for the whole chunk.
    const stepChunk = (count: number): tf.Scalar[] =>
      chunkStep(runs, count, strategy).flatMap((chunk) => {
        tf.dispose(chunk.telemetry);
        return chunk.losses;
      });
    return await sustainedStepRate(stepChunk, budgetMs, now);
  } finally {
    for (const run of runs) run.dispose();
    data.dispose();
  }
}

export interface SurveyStrategyTiming {
  strategy: SurveyStrategy;
  /** Grid points per second; null when the strategy failed here. */
  rate: number | null;
  error?: string;
  /** False: it was so much slower than the best already timed that its warm-up is the estimate. */
  timed: boolean;
}

/** A strategy slower than the best so far by this factor in its warm-up is not timed further. */
const SKIP_FACTOR = 4;
/** A warm-up call of a full chunk that would take longer than this is left out (the small calls estimate it). */
const CHUNK_WARMUP_MAX_MS = 1000;
const SMALL_CALL = 8;
/** Strategies within this factor of the best after the first round are timed again. */
const SECOND_ROUND_FACTOR = 1.5;

/**
 * Grid points per second of each strategy on the current backend, around `center` on a random
 * plane, evaluated the way a surface is streamed: calls of the rows that fill one evaluator chunk
 * of a `resolution`² grid. Each strategy first evaluates a few points untimed (first-use costs),
 * then a few timed; unless that already shows it far slower than the best so far, a full call is
 * evaluated untimed (its shapes' first use) and then timed, in two rounds over the strategies.
 */
export async function surveyTrial(
  objective: LandscapeObjective,
  center: readonly DenseWeights[],
  strategies: readonly SurveyStrategy[],
  budgetMs: number,
  resolution = 51,
  now: Now = defaultNow,
): Promise<SurveyStrategyTiming[]> {
  const plane = landscapeRandomPlane(center, 1);
  const spec = landscapeGridSquare(1, resolution);
  // Two rounds over the strategies, each timed for half its share per round: load that comes and
  // goes on the machine then falls on more than one strategy's only sample. A rate is the
  // sustained one over all of a strategy's timed calls (costs that come now and then, like
  // garbage collection, make the fastest single call promise too much).
  const share = budgetMs / Math.max(1, strategies.length) / 2;
  type Points = { alphas: Float32Array; betas: Float32Array };
  interface Probe {
    strategy: SurveyStrategy;
    /** Null when the strategy could not even be set up here. */
    evaluator: LandscapeEvaluator | null;
    /** What is timed: a production-sized call, or a few points when a call would be too slow. */
    points: Points;
    msPerPoint: number;
    /** Timed milliseconds and points so far, over both rounds. */
    ms: number;
    evaluated: number;
    timed: boolean;
    error?: string;
  }
  /** Calls for at least `minMs` (one call at least), adding to the probe's totals; returns its ms per point so far. */
  const timeCalls = async (probe: Probe, minMs: number): Promise<number> => {
    const started = now();
    do {
      await probe.evaluator!.evaluate(probe.points.alphas, probe.points.betas);
      probe.evaluated += probe.points.alphas.length;
    } while (now() - started < minMs);
    probe.ms += Math.max(0.001, now() - started);
    return probe.ms / probe.evaluated;
  };
  const probes: Probe[] = [];
  let bestMsPerPoint = Infinity;
  try {
    for (const strategy of strategies) {
      let probe: Probe | null = null;
      try {
        const evaluator = surveyEvaluator(objective, plane, strategy);
        probe = { strategy, evaluator, points: { alphas: new Float32Array(0), betas: new Float32Array(0) }, msPerPoint: Infinity, ms: 0, evaluated: 0, timed: false };
        probes.push(probe);
        const rows = Math.max(1, Math.min(resolution, Math.floor(evaluator.chunkSize / resolution)));
        const start = Math.floor((resolution - rows) / 2);
        const call = landscapeGridPoints(spec, start, start + rows);
        const small = { alphas: call.alphas.subarray(0, SMALL_CALL), betas: call.betas.subarray(0, SMALL_CALL) };
        await evaluator.evaluate(small.alphas, small.betas);
        probe.points = small;
        const smallMsPerPoint = await timeCalls(probe, 0);
        probe.msPerPoint = smallMsPerPoint;
        // A few points misjudge the batched strategies (their set-up is shared by a whole chunk):
        // they get a production-sized call whenever one is affordable.
        const chunkWorth = strategy !== 'looped' && call.alphas.length > SMALL_CALL && smallMsPerPoint * call.alphas.length < CHUNK_WARMUP_MAX_MS;
        if (chunkWorth || smallMsPerPoint <= SKIP_FACTOR * bestMsPerPoint) {
          if (chunkWorth) {
            await evaluator.evaluate(call.alphas, call.betas);
            probe.points = call;
            probe.ms = 0;
            probe.evaluated = 0;
          }
          probe.msPerPoint = await timeCalls(probe, share);
          probe.timed = true;
        }
        bestMsPerPoint = Math.min(bestMsPerPoint, probe.msPerPoint);
      } catch (error) {
        // One strategy failing on a backend (a kernel it lacks) leaves the others to choose from.
        if (probe) probe.error = error instanceof Error ? error.message : String(error);
        else probes.push({ strategy, evaluator: null, points: { alphas: new Float32Array(0), betas: new Float32Array(0) }, msPerPoint: Infinity, ms: 0, evaluated: 0, timed: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    for (const probe of probes) {
      // The second round only for strategies still in the running.
      if (!probe.evaluator || !probe.timed || probe.error || probe.msPerPoint > SECOND_ROUND_FACTOR * bestMsPerPoint) continue;
      try {
        probe.msPerPoint = await timeCalls(probe, share);
        bestMsPerPoint = Math.min(bestMsPerPoint, probe.msPerPoint);
      } catch (error) {
        probe.error = error instanceof Error ? error.message : String(error);
      }
    }
  } finally {
    for (const probe of probes) probe.evaluator?.dispose();
  }
  const timings: SurveyStrategyTiming[] = probes.map((p) =>
    p.error ? { strategy: p.strategy, rate: null, timed: false, error: p.error } : { strategy: p.strategy, rate: 1000 / p.msPerPoint, timed: p.timed },
  );
  return timings;
}

// Loss surfaces in the engine benchmark: every strategy on each backend after a warm-up of the
// timed grid's own shapes (surveyorBench.ts), the large-matMul rate, the app's choice of backend
// and strategy from its own short trials, and the live rate the cadence logic would give.
import { tf } from '../../src/engine/tf';
import { configClamp, type ExperimentConfig } from '../../src/engine/config';
import { mlpInitWeights } from '../../src/engine/mlp';
import { TrainingRun } from '../../src/engine/trainingRun';
import { trainingDataCreate, type TrainingData } from '../../src/engine/trainingData';
import { landscapeGrid, landscapeGridSquare, landscapeRandomPlane, landscapeUnflatten } from '../../src/engine/landscape';
import { backendDecide, type BackendTrial } from '../../src/workers/backendDecision';
import { surveyTrial } from '../../src/workers/backendTrials';
import { benchMatMul, benchSurface } from '../../src/workers/surveyorBench';
import { SURVEY_STRATEGIES, surveyEvaluator, type SurveyStrategy } from '../../src/workers/surveyorEvaluator';
import { surveyorModelBuild, type SurveyorModel } from '../../src/workers/surveyorSession';
import { liveResolutionFor } from '../../src/app/landscapeCadence';
import type { EngineBackend } from './backends';

/** The app bench's landscape model: 2-32-32-3 MLP; 1 666 points split 60/20/20 leave 1 000. */
export const LANDSCAPE_BENCH_CONFIG: ExperimentConfig = configClamp({
  data: { kind: 'blobs', points: 1666, noise: 0.1, classes: 3, seed: 1 },
  model: { layers: 2, width: 32, activation: 'relu' },
  loss: { id: 'ce', params: {}, addons: {} },
  optimizer: { id: 'adam', learningRate: 0.01, batchSize: 0, params: {} },
  metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
  seed: 1,
}).config;

export interface SurfaceOptions {
  resolution: number;
  /** A strategy whose 11×11 time predicts more than this for the full grid is not timed at full size. */
  maxSurfaceMs: number;
  /** The surveyor's trial budget (surveyor.worker.ts). */
  trialMs: number;
  matMulSizes: number[];
  log: (line: string) => void;
}

export interface BackendSurfaces {
  /** 11×11 timings per strategy (after the warm-up), ms. */
  previewMs: Partial<Record<SurveyStrategy, number>>;
  /** Full-grid timings per strategy, ms, or why it was not timed. */
  fullMs: Partial<Record<SurveyStrategy, number | string>>;
  examples: number;
  usefulFlops: number;
  matMulGflops: Record<string, number>;
  /** The app's short trials on this backend, one per strategy. */
  trials: BackendTrial[];
}

/** Weights a little way into training, as a surface would be taken around. */
async function trainedWeights(config: ExperimentConfig, data: TrainingData, steps: number): Promise<Float32Array> {
  const run = new TrainingRun(config, data);
  try {
    for (let i = 0; i < steps; i++) run.trainStep().loss.dispose();
    const flat = run.weightsFlat();
    const values = (await flat.data()) as Float32Array;
    flat.dispose();
    return values;
  } finally {
    run.dispose();
  }
}

/** Every strategy's surfaces on the current backend; `candidate`: also the app's own short trials. */
export async function surfacesOn(backend: EngineBackend, options: SurfaceOptions, candidate: boolean): Promise<BackendSurfaces> {
  const config = LANDSCAPE_BENCH_CONFIG;
  const data = trainingDataCreate(config, null);
  try {
    const model = surveyorModelBuild(config, data, 0, 0);
    const weights = await trainedWeights(config, data, 100);
    const R = options.resolution;
    const previewMs: BackendSurfaces['previewMs'] = {};
    const fullMs: BackendSurfaces['fullMs'] = {};
    let usefulFlops = 0;
    for (const strategy of SURVEY_STRATEGIES) {
      const preview = await benchSurface(model, weights, 11, strategy);
      previewMs[strategy] = preview.ms;
      const predicted = (preview.ms * R * R) / 121;
      if (predicted > options.maxSurfaceMs) {
        fullMs[strategy] = `skipped: about ${(predicted / 1000).toFixed(0)} s predicted`;
      } else {
        const full = await benchSurface(model, weights, R, strategy);
        fullMs[strategy] = full.ms;
        usefulFlops = full.usefulFlops;
      }
      options.log(`surface ${backend}/${strategy}: 11×11 ${preview.ms.toFixed(0)} ms, ${R}×${R} ${typeof fullMs[strategy] === 'number' ? `${(fullMs[strategy] as number).toFixed(0)} ms` : fullMs[strategy]}`);
    }
    const matMulGflops: Record<string, number> = {};
    for (const size of options.matMulSizes) matMulGflops[String(size)] = (await benchMatMul(size, 3)).flops / 1e9;
    const trials = candidate ? await appTrials(backend, model, config, data) : [];
    return { previewMs, fullMs, examples: model.objective.x.shape[0], usefulFlops, matMulGflops, trials };

    async function appTrials(b: EngineBackend, m: SurveyorModel, c: ExperimentConfig, d: TrainingData): Promise<BackendTrial[]> {
      const shape = { inputs: d.dataset.features, hidden: m.shapes.slice(0, -1).map((l) => l.outputs), outputs: d.dataset.classes, activation: m.objective.activation };
      const timings = await surveyTrial(m.objective, mlpInitWeights(shape, c.seed), SURVEY_STRATEGIES, options.trialMs);
      return timings.map((t) => ({ backend: b, strategy: t.strategy, rate: t.rate }));
    }
  } finally {
    data.dispose();
  }
}

/**
 * Live surfaces per second on the current backend with `strategy`: the resolution the cadence
 * logic starts at from the measured time per point, then surfaces around the trained weights on a
 * new plane each time (as each live surface has), back to back for `seconds`. This is what the
 * backend can do; the app paces live surfaces below it (landscapeCadence.ts: 10 a second where a
 * full surface is fast, else 2.5 with the surveyor busy about half the time).
 */
export async function liveRate(strategy: SurveyStrategy, msPer51: number, seconds: number): Promise<{ hz: number; resolution: number }> {
  const config = LANDSCAPE_BENCH_CONFIG;
  const data = trainingDataCreate(config, null);
  try {
    const model = surveyorModelBuild(config, data, 0, 0);
    const weights = await trainedWeights(config, data, 100);
    const resolution = liveResolutionFor(msPer51 / (51 * 51), 51);
    const spec = landscapeGridSquare(1, resolution);
    const center = landscapeUnflatten(weights, model.shapes);
    const once = async (seed: number): Promise<void> => {
      const evaluator = surveyEvaluator(model.objective, landscapeRandomPlane(center, seed), strategy);
      try {
        await landscapeGrid(evaluator, spec);
      } finally {
        evaluator.dispose();
      }
    };
    await once(0);
    const started = performance.now();
    let count = 0;
    while (performance.now() - started < seconds * 1000) await once(++count);
    return { hz: (count * 1000) / (performance.now() - started), resolution };
  } finally {
    data.dispose();
  }
}

/** The app's landscape decision over every backend's trials. */
export function landscapeChoice(trials: BackendTrial[]) {
  return backendDecide(trials, 'survey:bench');
}

export function tensorsAlive(): number {
  return tf.memory().numTensors;
}

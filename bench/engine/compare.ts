// Compare runs in the engine benchmark: six runs of the bench model (losses and optimizers
// differing, as a comparison has them) stepping one after another or as one batched computation
// (src/engine/batchedStep.ts), against one run alone.
import { configRuns, type ExperimentConfig } from '../../src/engine/config';
import { tf } from '../../src/engine/tf';
import { BatchedRuns } from '../../src/engine/batchedRuns';
import type { StepResult } from '../../src/engine/trainingRunTypes';
import { trainingDataCreate } from '../../src/engine/trainingData';
import { TrainingRun } from '../../src/engine/trainingRun';
import { trainingTrial, type TrainingStrategy } from '../../src/workers/backendTrials';
import { TRAIN_BENCH_CONFIG } from './training';

/** The bench model with five compare runs: six in all, the most a comparison has. */
export const COMPARE6_CONFIG: ExperimentConfig = {
  ...TRAIN_BENCH_CONFIG,
  compare: {
    runs: [
      { loss: { id: 'focal', params: { gamma: 2 }, addons: {} }, optimizer: TRAIN_BENCH_CONFIG.optimizer, training: TRAIN_BENCH_CONFIG.training },
      { loss: TRAIN_BENCH_CONFIG.loss, optimizer: { ...TRAIN_BENCH_CONFIG.optimizer, id: 'sgd', learningRate: 0.3 }, training: TRAIN_BENCH_CONFIG.training },
      { loss: { id: 'label-smoothing', params: { epsilon: 0.1 }, addons: {} }, optimizer: { ...TRAIN_BENCH_CONFIG.optimizer, id: 'momentum', learningRate: 0.1, params: { momentum: 0.9 } }, training: TRAIN_BENCH_CONFIG.training },
      { loss: { id: 'hinge', params: { c: 1 }, addons: {} }, optimizer: TRAIN_BENCH_CONFIG.optimizer, training: TRAIN_BENCH_CONFIG.training },
      { loss: TRAIN_BENCH_CONFIG.loss, optimizer: { ...TRAIN_BENCH_CONFIG.optimizer, learningRate: 0.003 }, training: TRAIN_BENCH_CONFIG.training },
    ],
  },
};

/** Six runs of one loss (cross-entropy) and optimizer at their own learning rates: one loss computation a step. */
export const SAME_LOSS6_CONFIG: ExperimentConfig = {
  ...TRAIN_BENCH_CONFIG,
  compare: { runs: [0.02, 0.005, 0.003, 0.03, 0.001].map((learningRate) => ({ loss: TRAIN_BENCH_CONFIG.loss, optimizer: { ...TRAIN_BENCH_CONFIG.optimizer, learningRate }, training: TRAIN_BENCH_CONFIG.training })) },
};

/** Three runs of cross-entropy and three of focal with their own γ, over Adam and SGD: two loss computations a step. */
export const MIXED6_CONFIG: ExperimentConfig = {
  ...TRAIN_BENCH_CONFIG,
  compare: {
    runs: [
      { loss: TRAIN_BENCH_CONFIG.loss, optimizer: { ...TRAIN_BENCH_CONFIG.optimizer, learningRate: 0.003 }, training: TRAIN_BENCH_CONFIG.training },
      { loss: TRAIN_BENCH_CONFIG.loss, optimizer: { ...TRAIN_BENCH_CONFIG.optimizer, id: 'sgd', learningRate: 0.3 }, training: TRAIN_BENCH_CONFIG.training },
      ...[2, 1, 3].map((gamma, i) => ({
        loss: { id: 'focal', params: { gamma }, addons: {} },
        optimizer: i === 2 ? { ...TRAIN_BENCH_CONFIG.optimizer, id: 'sgd', learningRate: 0.3 } : { ...TRAIN_BENCH_CONFIG.optimizer, learningRate: [0.01, 0.003][i]! },
        training: TRAIN_BENCH_CONFIG.training,
      })),
    ],
  },
};

/** The bench's comparison with the gradient telemetry taken every step (the app's default is every 10th). */
export const TELEMETRY6_CONFIG: ExperimentConfig = { ...COMPARE6_CONFIG, metrics: { ...COMPARE6_CONFIG.metrics, telemetryEvery: 1 } };

/** Six runs of cross-entropy, each with an L2 penalty. */
export const SAME_LOSS_L2_6_CONFIG: ExperimentConfig = {
  ...SAME_LOSS6_CONFIG,
  training: { ...SAME_LOSS6_CONFIG.training, regularization: 'l2', regularizationRate: 0.01 },
  compare: { runs: SAME_LOSS6_CONFIG.compare.runs.map((run) => ({ ...run, training: { ...run.training, regularization: 'l2', regularizationRate: 0.01 } })) },
};

export interface CompareRates {
  /** Steps per second of the base run alone. */
  one: number;
  /** Steps per second of all six runs (a step: one step of every run), looped and batched. */
  looped: number;
  batched: number;
  /** Six runs' total steps per second over one run's, with the faster strategy. */
  throughputRatio: number;
  batchedOverLooped: number;
}

/** Interleaved rounds (one, looped, batched, …), so load that comes and goes falls on all three. */
export async function compareRates(measureMs: number, rounds = 2): Promise<CompareRates> {
  const single: ExperimentConfig = { ...COMPARE6_CONFIG, compare: { runs: [] } };
  const sums = { one: 0, looped: 0, batched: 0 };
  for (let round = 0; round < rounds; round++) {
    sums.one += await trainingTrial(single, null, measureMs);
    sums.looped += await trainingTrial(COMPARE6_CONFIG, null, measureMs, undefined, 'looped');
    sums.batched += await trainingTrial(COMPARE6_CONFIG, null, measureMs, undefined, 'batched');
  }
  const one = sums.one / rounds;
  const looped = sums.looped / rounds;
  const batched = sums.batched / rounds;
  const runs = COMPARE6_CONFIG.compare.runs.length + 1;
  return { one, looped, batched, throughputRatio: (runs * Math.max(looped, batched)) / one, batchedOverLooped: batched / looped };
}

/**
 * Kernels a step of every run launches (tfjs's profiler, one step after a warm-up): what a
 * backend's per-kernel overhead multiplies, and so what batching saves on WebGPU. A batched step is
 * counted inside a batch held over steps, as chunks take them; `handBack` is what a batch costs once,
 * set up and handed back to the runs when they are read.
 */
export async function kernelsPerStep(config: ExperimentConfig, strategy: TrainingStrategy): Promise<{ step: number; handBack: number }> {
  const data = trainingDataCreate(config, null);
  const runs = configRuns(config).map((c) => new TrainingRun(c, data));
  const release = (results: StepResult[]): void => tf.dispose(results.flatMap((r) => (r.telemetry ? [r.loss, r.telemetry] : [r.loss])));
  try {
    if (strategy === 'looped') {
      const step = (): void => release(runs.map((run) => run.trainStep()));
      step();
      return { step: (await tf.profile(step)).kernels.length, handBack: 0 };
    }
    let held!: BatchedRuns;
    // Read at once: the profiler hands back the same object, refilled, on its next call.
    const setUpKernels = (
      await tf.profile(() => {
        held = new BatchedRuns(runs);
      })
    ).kernels.length;
    try {
      release(held.step());
      const step = (await tf.profile(() => release(held.step()))).kernels.length;
      const handBack = (await tf.profile(() => held.handBack())).kernels.length;
      return { step, handBack: setUpKernels + handBack };
    } finally {
      held.handBack();
    }
  } finally {
    for (const run of runs) run.dispose();
    data.dispose();
  }
}

import { describe, expect, it } from 'vitest';
import { configClamp, configRuns, type ExperimentConfig } from './config';
import { batchedTrainSteps } from './batchedStep';
import { tf } from './tf';
import { trainingDataCreate, type TrainingData } from './trainingData';
import { TrainingRun } from './trainingRun';
import { OPTIMIZERS, optimizerById } from './optimizers/registry';
import type { BatchedRunStep } from './optimizers/batchedRule';

// Every optimizer's batched update (optimizers/batchedRule.ts) against the same runs stepped one
// by one (TrainingRun.trainStep): the weights of each run after N steps, with learning rates,
// schedules, hyperparameters, weight decay and clipping differing per run.

const BASE = {
  data: { kind: 'moons', points: 160 },
  model: { layers: 2, width: 6, activation: 'tanh' },
  loss: { id: 'ce' },
  metrics: { telemetryEvery: 0, calibrationEvery: 0, sharpnessEvery: 0 },
  // A short plan, so the schedules move within the few steps taken.
  training: { totalSteps: 12 },
  seed: 11,
};
const STEPS = 12;

/** Per-run options for three runs of one optimizer: their rates, schedules and hyperparameters differ. */
function variants(id: string): Record<string, unknown>[] {
  const spec = optimizerById(id);
  // Each hyperparameter inside its range, different per run and from the run's other ones (β₁ ≠ β₂).
  const params = (k: number): Record<string, number> =>
    Object.fromEntries(spec.params.map((p, i) => [p.id, p.id === 'epsilon' ? [1e-8, 1e-6, 1e-4][k]! : p.min + (p.max - p.min) * [0.9, 0.5, 0.7, 0.3][(k + i) % 4]!]));
  const rate = spec.defaultLearningRate;
  return [
    { optimizer: { id, learningRate: rate, params: params(0) } },
    { optimizer: { id, learningRate: rate * 2, params: params(1), schedule: { id: 'cosine', params: { final: 0.1 } }, weightDecay: 0.05 } },
    { optimizer: { id, learningRate: rate / 2, params: params(2), schedule: { id: 'warmup-stable-decay', params: { warmup: 0.25, decay: 0.5 } }, clipNorm: 0.3 } },
  ];
}

function configOf(runs: readonly Record<string, unknown>[], extra: Record<string, unknown> = {}): ExperimentConfig {
  const [first, ...rest] = runs;
  const { config } = configClamp({ ...BASE, ...extra, ...first, compare: { runs: rest } });
  return config;
}

function weightsOf(runs: readonly TrainingRun[]): Float32Array[] {
  return runs.map((run) => {
    const flat = run.weightsFlat();
    const values = flat.dataSync() as Float32Array;
    flat.dispose();
    return values;
  });
}

/** Fresh runs of `configs` on one data set, stepped by `drive`; their weights after it. */
function trained(configs: readonly ExperimentConfig[], drive: (runs: TrainingRun[]) => void): Float32Array[] {
  const data: TrainingData = trainingDataCreate(configs[0]!);
  const runs = configs.flatMap((config) => configRuns(config)).map((c) => new TrainingRun(c, data));
  drive(runs);
  const weights = weightsOf(runs);
  for (const run of runs) run.dispose();
  data.dispose();
  return weights;
}

const disposeResults = (results: ReturnType<TrainingRun['trainStep']>[]): void => tf.dispose(results.flatMap((r) => (r.telemetry ? [r.loss, r.telemetry] : [r.loss])));
const looped = (steps: number) => (runs: TrainingRun[]) => {
  for (let s = 0; s < steps; s++) disposeResults(runs.map((run) => run.trainStep()));
};
const batched = (steps: number) => (runs: TrainingRun[]) => batchedTrainSteps(runs, steps, disposeResults);

/** Equal within 1e-5 (relative above 1), and the runs really differ from each other. */
function expectSameWeights(got: readonly Float32Array[], want: readonly Float32Array[]): void {
  expect(got).toHaveLength(want.length);
  want.forEach((w, r) => {
    expect(got[r]!.length).toBe(w.length);
    let worst = 0;
    w.forEach((value, i) => (worst = Math.max(worst, Math.abs(got[r]![i]! - value) / Math.max(1, Math.abs(value)))));
    expect(worst, `run ${r}`).toBeLessThanOrEqual(1e-5);
  });
  expect(new Set(want.map((w) => w.join(','))).size).toBe(want.length);
}

describe('batched optimizer updates equal each run stepped alone', () => {
  it.each(OPTIMIZERS.map((o) => o.id))('%s: three runs with their own rates, schedules, hyperparameters, decay and clipping', (id) => {
    const configs = [configOf(variants(id))];
    expectSameWeights(trained(configs, batched(STEPS)), trained(configs, looped(STEPS)));
  });

  it('every optimizer in one batch, grouped by kind, with minibatches and mixup', () => {
    // Two of each optimizer, so every group has more than one row; in two comparisons of six runs.
    const runs = OPTIMIZERS.flatMap((o) => variants(o.id).slice(1));
    const extra = { optimizer: { batchSize: 32 }, data: { kind: 'spiral', points: 200, classes: 3 } };
    const configs = [0, 6, 12, 18].map((start) => configOf(runs.slice(start, start + 6).map((run) => ({ ...run, optimizer: { batchSize: 32, ...(run.optimizer as object) } })), extra));
    configs.forEach((config, i) => (config.compare.runs.length > 0 ? null : expect.fail(`config ${i} has no compare runs`)));
    const steps = 8;
    expectSameWeights(trained(configs, batched(steps)), trained(configs, looped(steps)));
  });

  it('hands the optimizer state back: batched, then alone, then batched again equals alone throughout', () => {
    const configs = [configOf([...variants('adam'), ...variants('momentum').slice(0, 1), ...variants('lion').slice(0, 2)])];
    const mixed = (runs: TrainingRun[]): void => {
      batched(5)(runs);
      looped(3)(runs);
      batched(4)(runs);
    };
    expectSameWeights(trained(configs, mixed), trained(configs, looped(12)));
  });
});

describe('batched optimizer kernels', () => {
  /** Kernels of one update of R runs' rows (tfjs's profiler). */
  async function kernels(id: string, count: number): Promise<number> {
    const rule = optimizerById(id).batched!;
    const width = 50;
    const rows = (): tf.Tensor => tf.randomNormal([count, width]);
    const steps: BatchedRunStep[] = Array.from({ length: count }, (_, r) => ({ params: {}, learningRate: 0.01 * (r + 1), t: 1 }));
    const inputs = tf.tidy(() => ({ theta: rows(), g: rows(), slots: Array.from({ length: rule.slots }, rows) }));
    const columns = Object.fromEntries(Object.entries(rule.columns(steps)).map(([name, values]) => [name, tf.tensor2d(values, [count, 1])]));
    const profile = await tf.profile(() => {
      tf.tidy(() => {
        rule.apply(inputs.theta, inputs.g, inputs.slots, columns, (theta) => tf.mul(theta, 2));
      });
    });
    tf.dispose([inputs.theta, inputs.g, ...inputs.slots, ...Object.values(columns)]);
    return profile.kernels.length;
  }

  it.each(OPTIMIZERS.map((o) => o.id))('%s: the same number of kernels for 1, 2 and 6 runs', async (id) => {
    const counts = [await kernels(id, 1), await kernels(id, 2), await kernels(id, 6)];
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
  });
});

describe('a batch held over chunks', () => {
  it('keeps the runs while their weights are read, hands everything back when the optimizer’s state is, and leaves no tensor behind', () => {
    const configs = [configOf([...variants('adamw'), ...variants('rmsprop').slice(0, 2)])];
    const before = tf.memory().numTensors;
    const data = trainingDataCreate(configs[0]!);
    const runs = configRuns(configs[0]!).map((c) => new TrainingRun(c, data));
    batched(3)(runs);
    const holder = runs[0]!.hold.current;
    expect(holder).not.toBeNull();
    expect(runs.every((run) => run.hold.current === holder)).toBe(true);
    // A second chunk goes on with the same batch.
    batched(2)(runs);
    expect(runs[3]!.hold.current).toBe(holder);
    // Reading one run's weights has the batch write them in and hold on (batchedReads.test.ts);
    // reading its optimizer's state hands every run back.
    const mid = weightsOf(runs.slice(2, 3));
    expect(runs.every((run) => run.hold.current === holder)).toBe(true);
    expect(runs[2]!.optimizerState.carry.t).toBe(5);
    expect(runs.every((run) => run.hold.current === null)).toBe(true);
    batched(3)(runs);
    expect(runs[0]!.hold.current).not.toBe(holder);
    const after = weightsOf(runs);
    for (const run of runs) run.dispose();
    data.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const want = trained(configs, looped(5));
    expectSameWeights(mid, want.slice(2, 3));
    expectSameWeights(after, trained(configs, looped(8)));
  });
});

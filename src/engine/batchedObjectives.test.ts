import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { configClamp, configRuns, type ExperimentConfig } from './config';
import { expectBatchedSame, expectCloseWithin } from './batchedTesting';
import { BatchedRuns } from './batchedRuns';
import { RowLayout, rowsObjectives } from './batchedRows';
import { tf, type Tensor } from './tf';
import { trainingDataCreate } from './trainingData';
import { TrainingRun } from './trainingRun';
import type { StepResult } from './trainingRunTypes';
import { COMPARE6_CONFIG } from '../../bench/engine/compare';

// Runs that share a loss compute it once over their stacked logits (batchedObjectives.ts). Each
// run must still get its own loss, gradient and weights: against the same runs stepped one by one
// (TrainingRun.trainStep), within 1e-5, with hyperparameters, optimizers and rates differing per
// run and the rows of one loss scattered among the optimizers' groups.

const TOLERANCE = 1e-5;

const BASE = {
  data: { kind: 'spiral', points: 240, classes: 3 },
  model: { layers: 2, width: 8, activation: 'tanh' },
  loss: { id: 'ce' },
  optimizer: { id: 'adam', learningRate: 0.01 },
  metrics: { telemetryEvery: 0, calibrationEvery: 0, sharpnessEvery: 0 },
  seed: 7,
};

/** Six runs of cross-entropy, rates and optimizers differing: one loss computation. */
const SAME_LOSS = {
  ...BASE,
  metrics: { telemetryEvery: 3, calibrationEvery: 0, sharpnessEvery: 0 },
  compare: {
    runs: [
      { optimizer: { id: 'sgd', learningRate: 0.5 } },
      { optimizer: { id: 'adam', learningRate: 0.003 } },
      { optimizer: { id: 'momentum', learningRate: 0.1 } },
      { optimizer: { id: 'adam', learningRate: 0.03 } },
      { optimizer: { id: 'sgd', learningRate: 0.05 } },
    ],
  },
};

/**
 * Focal with three γ (columns), label smoothing and cross-entropy (one computation: ce is ε = 0),
 * interleaved over three optimizers so each loss's rows are not contiguous; an L2 penalty on one.
 */
const MIXED = {
  ...BASE,
  compare: {
    runs: [
      { loss: { id: 'focal', params: { gamma: 1 } }, optimizer: { id: 'sgd', learningRate: 0.5 } },
      { loss: { id: 'label-smoothing', params: { epsilon: 0.3 } }, optimizer: { id: 'momentum', learningRate: 0.1 }, training: { regularization: 'l2', regularizationRate: 0.02 } },
      { loss: { id: 'focal', params: { gamma: 4 } }, optimizer: { id: 'adam', learningRate: 0.02 } },
      { loss: { id: 'ce' }, optimizer: { id: 'sgd', learningRate: 0.2 } },
      { loss: { id: 'focal', params: { gamma: 2.5 } }, optimizer: { id: 'momentum', learningRate: 0.05 } },
    ],
  },
};

/** Minibatches, mixup on some runs (their own draws), add-ons, temperature and hinge columns, an L1 penalty, a run alone. */
const MINIBATCH = {
  ...BASE,
  optimizer: { id: 'sgd', learningRate: 0.3, batchSize: 32 },
  compare: {
    runs: [
      { training: { mixup: 0.4 }, optimizer: { id: 'adam', learningRate: 0.01, batchSize: 32 } },
      { training: { mixup: 0.4, regularization: 'l1', regularizationRate: 0.01 }, optimizer: { id: 'sgd', learningRate: 0.1, batchSize: 32 } },
      { loss: { id: 'ce-temp', params: { T: 2 }, addons: { 'z-reg': { lambda: 0.005 } } }, optimizer: { id: 'adam', learningRate: 0.02, batchSize: 32 } },
      { loss: { id: 'ce-temp', params: { T: 0.5 }, addons: { 'z-reg': { lambda: 0.005 } } }, optimizer: { id: 'sgd', learningRate: 0.2, batchSize: 32 } },
      { loss: { id: 'sq-hinge', params: { c: 1.5 } }, optimizer: { id: 'rmsprop', learningRate: 0.01, batchSize: 32 } },
    ],
  },
};

/** A regression: runs of a point loss and of a histogram loss, each pair with equal params, sharing it. */
const REGRESSION = {
  task: 'regression',
  data: { kind: 'sine', points: 200, noise: 0.1, seed: 2 },
  model: { layers: 2, width: 8, activation: 'tanh' },
  loss: { id: 'mse' },
  optimizer: { id: 'adam', learningRate: 0.02 },
  metrics: { telemetryEvery: 0, calibrationEvery: 0, sharpnessEvery: 0 },
  compare: {
    runs: [
      { loss: { id: 'huber', params: { delta: 0.5 } }, optimizer: { id: 'sgd', learningRate: 0.1 } },
      { loss: { id: 'mse' }, optimizer: { id: 'sgd', learningRate: 0.05 } },
      { loss: { id: 'huber', params: { delta: 0.5 } }, optimizer: { id: 'adam', learningRate: 0.005 } },
      { loss: { id: 'huber', params: { delta: 2 } }, optimizer: { id: 'adam', learningRate: 0.01 } },
    ],
  },
  seed: 3,
};

/** Runs' distinct final losses: a column from the wrong run would show as another run's numbers. */
function expectDistinct(losses: readonly number[][]): void {
  expect(new Set(losses.map((l) => l.at(-1)!.toPrecision(6))).size).toBe(losses.length);
}

describe('runs of one loss computing it together', () => {
  it.each([
    ['six runs of cross-entropy with their own optimizers and rates (and telemetry)', SAME_LOSS],
    ['focal with three γ, label smoothing and cross-entropy interleaved over optimizers, with an L2 penalty', MIXED],
    ['minibatches, mixup, add-ons, temperatures, an L1 penalty and a hinge alone', MINIBATCH],
    ['a regression: mean squared error and Huber, a Huber δ alone', REGRESSION],
  ])('%s: losses and weights equal each run stepped alone (1e-5)', (_, source) => {
    const looped = expectBatchedSame(source, 10, TOLERANCE);
    expectDistinct(looped.losses);
  });

  it.each([
    ['same loss', SAME_LOSS],
    ['mixed', MIXED],
    ['minibatch', MINIBATCH],
    ['regression', REGRESSION],
  ])('%s: each run’s objective and gradient at step 4 equal its own (1e-5)', (_, source) => {
    const { config } = configClamp(source);
    const data = trainingDataCreate(config);
    // Two identical sets of runs, three steps in: the batched objectives on one, each run's own on the other.
    const sets = [0, 1].map(() => configRuns(config).map((c) => new TrainingRun(c, data)));
    for (const runs of sets) for (let s = 0; s < 3; s++) tf.dispose(runs.flatMap((run) => (({ loss, telemetry }) => (telemetry ? [loss, telemetry] : [loss]))(run.trainStep())));
    const [batchRuns, ownRuns] = sets as [TrainingRun[], TrainingRun[]];
    const [values, rows] = tf.tidy(() => {
      const layout = new RowLayout(batchRuns[0]!.parameters);
      const plans = batchRuns.map((run) => run.stepPlan());
      const layers = layout.layers(layout.stack(batchRuns.map((run) => run.parameters)));
      const objective = (...ls: Tensor[]): Tensor => rowsObjectives(batchRuns, plans, ls, batchRuns[0]!.shape.activation);
      const { value, grads } = tf.valueAndGrads(objective)(layers, tf.ones([batchRuns.length]));
      return [Array.from(value.dataSync()), layout.join(grads).arraySync()];
    });
    const own = ownRuns.map((run) =>
      tf.tidy(() => {
        const plan = run.stepPlan();
        const { value, grads } = tf.variableGrads(plan.objective, [...run.parameters]);
        return { value: value.dataSync()[0]!, gradient: tf.concat(run.parameters.map((p) => tf.reshape(grads[p.name]!, [-1]))).dataSync() };
      }),
    );
    own.forEach(({ value, gradient }, r) => {
      expectCloseWithin([values[r]!], [value], TOLERANCE, `run ${r} objective`);
      expectCloseWithin(rows[r]!, gradient, TOLERANCE, `run ${r} gradient`);
    });
    expect(new Set(own.map((o) => o.value.toPrecision(6))).size).toBe(own.length);
    for (const run of [...batchRuns, ...ownRuns]) run.dispose();
    data.dispose();
  });
});

describe('on the WebAssembly backend', () => {
  // Every op of the batched objectives and its gradient must exist there (the gradient of a gather,
  // UnsortedSegmentSum, does not): rows of one loss scattered among the optimizers' groups.
  beforeAll(async () => {
    setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each([
    ['mixed', MIXED],
    ['minibatch', MINIBATCH],
  ])('%s: losses and weights equal each run stepped alone (1e-5)', (_, source) => {
    expect(tf.getBackend()).toBe('wasm');
    expectBatchedSame(source, 4, TOLERANCE);
  });
});

describe('kernels of a batched step', () => {
  /** Kernels of one step of `config`'s runs, batched and held over steps or looped (tfjs's profiler, after a warm-up step). */
  async function kernelsPerStep(config: ExperimentConfig, looped = false): Promise<number> {
    const data = trainingDataCreate(config);
    const runs = configRuns(config).map((c) => new TrainingRun(c, data));
    const release = (results: StepResult[]): void => tf.dispose(results.flatMap((r) => (r.telemetry ? [r.loss, r.telemetry] : [r.loss])));
    const batch = looped ? null : new BatchedRuns(runs);
    const step = (): void => release(batch ? batch.step() : runs.map((run) => run.trainStep()));
    step();
    const count = (await tf.profile(step)).kernels.length;
    batch?.handBack();
    for (const run of runs) run.dispose();
    data.dispose();
    return count;
  }

  const withRuns = (variants: Record<string, unknown>[], telemetryEvery = 0): ExperimentConfig =>
    configClamp({ ...BASE, metrics: { ...BASE.metrics, telemetryEvery }, compare: { runs: variants } }).config;
  const adam = (learningRate: number): Record<string, unknown> => ({ optimizer: { id: 'adam', learningRate } });

  it('do not grow with the runs that share a loss: 2 or 6 runs of cross-entropy, of focal with their own γ, of cross-entropy beside label smoothing, of a regression, with telemetry and penalties', async () => {
    const ce = [await kernelsPerStep(withRuns([adam(0.02)])), await kernelsPerStep(withRuns([0.02, 0.03, 0.004, 0.005, 0.006].map(adam)))];
    expect(ce[1], `ce ${ce}`).toBe(ce[0]);
    const focal = (gamma: number, rate: number): Record<string, unknown> => ({ ...adam(rate), loss: { id: 'focal', params: { gamma } } });
    const focals = [await kernelsPerStep(withRuns([focal(1, 0.01), focal(2, 0.02)])), await kernelsPerStep(withRuns([focal(1, 0.01), focal(2, 0.02), focal(3, 0.03), focal(4, 0.004), focal(0.5, 0.005)]))];
    // The base run is cross-entropy, alone beside the focal runs in both.
    expect(focals[1], `focal ${focals}`).toBe(focals[0]);
    const smoothing = (epsilon: number, rate: number): Record<string, unknown> => ({ ...adam(rate), loss: { id: 'label-smoothing', params: { epsilon } } });
    const mixed = [await kernelsPerStep(withRuns([smoothing(0.1, 0.02)])), await kernelsPerStep(withRuns([smoothing(0.1, 0.02), adam(0.03), smoothing(0.2, 0.004), adam(0.005), smoothing(0.3, 0.006)]))];
    expect(mixed[1], `mixed ${mixed}`).toBe(mixed[0]);
    // The gradient telemetry too (every step here), with the penalties.
    const l2 = (rate: number): Record<string, unknown> => ({ ...adam(rate), training: { regularization: 'l2', regularizationRate: 0.01 } });
    const telemetry = [await kernelsPerStep(withRuns([l2(0.02)], 1)), await kernelsPerStep(withRuns([0.02, 0.03, 0.004, 0.005, 0.006].map(l2), 1))];
    expect(telemetry[1], `telemetry ${telemetry}`).toBe(telemetry[0]);
    // A regression's loss too.
    const regression = (rates: number[]): ExperimentConfig => configClamp({ ...REGRESSION, compare: { runs: rates.map((learningRate) => ({ loss: { id: 'huber', params: { delta: 0.5 } }, optimizer: { id: 'adam', learningRate } })) }, loss: { id: 'huber', params: { delta: 0.5 } } }).config;
    const huber = [await kernelsPerStep(regression([0.02])), await kernelsPerStep(regression([0.02, 0.03, 0.004, 0.005, 0.006]))];
    expect(huber[1], `huber ${huber}`).toBe(huber[0]);
    // Six runs of one loss launch under a fifth of the kernels of the six stepped one by one.
    expect(ce[1]!).toBeLessThan(0.2 * (await kernelsPerStep(withRuns([0.02, 0.03, 0.004, 0.005, 0.006].map(adam)), true)));
  });

  it('of the bench’s six runs (cross-entropy, focal, label smoothing, a hinge; three optimizers) stay under 230; focal and label smoothing join cross-entropy’s computation', async () => {
    // The bench's comparison (bench/engine/compare.ts): one step launched 331 kernels when each
    // loss computed apart, 6·143/331 ≈ 2.6 runs' worth on a GPU, where a kernel costs ~0.3 ms whatever its size.
    const bench = await kernelsPerStep(COMPARE6_CONFIG);
    expect(bench).toBeLessThanOrEqual(230);
    const focal = (gamma: number, rate: number): Record<string, unknown> => ({ ...adam(rate), loss: { id: 'focal', params: { gamma } } });
    const smoothing = (epsilon: number, rate: number): Record<string, unknown> => ({ ...adam(rate), loss: { id: 'label-smoothing', params: { epsilon } } });
    // One computation whoever its members are: the base run (cross-entropy), focal and label smoothing, then twice as many.
    const family = [await kernelsPerStep(withRuns([focal(2, 0.02), smoothing(0.1, 0.03)])), await kernelsPerStep(withRuns([focal(2, 0.02), smoothing(0.1, 0.03), adam(0.004), focal(1, 0.005), smoothing(0.3, 0.006)]))];
    expect(family[1], `family ${family}`).toBe(family[0]);
    // A focal run beside five of cross-entropy costs a few kernels more, not a second loss computation (~70 kernels).
    const ce = await kernelsPerStep(withRuns([0.02, 0.03, 0.004, 0.005, 0.006].map(adam)));
    const withFocal = await kernelsPerStep(withRuns([0.02, 0.03, 0.004, 0.005].map(adam).concat([focal(2, 0.006)])));
    expect(withFocal - ce, `${ce} → ${withFocal}`).toBeLessThanOrEqual(30);
  });

  it('of an L1 or L2 penalty are a few whatever the layers: its gradient is written out, not differentiated', async () => {
    const rates = [0.02, 0.03, 0.004, 0.005, 0.006];
    const penalised = (kind: string): Record<string, unknown>[] => rates.map((rate, i) => ({ ...adam(rate), training: { regularization: i % 2 ? kind : 'l2', regularizationRate: 0.01 } }));
    const ce = await kernelsPerStep(withRuns(rates.map(adam)));
    const l2 = await kernelsPerStep(withRuns(penalised('l2')));
    const both = await kernelsPerStep(withRuns(penalised('l1')));
    // Differentiated, an L2 penalty cost 74 kernels a step (six runs, three weight matrices).
    expect(l2 - ce, `${ce} → ${l2}`).toBeLessThanOrEqual(3);
    expect(both - ce, `${ce} → ${both}`).toBeLessThanOrEqual(6);
  });
});

import { describe, expect, it } from 'vitest';
import { configClamp, configRuns } from './config';
import { batchedStepFits, batchedTrainStep, batchedTrainSteps } from './batchedStep';
import type { StepResult } from './trainingRunTypes';
import { tf } from './tf';
import { trainingDataCreate } from './trainingData';
import { TrainingRun } from './trainingRun';

interface Trace {
  losses: number[][];
  telemetry: number[][][];
  weights: Float32Array[];
}

/** `steps` steps of fresh runs of `source`, batched or one run after another; losses, telemetry and final weights per run. */
function trace(source: Record<string, unknown>, steps: number, batched: boolean): Trace {
  const { config } = configClamp(source);
  const data = trainingDataCreate(config);
  const runs = configRuns(config).map((c) => new TrainingRun(c, data));
  const out: Trace = { losses: runs.map(() => []), telemetry: runs.map(() => []), weights: [] };
  let s = 0;
  const record = (results: StepResult[]): void => {
    s += 1;
    results.forEach((result, r) => {
      expect(result.step).toBe(s);
      out.losses[r]!.push(result.loss.dataSync()[0]!);
      if (result.telemetry) out.telemetry[r]!.push(Array.from(result.telemetry.dataSync()));
      tf.dispose([result.loss, ...(result.telemetry ? [result.telemetry] : [])]);
    });
  };
  // Batched: the first step as a batch of its own (set up and handed back), the rest as one batch.
  if (batched) {
    record(batchedTrainStep(runs));
    batchedTrainSteps(runs, steps - 1, record);
  } else {
    for (let i = 0; i < steps; i++) record(runs.map((run) => run.trainStep()));
  }
  for (const run of runs) {
    const flat = run.weightsFlat();
    out.weights.push(flat.dataSync() as Float32Array);
    flat.dispose();
    run.dispose();
  }
  data.dispose();
  return out;
}

/** Equal within float32 rounding, grown over the steps: relative 1e-4 with an absolute floor. */
function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, label: string): void {
  expect(got.length, label).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (!Number.isFinite(w)) {
      expect(Number.isFinite(g), `${label}[${i}]: ${g} vs ${w}`).toBe(false);
      continue;
    }
    expect(Math.abs(g - w), `${label}[${i}]: ${g} vs ${w}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(w)));
  }
}

function expectSame(source: Record<string, unknown>, steps: number): Trace {
  const looped = trace(source, steps, false);
  const batched = trace(source, steps, true);
  looped.losses.forEach((losses, r) => expectClose(batched.losses[r]!, losses, `run ${r} losses`));
  looped.weights.forEach((weights, r) => expectClose(batched.weights[r]!, weights, `run ${r} weights`));
  looped.telemetry.forEach((points, r) => {
    expect(batched.telemetry[r]!.length).toBe(points.length);
    points.forEach((vector, i) => expectClose(batched.telemetry[r]![i]!, vector, `run ${r} telemetry ${i}`));
  });
  return looped;
}

describe('batchedTrainStep', () => {
  it('equals stepping each run alone: losses, optimizers, clipping, decay, SAM and telemetry differing per run', () => {
    const looped = expectSame(
      {
        data: { kind: 'moons', points: 200 },
        model: { layers: 2, width: 8, activation: 'tanh' },
        loss: { id: 'ce' },
        optimizer: { id: 'adam', learningRate: 0.02 },
        metrics: { telemetryEvery: 4, calibrationEvery: 0, sharpnessEvery: 0 },
        compare: {
          runs: [
            { loss: { id: 'focal', params: { gamma: 2 } }, optimizer: { id: 'sgd', learningRate: 0.5, weightDecay: 0.01 } },
            { loss: { id: 'label-smoothing' }, optimizer: { id: 'momentum', learningRate: 0.1, clipNorm: 0.5 } },
            { loss: { id: 'hinge' }, optimizer: { id: 'sam', learningRate: 0.1 } },
            { loss: { id: 'ce', addons: { 'z-reg': { lambda: 0.001 } } }, optimizer: { id: 'lion', learningRate: 0.003 } },
          ],
        },
        seed: 4,
      },
      12,
    );
    expect(looped.losses).toHaveLength(5);
    // The runs really differ, so equal numbers are not one run copied.
    expect(new Set(looped.losses.map((l) => l.at(-1)!.toFixed(5))).size).toBe(5);
    expect(looped.telemetry[0]).toHaveLength(3);
  });

  it('equals stepping each run alone with minibatches and mixup on some runs (inputs differ per run)', () => {
    expectSame(
      {
        data: { kind: 'spiral', points: 300, classes: 3 },
        model: { layers: 1, width: 12, activation: 'relu' },
        optimizer: { id: 'sgd', learningRate: 0.3, batchSize: 32 },
        compare: { runs: [{ training: { mixup: 0.4 } }, { optimizer: { id: 'rmsprop', learningRate: 0.01, batchSize: 32 }, loss: { id: 'mae' } }] },
        seed: 9,
      },
      15,
    );
  });

  it('equals stepping each run alone with L1 and L2 penalties differing per run', () => {
    expectSame(
      {
        data: { kind: 'xor', points: 120 },
        model: { layers: 1, width: 6, activation: 'tanh', features: ['x1', 'x2', 'x1x2'] },
        optimizer: { id: 'sgd', learningRate: 0.3 },
        training: { regularization: 'l2', regularizationRate: 0.05 },
        compare: { runs: [{ training: { regularization: 'l1', regularizationRate: 0.02 } }, { training: { regularization: 'none' } }] },
        seed: 5,
      },
      10,
    );
  });

  it('lets one run diverge without touching the others', () => {
    const looped = expectSame(
      {
        data: { kind: 'circle', points: 200 },
        model: { layers: 2, width: 8, activation: 'relu' },
        loss: { id: 'ce' },
        optimizer: { id: 'sgd', learningRate: 0.1 },
        compare: { runs: [{ loss: { id: 'mse' }, optimizer: { id: 'sgd', learningRate: 100 } }, { optimizer: { id: 'adam', learningRate: 0.01 } }] },
        seed: 2,
      },
      30,
    );
    expect(looped.losses[1]!.some((v) => !Number.isFinite(v))).toBe(true);
    expect(looped.losses[0]!.every(Number.isFinite) && looped.losses[2]!.every(Number.isFinite)).toBe(true);
  });

  it('fits only runs of one model and one batch size', () => {
    const { config } = configClamp({ optimizer: { batchSize: 32 }, compare: { runs: [{ optimizer: { id: 'adam', learningRate: 0.01, batchSize: 64 } }] } });
    const data = trainingDataCreate(config);
    const [a, b] = configRuns(config).map((c) => new TrainingRun(c, data));
    expect(batchedStepFits([a!, b!])).toBe(false);
    expect(batchedStepFits([a!])).toBe(false);
    expect(batchedStepFits([a!, a!])).toBe(true);
    expect(() => batchedTrainStep([a!, b!])).toThrow(/same model and batch size/);
    a!.dispose();
    b!.dispose();
    data.dispose();
  });
});

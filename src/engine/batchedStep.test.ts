import { describe, expect, it } from 'vitest';
import { configClamp, configRuns } from './config';
import { batchedStepFits, batchedTrainStep } from './batchedStep';
import { expectBatchedSame, type Trace } from './batchedTesting';
import { trainingDataCreate } from './trainingData';
import { TrainingRun } from './trainingRun';

/** Equal within float32 rounding, grown over the steps: relative 1e-4 with an absolute floor. */
const expectSame = (source: Record<string, unknown>, steps: number): Trace => expectBatchedSame(source, steps, 1e-4);

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

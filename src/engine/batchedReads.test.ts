import { describe, expect, it } from 'vitest';
import { configClamp, configRuns } from './config';
import { batchedTrainSteps } from './batchedStep';
import { expectCloseWithin } from './batchedTesting';
import { tf } from './tf';
import { trainingDataCreate } from './trainingData';
import { TrainingRun } from './trainingRun';
import type { StepResult } from './trainingRunTypes';

// A frame or a probe reads a run's weights between chunks: a batch that holds the runs writes
// its weights into them and holds on (BatchedRuns.syncWeights), where handing everything back
// and stacking it again for the next chunk cost ~180 kernels, every frame. What the reads see,
// and the training itself, must equal the runs stepped one by one; a write still hands back.

const SOURCE = {
  data: { kind: 'moons', points: 160 },
  model: { layers: 2, width: 8, activation: 'tanh' },
  loss: { id: 'ce' },
  optimizer: { id: 'adam', learningRate: 0.02 },
  metrics: { telemetryEvery: 0, calibrationEvery: 0, sharpnessEvery: 0 },
  compare: {
    runs: [
      { loss: { id: 'focal', params: { gamma: 2 } }, optimizer: { id: 'sgd', learningRate: 0.3 } },
      { loss: { id: 'hinge' }, optimizer: { id: 'momentum', learningRate: 0.05 }, training: { regularization: 'l2', regularizationRate: 0.01 } },
    ],
  },
  seed: 6,
};

const release = (results: StepResult[]): void => tf.dispose(results.map((r) => r.loss));

/** What a frame and the validation curve read of a run: its held-out losses, penalty, weights and boundary. */
function readRun(run: TrainingRun): number[] {
  const evaluation = run.evaluate();
  const parts = [evaluation.validationLoss, evaluation.trainAccuracy, evaluation.testLoss, run.penalty()];
  const values = parts.map((p) => p.dataSync()[0]!);
  const validation = run.validate();
  values.push(...validation.dataSync());
  tf.dispose([...parts, validation]);
  const weights = run.weightsFlat();
  const grid = run.predictGrid(4);
  values.push(...weights.dataSync(), ...grid.dataSync());
  tf.dispose([weights, grid]);
  return values;
}

/** Chunks of three steps, each followed by reading every run (and an edit of one weight after the second); batched or one by one. */
function trace(batched: boolean): { reads: number[][][]; held: boolean[]; handedBack: boolean } {
  const { config } = configClamp(SOURCE);
  const data = trainingDataCreate(config);
  const runs = configRuns(config).map((c) => new TrainingRun(c, data));
  const reads: number[][][] = [];
  const held: boolean[] = [];
  let handedBack = false;
  for (let chunk = 0; chunk < 4; chunk++) {
    if (batched) batchedTrainSteps(runs, 3, release);
    else for (let s = 0; s < 3; s++) release(runs.map((run) => run.trainStep()));
    const holder = runs[0]!.hold.current;
    reads.push(runs.map(readRun));
    held.push(holder !== null && runs.every((run) => run.hold.current === holder));
    if (chunk === 1) {
      runs[2]!.setWeight(3, 0.25);
      handedBack = runs.every((run) => run.hold.current === null);
    }
  }
  for (const run of runs) run.dispose();
  data.dispose();
  return { reads, held, handedBack };
}

describe('reading batched runs between chunks', () => {
  it('sees each run’s current weights and keeps the batch, and the training equals the runs stepped alone (1e-5); an edited weight hands back', () => {
    const looped = trace(false);
    const batched = trace(true);
    batched.reads.forEach((chunk, c) => chunk.forEach((values, r) => expectCloseWithin(values, looped.reads[c]![r]!, 1e-5, `chunk ${c} run ${r}`)));
    // Held after every read; the edit (after chunk 1) handed back, and the next chunk took the runs in a new batch.
    expect(batched.held).toEqual([true, true, true, true]);
    expect(batched.handedBack).toBe(true);
    expect(looped.held).toEqual([false, false, false, false]);
  });

  it('costs a slice and an unstack a weight tensor, not a hand-back and a new batch', async () => {
    const { config } = configClamp({ ...SOURCE, compare: { runs: [...SOURCE.compare.runs, ...SOURCE.compare.runs, { optimizer: { id: 'adam', learningRate: 0.01 } }] } });
    const data = trainingDataCreate(config);
    const runs = configRuns(config).map((c) => new TrainingRun(c, data));
    batchedTrainSteps(runs, 2, release);
    const holder = runs[0]!.hold.current;
    const read = async (): Promise<number> => (await tf.profile(() => tf.dispose(runs.map((run) => run.weightsFlat())))).kernels.length;
    const first = await read();
    // Six runs of six weight tensors: one slice, reshape and unstack each (18), then each run's flat vector (7 each).
    expect(first).toBeLessThanOrEqual(18 + 6 * 7);
    // Read again before the next step: nothing to write.
    expect(await read()).toBe(6 * 7);
    expect(runs.every((run) => run.hold.current === holder)).toBe(true);
    for (const run of runs) run.dispose();
    data.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { configClamp } from './config';
import { tf } from './tf';
import { trainingDataCreate } from './trainingData';
import { TrainingRun } from './trainingRun';

/** The losses of `count` steps, read back one by one. */
function train(run: TrainingRun, count: number): number[] {
  const losses: number[] = [];
  for (let i = 0; i < count; i++) {
    const { loss, telemetry } = run.trainStep();
    losses.push(loss.dataSync()[0]!);
    loss.dispose();
    telemetry?.dispose();
  }
  return losses;
}

describe('TrainingRun.restore', () => {
  it('resumes plain SGD with minibatches and mixup exactly where an unbroken run goes', () => {
    // Minibatches of 32 from 240 training points (epochs reshuffle) and mixup: both replayed.
    const { config } = configClamp({ data: { kind: 'spiral', points: 400 }, optimizer: { id: 'sgd', learningRate: 0.2, batchSize: 32 }, training: { mixup: 0.4 }, seed: 11 });
    const data = trainingDataCreate(config);
    const unbroken = new TrainingRun(config, data);
    train(unbroken, 37);
    const weights = unbroken.weightsFlat().dataSync() as Float32Array;
    const expected = train(unbroken, 20);

    const resumed = new TrainingRun(config, data);
    resumed.restore(weights.slice(), 37);
    expect(resumed.steps).toBe(37);
    const got = train(resumed, 20);
    expect(resumed.steps).toBe(57);
    got.forEach((loss, i) => expect(loss, `step ${38 + i}`).toBeCloseTo(expected[i]!, 6));
    unbroken.dispose();
    resumed.dispose();
    data.dispose();
  });

  it('resumes Adam from the same weights (same loss at the resumed step), its moments afresh', () => {
    const { config } = configClamp({ data: { kind: 'moons', points: 300 }, optimizer: { id: 'adam', learningRate: 0.01 }, seed: 3 });
    const data = trainingDataCreate(config);
    const unbroken = new TrainingRun(config, data);
    train(unbroken, 25);
    const weights = unbroken.weightsFlat().dataSync() as Float32Array;
    const before = unbroken.evaluate();
    const resumed = new TrainingRun(config, data);
    resumed.restore(weights.slice(), 25);
    const after = resumed.evaluate();
    expect(after.validationLoss.dataSync()[0]).toBeCloseTo(before.validationLoss.dataSync()[0]!, 6);
    tf.dispose([...Object.values(before), ...Object.values(after)]);
    const next = train(resumed, 5);
    expect(next.every(Number.isFinite)).toBe(true);
    unbroken.dispose();
    resumed.dispose();
    data.dispose();
  });

  it('refuses weights of another shape', () => {
    const { config } = configClamp({ seed: 1 });
    const data = trainingDataCreate(config);
    const run = new TrainingRun(config, data);
    expect(() => run.restore(new Float32Array(3), 10)).toThrow(/cannot resume: 3 weights for a model of \d+/);
    run.dispose();
    data.dispose();
  });
});

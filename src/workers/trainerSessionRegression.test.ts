import { describe, expect, it } from 'vitest';
import { configClamp, configRuns } from '../engine/config';
import { TrainingRun } from '../engine/trainingRun';
import { trainingDataCreate } from '../engine/trainingData';
import { landscapeLossOf } from '../engine/landscape/evaluate';
import { landscapeUnflatten } from '../engine/landscape/params';
import type { TrainerEvent, TrainingFrame } from './protocol';
import { TrainerSession } from './trainerSession';
import { surveyorModelBuild } from './surveyorSession';

const regression = configClamp({
  task: 'regression',
  data: { kind: 'sine', points: 200, noise: 0.1, seed: 2 },
  model: { layers: 2, width: 16, activation: 'tanh' },
  optimizer: { id: 'adam', learningRate: 0.03 },
  loss: { id: 'mse' },
  compare: { runs: [{ loss: { id: 'hl-gauss', params: { bins: 24 } } }] },
  metrics: { calibrationEvery: 25, sharpnessEvery: 50, telemetryEvery: 10 },
}).config;

function session(): { session: TrainerSession; events: TrainerEvent[]; frames: (run: number) => TrainingFrame[] } {
  const events: TrainerEvent[] = [];
  return {
    session: new TrainerSession((event) => events.push(event)),
    events,
    frames: (run) => events.flatMap((e) => (e.type === 'frame' && e.run === run ? [e.frame] : [])),
  };
}

describe('TrainerSession on a regression', () => {
  it('sends the real targets, trains MSE and HL-Gauss side by side to well below the mean’s test MSE, with sharpness and no calibration', async () => {
    const { session: s, events, frames } = session();
    s.configure(regression, 1);
    const data = events.find((e) => e.type === 'data');
    expect(data?.type === 'data' && data.points.targets?.length).toBe(200);
    await s.step(150);
    await new Promise((r) => setTimeout(r, 50));
    for (const run of [0, 1]) {
      const all = frames(run);
      const last = all.at(-1)!;
      const evaluation = last.evaluation!;
      expect(evaluation.testAccuracy).toBeNaN();
      const r = evaluation.regression!;
      expect(r.baseline.mse).toBeGreaterThan(0.3); // sin(πx) on [−1, 1] has variance ½
      expect(r.test.mse).toBeLessThan(0.1 * r.baseline.mse);
      expect(r.test.mae).toBeLessThan(r.baseline.mae);
      expect(r.predictions).toHaveLength(200);
      expect(last.boundary!.classes).toBe(1);
      expect(all.some((f) => f.calibration !== null)).toBe(false);
      expect(all.flatMap((f) => f.sharpness).length).toBeGreaterThanOrEqual(2);
    }
    expect(frames(1).at(-1)!.weights!.length - frames(0).at(-1)!.weights!.length).toBe(16 * 23 + 23);
  });

  it('starts the runs of a comparison from the same hidden weights (the output layers differ in width)', () => {
    const data = trainingDataCreate(regression, null);
    const runs = configRuns(regression).map((config) => new TrainingRun(config, data));
    try {
      const [a, b] = runs.map((run) => run.weightsFlat().dataSync());
      // 1 input × 16, 16 biases, 16 × 16, 16: the hidden layers.
      const hidden = 16 + 16 + 256 + 16;
      expect(Array.from(a!.subarray(0, hidden))).toEqual(Array.from(b!.subarray(0, hidden)));
    } finally {
      for (const run of runs) run.dispose();
      data.dispose();
    }
  });

  it('gives the landscape the run’s own objective: the surveyor’s loss at the frame’s weights equals the trainer’s full-batch loss', async () => {
    const single = { ...regression, compare: { runs: [] }, optimizer: { ...regression.optimizer, batchSize: 0 } };
    const { session: s, frames } = session();
    s.configure(single, 1);
    await s.step(20);
    const last = frames(0).at(-1)!;
    const data = trainingDataCreate(single, null);
    try {
      const model = surveyorModelBuild(single, data, 0, 1);
      const loss = await landscapeLossOf(model.objective, landscapeUnflatten(last.weights!, model.shapes));
      // The frame's last loss is of step 20's batch (the whole training split) before its update; recompute at step 21 instead.
      await s.step(1);
      // Step 21's loss, from whichever frame carried it.
      const carrying = frames(0).find((f) => f.firstStep <= 21 && 21 < f.firstStep + f.losses.length)!;
      expect(loss).toBeCloseTo(carrying.losses[21 - carrying.firstStep]!, 5);
    } finally {
      data.dispose();
    }
  });

  it('says clearly when the data does not fit the task', () => {
    const { session: s } = session();
    expect(() => s.configure({ ...regression, data: { ...regression.data, kind: 'csv' } }, 1)).toThrow(/CSV file .*not loaded/);
  });
});

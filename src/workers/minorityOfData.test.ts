import { describe, expect, it } from 'vitest';
import { configClamp, type ExperimentConfig } from '../engine/config';
import { classCounts, minorityClasses } from '../engine/metrics/classMetrics';
import { trainingDataCreate } from '../engine/trainingData';
import type { FrameEvaluation, TrainerEvent } from './protocol';
import { TrainerSession } from './trainerSession';

/** The first frame's held-out evaluation of run A on `data`. */
async function firstEvaluation(data: Partial<ExperimentConfig['data']>): Promise<FrameEvaluation> {
  const events: TrainerEvent[] = [];
  const session = new TrainerSession((e) => events.push(e));
  session.configure(configClamp({ data, metrics: { calibrationEvery: 0 } }).config, 1);
  await session.step(1);
  const frame = events.find((e) => e.type === 'frame' && e.frame.evaluation !== null);
  if (frame?.type !== 'frame') throw new Error('no evaluated frame');
  return frame.frame.evaluation!;
}

describe('the minority classes are of the data, not of the training split', () => {
  it('counts from the whole data: 50/50/50 and 40/40/40 are balanced; 50/50/30 names the third (30 < 0.8 × 50 = 40)', () => {
    expect(minorityClasses([50, 50, 50])).toEqual([]);
    expect(minorityClasses([40, 40, 40])).toEqual([]);
    expect(minorityClasses([50, 50, 30])).toEqual([2]);
    expect(minorityClasses([50, 50, 40])).toEqual([]); // 40 is 0.8 × 50, not under it
  });

  it('Iris (50 of each species) has none, though its seeded training split is uneven enough to have looked imbalanced', async () => {
    const config = configClamp({ data: { kind: 'iris' } }).config;
    const data = trainingDataCreate(config, null);
    expect(classCounts(data.dataset.y, 3)).toEqual([50, 50, 50]);
    const train = classCounts(data.train.labels, 3);
    data.dispose();
    expect(minorityClasses(train)).not.toEqual([]); // what was shown: "minority virginica"
    expect((await firstEvaluation({ kind: 'iris' })).minorityClasses).toEqual([]);
  });

  it('generated data with a minority fraction of 0.2 names its second class', async () => {
    expect((await firstEvaluation({ kind: 'gauss', points: 200, minorityFraction: 0.2, seed: 1 })).minorityClasses).toEqual([1]);
  });
});

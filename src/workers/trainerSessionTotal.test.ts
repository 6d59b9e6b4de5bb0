import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import type { TrainerEvent } from './protocol';
import { TrainerSession } from './trainerSession';

const config = configClamp({
  data: { kind: 'gauss', points: 60, noise: 0.2, seed: 3 },
  model: { layers: 1, width: 4, activation: 'tanh' },
  optimizer: { id: 'sgd', learningRate: 0.1 },
  training: { totalSteps: 40 },
  metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
  compare: { runs: [{ optimizer: { learningRate: 0.05 } }] },
}).config;

function statuses(events: TrainerEvent[]): { playing: boolean; step: number }[] {
  return events.flatMap((e) => (e.type === 'status' ? [{ playing: e.playing, step: e.step }] : []));
}

describe('TrainerSession: Play stops at the total steps T', () => {
  it('stops every run at exactly T, says so, and Play from T goes on until paused', async () => {
    const events: TrainerEvent[] = [];
    const session = new TrainerSession((e) => events.push(e));
    session.configure(config, 1);
    await session.play();
    expect(statuses(events).at(-1)).toEqual({ playing: false, step: 40 });
    const lastFrames = [0, 1].map((run) => events.flatMap((e) => (e.type === 'frame' && e.run === run ? [e.frame] : [])).at(-1)!);
    expect(lastFrames.map((f) => f.step)).toEqual([40, 40]);
    // The closing frame carries the held-out numbers of step T itself.
    expect(lastFrames.map((f) => f.evaluation?.step)).toEqual([40, 40]);

    // Continue: from T on, Play trains until paused.
    const going = session.play();
    await new Promise((r) => setTimeout(r, 300));
    session.pause();
    await going;
    expect(statuses(events).at(-1)!.step).toBeGreaterThan(40);
  });

  it('Play from part-way (after Step) stops at T too; a reset starts the count again', async () => {
    const events: TrainerEvent[] = [];
    const session = new TrainerSession((e) => events.push(e));
    session.configure(config, 1);
    await session.step(15);
    await session.play();
    expect(statuses(events).at(-1)).toEqual({ playing: false, step: 40 });
    session.reset();
    await session.play();
    expect(statuses(events).at(-1)).toEqual({ playing: false, step: 40 });
  });
});

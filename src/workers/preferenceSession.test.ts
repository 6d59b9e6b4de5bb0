import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { PreferenceSession } from './preferenceSession';
import type { TrainerEvent, TrainingFrame } from './protocol';

describe('PreferenceSession', () => {
  it('starts a comparison from the same weights and streams probe points, losses and π over the plane', async () => {
    const { config } = configClamp({
      task: 'preference',
      data: { points: 40 },
      model: { layers: 1, width: 8 },
      preference: { responses: 4 },
      compare: { runs: [{ loss: { id: 'rpo' } }] },
    });
    const frames: { run: number; frame: TrainingFrame }[] = [];
    const events: TrainerEvent[] = [];
    const session = new PreferenceSession((event) => {
      events.push(event);
      if (event.type === 'frame') frames.push({ run: event.run, frame: event.frame });
    });
    session.configure(config, 1);
    await session.step(6);
    const data = events.find((e) => e.type === 'data');
    expect(data?.type === 'data' && data.points.classes).toBe(4);
    const first = [0, 1].map((run) => frames.find((f) => f.run === run && f.frame.step === 0)!.frame);
    expect(first[0]!.preference![0]).toEqual(first[1]!.preference![0]); // same data, same initial weights
    expect(first[0]!.boundary!.probabilities.length).toBe(48 * 48 * 4);
    for (const run of [0, 1]) {
      const mine = frames.filter((f) => f.run === run);
      const losses = mine.flatMap((f) => [...f.frame.losses]);
      expect(losses.length).toBe(6);
      expect(mine[mine.length - 1]!.frame.step).toBe(6);
      expect(mine[mine.length - 1]!.frame.boundary).not.toBeNull();
    }
    const last = (run: number) => frames.filter((f) => f.run === run).at(-1)!.frame.preference![0]!;
    expect(last(0).logChosen).not.toBe(last(1).logChosen); // DPO and RPO part ways
    expect(events.at(-1)).toEqual({ type: 'status', revision: 1, playing: false, step: 6 });
    session.dispose();
  });
});

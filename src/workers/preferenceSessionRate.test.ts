import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { PreferenceSession } from './preferenceSession';
import type { TrainingFrame } from './protocol';

describe('PreferenceSession steps per second', () => {
  it('reports each frame’s steps per second since the run’s previous frame of the same play (the live landscape paces itself by them)', async () => {
    const { config } = configClamp({ task: 'preference', data: { points: 30 }, model: { layers: 1, width: 4 }, preference: { responses: 3 } });
    // A clock that moves 5 ms each time it is read: rates are exact, whatever the machine's speed.
    let clock = 0;
    const frames: TrainingFrame[] = [];
    const session = new PreferenceSession(
      (event) => {
        if (event.type === 'frame') frames.push(event.frame);
      },
      () => (clock += 5),
    );
    session.configure(config, 1);
    await session.step(40);
    const played = frames.filter((f) => f.step > 0);
    expect(played.length).toBeGreaterThan(2);
    for (const frame of played.slice(1)) expect(frame.stepsPerSecond).toBeGreaterThan(0);
    // Another play starts afresh: the pause between does not count.
    clock += 60_000;
    const before = frames.length;
    await session.step(40);
    expect(frames[before]!.stepsPerSecond).toBe(0);
    expect(frames.slice(before + 1).every((f) => f.stepsPerSecond > 0)).toBe(true);
    session.dispose();
  });
});

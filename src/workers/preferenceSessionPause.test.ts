import { describe, expect, it } from 'vitest';
import { configClamp } from '../engine/config';
import { PreferenceSession } from './preferenceSession';
import type { TrainerEvent } from './protocol';

describe('PreferenceSession pause', () => {
  it('stops the loop, shows where each run stopped and says training stopped; a later play trains on', async () => {
    const { config } = configClamp({ task: 'preference', data: { points: 30 }, model: { layers: 1, width: 4 }, preference: { responses: 3 }, loss: { id: 'dpo' }, compare: { runs: [{ loss: { id: 'npo' } }] } });
    const events: TrainerEvent[] = [];
    let session: PreferenceSession | null = null;
    session = new PreferenceSession((event) => {
      events.push(event);
      // Pause once a few chunks have trained, the way the Pause button does between messages.
      if (event.type === 'frame' && event.frame.step >= 3 && !paused) {
        paused = true;
        session!.pause();
      }
    });
    let paused = false;
    session.configure(config, 1);
    events.length = 0;
    await session.play();
    const statuses = events.filter((e): e is Extract<TrainerEvent, { type: 'status' }> => e.type === 'status');
    expect(statuses.map((s) => s.playing)).toEqual([true, false]);
    const stoppedAt = statuses[1]!.step;
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(stoppedAt).toBeLessThan(config.training.totalSteps);
    // Each run's last frame is at the step it stopped at, with its plane drawn.
    const lastFrames = [0, 1].map((run) => events.filter((e) => e.type === 'frame' && e.run === run).at(-1));
    for (const last of lastFrames) {
      expect(last?.type === 'frame' && last.frame.step).toBe(stoppedAt);
      expect(last?.type === 'frame' && last.frame.boundary !== null).toBe(true);
    }
    events.length = 0;
    await session.step(2);
    const after = events.filter((e) => e.type === 'status').map((e) => e.type === 'status' && [e.playing, e.step]);
    expect(after).toEqual([[true, stoppedAt], [false, stoppedAt + 2]]);
    session.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { LandscapeLive } from './landscapeLive';

/** A LandscapeLive on a hand-driven clock and timers, recording what it asks for. */
function harness() {
  let now = 0;
  let busy = false;
  const asked: number[] = [];
  const timers: { run: () => void; at: number }[] = [];
  const live = new LandscapeLive({
    ask: (resolution) => {
      asked.push(resolution);
      return asked.length;
    },
    busy: () => busy,
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { run, at: now + ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
  });
  const advance = (ms: number): void => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.run();
    }
  };
  const settle = (elapsedMs: number, resolution = asked.at(-1)!, complete = true): void => live.onSettled({ id: asked.length, complete, elapsedMs, resolution, runs: 1 });
  return { live, asked, advance, settle, setBusy: (b: boolean) => (busy = b), timers };
}

describe('LandscapeLive', () => {
  it('measures a baseline with no surface in flight, then asks for live surfaces back to back at the measured resolution', () => {
    const h = harness();
    h.live.start(51);
    h.setBusy(true);
    for (let i = 0; i < 10; i++) h.live.onTrainingRate(600); // the opening surface: not a baseline
    expect(h.asked).toEqual([]);
    h.setBusy(false);
    for (let i = 0; i < 4; i++) h.live.onTrainingRate(600);
    expect(h.asked).toEqual([]);
    h.live.onTrainingRate(600);
    expect(h.asked).toEqual([11]); // first live surface: the coarsest grid, to measure
    h.live.onTrainingRate(600);
    expect(h.asked).toEqual([11]); // one at a time
    h.settle(121 * 0.7); // 0.7 ms a point → a 400 ms budget fits 23×23
    expect(h.asked).toEqual([11, 23]);
    h.settle(23 * 23 * 0.7);
    expect(h.asked).toEqual([11, 23, 23]);
  });

  it('goes full resolution where a 51×51 surface takes under 100 ms', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < 5; i++) h.live.onTrainingRate(50);
    h.settle(121 * 0.02);
    expect(h.asked).toEqual([11, 51]);
  });

  it('backs off while training runs over 20 % slower: coarser grids, then waits between surfaces', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < 5; i++) h.live.onTrainingRate(600);
    h.settle(121 * 0.7);
    expect(h.asked.at(-1)).toBe(23);
    // Three seconds at 400 steps/s with surfaces against 600 without.
    for (let i = 0; i < 30; i++) {
      h.advance(100);
      h.live.onTrainingRate(400);
    }
    h.settle(23 * 23 * 0.7);
    expect(h.asked.at(-1)).toBe(15);
    for (let i = 0; i < 30; i++) {
      h.advance(100);
      h.live.onTrainingRate(400);
    }
    h.settle(15 * 15 * 0.7);
    const count = h.asked.length;
    expect(h.asked.at(-1)).toBe(11);
    h.settle(121 * 0.7);
    expect(h.asked.length).toBe(count + 1);
    for (let i = 0; i < 30; i++) {
      h.advance(100);
      h.live.onTrainingRate(400);
    }
    // At the coarsest grid the next surface waits.
    h.settle(121 * 0.7);
    expect(h.asked.length).toBe(count + 1);
    expect(h.timers).toHaveLength(1);
    h.advance(100);
    expect(h.asked.length).toBe(count + 2);
  });

  it('asks again after a superseded survey, and stops asking when training stops', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < 5; i++) h.live.onTrainingRate(600);
    h.settle(0, 0, false);
    expect(h.asked).toEqual([11, 11]);
    h.live.stop();
    h.settle(121 * 0.7);
    h.live.onTrainingRate(600);
    expect(h.asked).toEqual([11, 11]);
    // Playing again keeps what was measured (a new experiment would not).
    h.live.start(51);
    for (let i = 0; i < 5; i++) h.live.onTrainingRate(600);
    expect(h.asked.at(-1)).toBe(23);
    h.live.reset();
    expect(h.live.state()).toBeNull();
  });

  it('takes the baseline again every 30 s', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < 5; i++) h.live.onTrainingRate(600);
    h.settle(121 * 0.7);
    const before = h.asked.length;
    h.advance(31_000);
    h.live.onTrainingRate(600); // enters the baseline: nothing new is asked for
    h.settle(23 * 23 * 0.7);
    expect(h.asked.length).toBe(before);
    for (let i = 0; i < 5; i++) h.live.onTrainingRate(600);
    expect(h.asked.length).toBe(before + 1);
  });
});

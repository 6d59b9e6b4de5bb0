import { describe, expect, it } from 'vitest';
import { LIVE_START_DUTY } from './landscapeCadence';
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

/** Eight frames with no surface in flight: the baseline. */
const BASELINE = 8;

describe('LandscapeLive', () => {
  it('measures a baseline with no surface in flight, then asks for live surfaces at the measured resolution, paced', () => {
    const h = harness();
    h.live.start(51);
    h.setBusy(true);
    for (let i = 0; i < 10; i++) h.live.onTrainingRate(600); // the opening surface: not a baseline
    expect(h.asked).toEqual([]);
    h.setBusy(false);
    for (let i = 0; i < BASELINE - 1; i++) h.live.onTrainingRate(600);
    expect(h.asked).toEqual([]);
    h.live.onTrainingRate(600);
    expect(h.asked).toEqual([11]); // first live surface: the coarsest grid, to measure
    h.live.onTrainingRate(600);
    expect(h.asked).toEqual([11]); // one at a time
    h.advance(85);
    h.settle(121 * 0.7); // 0.7 ms a point → half of a 400 ms period fits 15×15
    expect(h.asked).toEqual([11]); // the rest of the period first
    h.advance(314);
    h.live.onTrainingRate(600);
    expect(h.asked).toEqual([11]);
    h.advance(1);
    expect(h.asked).toEqual([11, 15]); // 400 ms after the first was asked for
    h.advance(500);
    h.settle(15 * 15 * 0.7); // slower than the period: the next goes straight on
    expect(h.asked).toEqual([11, 15, 15]);
  });

  it('goes full resolution, ten a second, where a 51×51 surface takes under 100 ms', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < BASELINE; i++) h.live.onTrainingRate(50);
    h.advance(3);
    h.settle(121 * 0.02);
    h.advance(96);
    expect(h.asked).toEqual([11]);
    h.advance(1);
    expect(h.asked).toEqual([11, 51]);
  });

  it('backs off within two seconds while training runs over 12 % slower: coarser grids, then over 20 % a longer period', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < BASELINE; i++) h.live.onTrainingRate(600);
    h.advance(400);
    h.settle(121 * 0.3);
    expect(h.asked.at(-1)).toBe(25); // sqrt(200 / 0.3) = 25.8
    /** Two seconds of frames at `rate`, one surface of the asked resolution every 400 ms at 0.3 ms a point. */
    const run = (rate: number): void => {
      for (let i = 0; i < 20; i++) {
        h.advance(100);
        h.live.onTrainingRate(rate);
        if (i % 4 === 3) {
          const r = h.asked.at(-1)!;
          h.settle(r * r * 0.3);
        }
      }
    };
    run(500); // 17 % slower
    expect(h.asked.at(-1)).toBe(17);
    run(500);
    expect(h.asked.at(-1)).toBe(11);
    run(500); // still 17 % slower, inside the 20 % allowed: two and a half surfaces a second stay
    expect(h.live.state()).toMatchObject({ resolution: 11, gapMs: 0 });
  });

  it('backs off against a baseline over 4.5 s old only after taking it again: other work on the machine is not the surfaces', () => {
    /** A LandscapeLive two seconds into live surfaces at the coarsest grid (2 ms a point), the baseline 600 steps/s. */
    const setUp = () => {
      const h = harness();
      h.live.start(51);
      for (let i = 0; i < BASELINE; i++) h.live.onTrainingRate(600);
      /** `count` frames 100 ms apart at `rate`; a surface settles every 400 ms (or never, while none is in flight). */
      const frames = (rate: number, count: number): void => {
        for (let i = 0; i < count; i++) {
          h.advance(100);
          h.live.onTrainingRate(rate);
          if (i % 4 === 3) h.settle(121 * 2);
        }
      };
      frames(560, 60); // six seconds 7 % slower: left alone
      expect(h.live.state()).toMatchObject({ resolution: 11, gapMs: 0, duty: LIVE_START_DUTY });
      return { h, frames };
    };
    // Training runs a third slower: no decision yet, live surfaces stop for a new baseline.
    const drift = setUp();
    drift.frames(400, 20);
    const asked = drift.h.asked.length;
    drift.frames(400, BASELINE);
    expect(drift.h.live.state()).toMatchObject({ gapMs: 0 });
    // The machine, not the surfaces, had slowed it: the baseline is 400 too, and nothing backs off.
    expect(drift.h.asked.length).toBe(asked + 1);
    drift.frames(400, 40);
    expect(drift.h.live.state()?.gapMs).toBe(0);
    expect(drift.h.live.state()!.duty).toBeGreaterThan(LIVE_START_DUTY); // no slower than its baseline: relaxed
    // Otherwise the fresh baseline confirms it, and the period lengthens two seconds later.
    const slowed = setUp();
    slowed.frames(400, 20);
    slowed.frames(600, BASELINE);
    expect(slowed.h.live.state()).toMatchObject({ gapMs: 0 });
    slowed.frames(400, 20);
    expect(slowed.h.live.state()).toMatchObject({ resolution: 11, gapMs: 100 });
  });

  it('lengthens the period by the gap at the coarsest grid', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < BASELINE; i++) h.live.onTrainingRate(600);
    h.advance(400);
    h.settle(121 * 2); // 2 ms a point: the coarsest grid
    for (let i = 0; i < 20; i++) {
      h.advance(100);
      h.live.onTrainingRate(300); // half the speed: one adjustment, two seconds after going live
    }
    expect(h.live.state()?.gapMs).toBe(100);
    h.settle(121 * 2); // long overdue: the next is asked for at once
    const count = h.asked.length;
    h.advance(200);
    h.settle(121 * 2); // 200 ms after it was asked for: 300 ms more make a 500 ms period
    expect(h.timers).toHaveLength(1);
    h.advance(299);
    expect(h.asked.length).toBe(count);
    h.advance(1);
    expect(h.asked.length).toBe(count + 1);
  });

  it('asks again after a superseded survey, and stops asking when training stops', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < BASELINE; i++) h.live.onTrainingRate(600);
    h.advance(400);
    h.settle(0, 0, false);
    expect(h.asked).toEqual([11, 11]);
    h.live.stop();
    h.settle(121 * 0.7);
    h.advance(1000);
    h.live.onTrainingRate(600);
    expect(h.asked).toEqual([11, 11]);
    // Playing again keeps what was measured (a new experiment would not).
    h.live.start(51);
    for (let i = 0; i < BASELINE; i++) h.live.onTrainingRate(600);
    expect(h.asked.at(-1)).toBe(15);
    h.live.reset();
    expect(h.live.state()).toBeNull();
  });

  it('takes the baseline again every 30 s', () => {
    const h = harness();
    h.live.start(51);
    for (let i = 0; i < BASELINE; i++) h.live.onTrainingRate(600);
    h.advance(400);
    h.settle(121 * 0.7);
    h.advance(400);
    const before = h.asked.length;
    h.advance(31_000);
    h.live.onTrainingRate(600); // enters the baseline: nothing new is asked for
    h.settle(15 * 15 * 0.7);
    h.advance(1000);
    expect(h.asked.length).toBe(before);
    for (let i = 0; i < BASELINE; i++) h.live.onTrainingRate(600);
    expect(h.asked.length).toBe(before + 1);
  });
});

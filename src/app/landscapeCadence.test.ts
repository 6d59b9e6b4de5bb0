import { describe, expect, it } from 'vitest';
import {
  LIVE_MAX_DUTY,
  LIVE_MAX_GAP_MS,
  LIVE_MIN_HZ,
  LIVE_START_DUTY,
  type LiveCadence,
  liveCadenceAfterSurface,
  liveCadenceAfterTraining,
  liveCadenceStart,
  liveCadenceWaitMs,
  liveResolutionFor,
} from './landscapeCadence';

describe('live landscape cadence', () => {
  it('keeps the chosen resolution, ten surfaces a second, where a full surface takes under 100 ms', () => {
    // The H200: 51×51 batched in 78 ms.
    expect(liveResolutionFor(78 / 2601, 51)).toBe(51);
    const after = liveCadenceAfterSurface(liveCadenceStart(51), 51, 11, (78 / 2601) * 121);
    expect(after).toMatchObject({ resolution: 51, gapMs: 0 });
    // 78 ms after asking: the next one 22 ms later (a period of 100 ms); a slower one goes straight on.
    expect(liveCadenceWaitMs(after, 51, 78)).toBeCloseTo(22, 10);
    expect(liveCadenceWaitMs(after, 51, 130)).toBe(0);
    // Ten full surfaces a second is the promise there: training's speed does not change it.
    expect(liveCadenceAfterTraining(after, 51, 600, 300)).toEqual(after);
  });

  it('sizes the grid so a surface fills half of each 400 ms period at first (odd, at least 11)', () => {
    // WASM here: 51×51 looped in 1 846 ms → 0.71 ms a point → 200 ms fits 16.8 points a side → 15×15 (160 ms).
    const msPerPoint = 1846 / 2601;
    expect(liveResolutionFor(msPerPoint, 51)).toBe(15);
    expect(liveResolutionFor(msPerPoint, 51, LIVE_START_DUTY)).toBe(15);
    // At the highest duty, 360 ms: 22.5 → 21×21 (313 ms).
    expect(liveResolutionFor(msPerPoint, 51, LIVE_MAX_DUTY)).toBe(21);
    // A slower backend bottoms out at the preview's 11×11; a chosen grid below that stays.
    expect(liveResolutionFor(30, 51)).toBe(11);
    expect(liveResolutionFor(30, 9)).toBe(9);
  });

  it('never sizes a surface past what two surfaces a second allow, wherever the coarsest grid fits', () => {
    for (let msPerPoint = 0.01; msPerPoint < 3; msPerPoint *= 1.07) {
      for (const duty of [0.1, LIVE_START_DUTY, LIVE_MAX_DUTY]) {
        const r = liveResolutionFor(msPerPoint, 51, duty);
        expect(r % 2).toBe(1);
        if (51 * 51 * msPerPoint < 100) expect(r).toBe(51);
        else if (r > 11) expect(r * r * msPerPoint).toBeLessThanOrEqual((duty * 1000) / 2.5);
        if (r > 11) expect(r * r * msPerPoint).toBeLessThan(1000 / LIVE_MIN_HZ);
      }
    }
  });

  it('paces surfaces at two and a half a second: the rest of the period after a quick one, lengthened by the gap', () => {
    const c: LiveCadence = { resolution: 15, gapMs: 0, msPerPoint: 0.7, duty: LIVE_START_DUTY };
    expect(liveCadenceWaitMs(c, 51, 150)).toBe(250);
    expect(liveCadenceWaitMs(c, 51, 450)).toBe(0);
    expect(liveCadenceWaitMs({ ...c, gapMs: 100 }, 51, 150)).toBe(350); // a 500 ms period: two a second
    expect(liveCadenceWaitMs({ ...c, gapMs: 600 }, 51, 150)).toBe(850);
    // Before anything is measured: paced too (the first surface is the coarsest grid).
    expect(liveCadenceWaitMs(liveCadenceStart(51), 51, 100)).toBe(300);
  });

  it('smooths the measured time per point over surfaces', () => {
    let c = liveCadenceStart(51);
    c = liveCadenceAfterSurface(c, 51, 11, 121 * 1.0);
    expect(c.msPerPoint).toBe(1);
    c = liveCadenceAfterSurface(c, 51, c.resolution, c.resolution * c.resolution * 0.5);
    expect(c.msPerPoint).toBeCloseTo(0.75, 10);
    expect(c.resolution).toBe(15); // sqrt(200 / 0.75) = 16.3
  });

  it('halves the duty above 12 % slower, and at the coarsest grid lengthens the period only above 20 %', () => {
    let c: LiveCadence = { resolution: 25, gapMs: 0, msPerPoint: 0.3, duty: LIVE_START_DUTY };
    c = liveCadenceAfterTraining(c, 51, 600, 522); // 13 % slower: inside the 20 % allowed, but above the aim
    expect(c).toMatchObject({ duty: 0.25, resolution: 17, gapMs: 0 }); // sqrt(100 / 0.3) = 18.3
    c = liveCadenceAfterTraining(c, 51, 600, 400);
    expect(c).toMatchObject({ duty: 0.125, resolution: 11, gapMs: 0 }); // sqrt(50 / 0.3) = 12.9
    // At the coarsest grid, 15 % slower keeps two and a half surfaces a second.
    expect(liveCadenceAfterTraining(c, 51, 600, 510)).toEqual(c);
    c = liveCadenceAfterTraining(c, 51, 600, 400);
    expect(c).toMatchObject({ duty: 0.125, resolution: 11, gapMs: 100 });
    c = liveCadenceAfterTraining(c, 51, 600, 400);
    expect(c.gapMs).toBe(200);
    for (let i = 0; i < 10; i++) c = liveCadenceAfterTraining(c, 51, 600, 400);
    expect(c.gapMs).toBe(LIVE_MAX_GAP_MS);
    // A new surface measurement keeps the duty (and so the coarse grid).
    expect(liveCadenceAfterSurface(c, 51, 11, 121 * 0.3).resolution).toBe(11);
  });

  it('leaves things alone between 5 and 12 % slower, and relaxes below: the gap under 12 %, then the duty under 5 % up to its ceiling', () => {
    const steady: LiveCadence = { resolution: 25, gapMs: 0, msPerPoint: 0.3, duty: LIVE_START_DUTY };
    expect(liveCadenceAfterTraining(steady, 51, 600, 546)).toEqual(steady); // 9 % slower
    expect(liveCadenceAfterTraining(steady, 51, 600, 530)).toEqual(steady); // 11.7 % slower
    const waiting: LiveCadence = { resolution: 11, gapMs: 400, msPerPoint: 0.7, duty: 0.2 };
    expect(liveCadenceAfterTraining(waiting, 51, 600, 510)).toEqual(waiting); // 15 % slower: the gap holds
    let c = liveCadenceAfterTraining(waiting, 51, 600, 546); // 9 % slower
    expect(c).toMatchObject({ gapMs: 200, duty: 0.2 });
    c = liveCadenceAfterTraining({ ...c, gapMs: 50 }, 51, 600, 580);
    expect(c).toMatchObject({ gapMs: 0, duty: 0.2 }); // the gap goes before the duty rises
    expect(liveCadenceAfterTraining(c, 51, 600, 546)).toEqual(c);
    expect(liveCadenceAfterTraining(c, 51, 600, 580).duty).toBeCloseTo(0.2 * Math.SQRT2, 10);
    let d = liveCadenceAfterTraining(steady, 51, 600, 590);
    expect(d.duty).toBeCloseTo(0.5 * Math.SQRT2, 10);
    expect(d.resolution).toBe(29); // sqrt(282.8 / 0.3) = 30.7
    for (let i = 0; i < 5; i++) d = liveCadenceAfterTraining(d, 51, 600, 590);
    expect(d.duty).toBe(LIVE_MAX_DUTY);
    expect(d.resolution).toBe(33); // sqrt(360 / 0.3) = 34.6
    // Nonsense rates change nothing.
    expect(liveCadenceAfterTraining(d, 51, 0, 580)).toEqual(d);
    expect(liveCadenceAfterTraining(d, 51, 600, Number.NaN)).toEqual(d);
  });
});

import { describe, expect, it } from 'vitest';
import { LIVE_MAX_GAP_MS, type LiveCadence, liveCadenceAfterSurface, liveCadenceAfterTraining, liveCadenceStart, liveResolutionFor } from './landscapeCadence';

describe('live landscape cadence', () => {
  it('keeps the chosen resolution, back to back, where a full surface takes under 100 ms', () => {
    // The H200: 51×51 batched in 78 ms.
    expect(liveResolutionFor(78 / 2601, 51)).toBe(51);
    const after = liveCadenceAfterSurface(liveCadenceStart(51), 51, 11, (78 / 2601) * 121);
    expect(after).toMatchObject({ resolution: 51, gapMs: 0 });
  });

  it('sizes the grid for at least two surfaces a second elsewhere (odd, at least 11)', () => {
    // WASM here: 51×51 looped in 1 846 ms → 0.71 ms a point → a 400 ms budget fits 23×23 (529 points).
    const msPerPoint = 1846 / 2601;
    expect(liveResolutionFor(msPerPoint, 51)).toBe(23);
    expect(23 * 23 * msPerPoint).toBeLessThan(500);
    // A slower backend bottoms out at the preview's 11×11; a chosen grid below that stays.
    expect(liveResolutionFor(30, 51)).toBe(11);
    expect(liveResolutionFor(30, 9)).toBe(9);
  });

  it('smooths the measured time per point over surfaces', () => {
    let c = liveCadenceStart(51);
    c = liveCadenceAfterSurface(c, 51, 11, 121 * 1.0);
    expect(c.msPerPoint).toBe(1);
    c = liveCadenceAfterSurface(c, 51, c.resolution, c.resolution * c.resolution * 0.5);
    expect(c.msPerPoint).toBeCloseTo(0.75, 10);
    expect(c.resolution).toBe(23); // sqrt(400 / 0.75) = 23.09
  });

  it('coarsens the grid, then waits between surfaces, while training is slowed by more than 20 %', () => {
    let c: LiveCadence = { resolution: 23, gapMs: 0, msPerPoint: 0.7, cap: 51 };
    c = liveCadenceAfterTraining(c, 51, 600, 400); // 33 % slower
    expect(c).toMatchObject({ resolution: 15, cap: 15, gapMs: 0 }); // 23/√2 = 16.3 → 15
    c = liveCadenceAfterTraining(c, 51, 600, 400);
    expect(c).toMatchObject({ resolution: 11, gapMs: 0 });
    c = liveCadenceAfterTraining(c, 51, 600, 400);
    expect(c.gapMs).toBe(100);
    c = liveCadenceAfterTraining(c, 51, 600, 400);
    expect(c.gapMs).toBe(200);
    for (let i = 0; i < 10; i++) c = liveCadenceAfterTraining(c, 51, 600, 400);
    expect(c.gapMs).toBe(LIVE_MAX_GAP_MS);
    // A new surface measurement does not lift the cap.
    expect(liveCadenceAfterSurface(c, 51, 11, 121 * 0.1).resolution).toBe(11);
  });

  it('leaves things alone between 10 and 20 % slower, and relaxes under 10 %', () => {
    const slowed: LiveCadence = { resolution: 11, gapMs: 400, msPerPoint: 0.7, cap: 11 };
    expect(liveCadenceAfterTraining(slowed, 51, 600, 510)).toEqual(slowed); // 15 % slower
    let c = liveCadenceAfterTraining(slowed, 51, 600, 580); // 3 % slower
    expect(c.gapMs).toBe(200);
    c = liveCadenceAfterTraining({ ...c, gapMs: 50 }, 51, 600, 580);
    expect(c.gapMs).toBe(0);
    c = liveCadenceAfterTraining(c, 51, 600, 580);
    expect(c.cap).toBe(17);
    expect(c.resolution).toBe(17);
    // Nonsense rates change nothing.
    expect(liveCadenceAfterTraining(c, 51, 0, 580)).toEqual(c);
    expect(liveCadenceAfterTraining(c, 51, 600, Number.NaN)).toEqual(c);
  });
});

// How often, and how finely, the landscape is recomputed while training runs (the live surface).
// Where a full surface takes under 100 ms (a GPU), every surface is at the chosen resolution, ten
// a second. Elsewhere surfaces are paced at LIVE_TARGET_HZ (a margin above the two a second
// promised), and the grid is sized from the measured time per grid point so that a surface fills
// only a share of each period, the surveyor's duty: on a machine with two cores the trainer, the
// surveyor and the page's drawing share them, and a surveyor that never idles slows training by
// about a quarter. The duty starts at half and follows training's measured speed with some
// hysteresis: more than LIVE_ACT_SLOWDOWN slower than without surfaces halves it, less than
// LIVE_RELAX_SLOWDOWN raises it, so the slowdown settles well inside the 20 % allowed instead of
// oscillating around it. At the coarsest grid, training still comes first: only there, and only
// when training runs more than the 20 % slower, do surfaces wait longer than the period (fewer
// than two a second). When training stops, the frozen surface is computed at the chosen
// resolution (landscapeFollow.ts).

/** A full surface this fast is recomputed at full resolution, LIVE_FAST_HZ a second. */
export const LIVE_FULL_MS = 100;
/** Live surfaces a second where a full surface takes under LIVE_FULL_MS (the issue's ≥ 10). */
export const LIVE_FAST_HZ = 10;
/** At least this many live surfaces a second where the grid can be made small enough. */
export const LIVE_MIN_HZ = 2;
/** Live surfaces are asked for at this rate: a quarter above LIVE_MIN_HZ, for the messages and the path. */
export const LIVE_TARGET_HZ = 2.5;
/** The share of each period a live surface may take, at first and at most (the surveyor's duty cycle). */
export const LIVE_START_DUTY = 0.5;
export const LIVE_MAX_DUTY = 0.9;
/** The coarsest live grid (the preview's resolution). */
export const LIVE_MIN_RESOLUTION = 11;
/** Training may run at most this much slower while live surfaces are computed. */
export const LIVE_MAX_SLOWDOWN = 0.2;
/** Backing off starts above this slowdown and relaxing below the next, aiming inside the bound. */
export const LIVE_ACT_SLOWDOWN = 0.12;
export const LIVE_RELAX_SLOWDOWN = 0.05;
/** The longest addition to the period when training needs the machine. */
export const LIVE_MAX_GAP_MS = 2000;

export interface LiveCadence {
  /** Live grid points per axis (odd, so the current weights are a grid point). */
  resolution: number;
  /** Milliseconds added to the period, at the coarsest grid, while training runs over 20 % slower. */
  gapMs: number;
  /** Measured milliseconds per grid point (smoothed); null before the first live surface. */
  msPerPoint: number | null;
  /** The share of each period a surface may take (LIVE_START_DUTY at first, at most LIVE_MAX_DUTY). */
  duty: number;
}

function oddAtMost(value: number): number {
  const r = Math.floor(value);
  return r % 2 === 1 ? r : r - 1;
}

function clampResolution(value: number, chosen: number): number {
  return Math.max(Math.min(LIVE_MIN_RESOLUTION, chosen), Math.min(chosen, oddAtMost(value)));
}

/** A full surface at the chosen resolution takes under LIVE_FULL_MS. */
function fast(msPerPoint: number | null, chosen: number): boolean {
  return msPerPoint !== null && msPerPoint * chosen * chosen < LIVE_FULL_MS;
}

/** Before any live surface: the coarsest grid (the first surface measures the rate), no extra wait. */
export function liveCadenceStart(chosen: number): LiveCadence {
  return { resolution: Math.min(chosen, LIVE_MIN_RESOLUTION), gapMs: 0, msPerPoint: null, duty: LIVE_START_DUTY };
}

/** The live resolution for a measured time per grid point: a surface fills `duty` of the period. */
export function liveResolutionFor(msPerPoint: number, chosen: number, duty = LIVE_START_DUTY): number {
  if (fast(msPerPoint, chosen)) return chosen;
  return clampResolution(Math.sqrt((duty * 1000) / LIVE_TARGET_HZ / msPerPoint), chosen);
}

/** After a live surface of `resolution` took `elapsedMs`: the next surface's resolution. */
export function liveCadenceAfterSurface(cadence: LiveCadence, chosen: number, resolution: number, elapsedMs: number): LiveCadence {
  const sample = elapsedMs / (resolution * resolution);
  const msPerPoint = cadence.msPerPoint === null ? sample : 0.5 * cadence.msPerPoint + 0.5 * sample;
  return { ...cadence, msPerPoint, resolution: liveResolutionFor(msPerPoint, chosen, cadence.duty) };
}

/**
 * How long to wait before asking for the next live surface, `sinceAskedMs` after asking for the
 * last one (which has just settled): the rest of the period, lengthened by the cadence's gap.
 */
export function liveCadenceWaitMs(cadence: LiveCadence, chosen: number, sinceAskedMs: number): number {
  const hz = fast(cadence.msPerPoint, chosen) ? LIVE_FAST_HZ : LIVE_TARGET_HZ;
  return Math.max(0, 1000 / hz + cadence.gapMs - sinceAskedMs);
}

/**
 * After comparing training's speed with live surfaces (`during`) against without (`baseline`),
 * in steps per second: over LIVE_ACT_SLOWDOWN slower halves the duty (a grid with about half the
 * points); at the coarsest grid, over LIVE_MAX_SLOWDOWN lengthens the period (two surfaces a
 * second give way to training) and under LIVE_ACT_SLOWDOWN shortens it again; under
 * LIVE_RELAX_SLOWDOWN with no lengthening raises the duty. Where a full surface is fast the
 * cadence stays (ten full surfaces a second is the promise there).
 */
export function liveCadenceAfterTraining(cadence: LiveCadence, chosen: number, baseline: number, during: number): LiveCadence {
  if (!(baseline > 0) || !(during >= 0) || fast(cadence.msPerPoint, chosen)) return cadence;
  const slowdown = 1 - during / baseline;
  const coarsest = Math.min(chosen, LIVE_MIN_RESOLUTION);
  const withDuty = (duty: number): LiveCadence => ({
    ...cadence,
    duty,
    resolution: cadence.msPerPoint === null ? cadence.resolution : liveResolutionFor(cadence.msPerPoint, chosen, duty),
  });
  if (slowdown > LIVE_ACT_SLOWDOWN && cadence.resolution > coarsest) return withDuty(cadence.duty / 2);
  if (slowdown > LIVE_MAX_SLOWDOWN) return { ...cadence, gapMs: Math.min(LIVE_MAX_GAP_MS, Math.max(100, cadence.gapMs * 2)) };
  if (slowdown < LIVE_ACT_SLOWDOWN && cadence.gapMs > 0) return { ...cadence, gapMs: cadence.gapMs < 100 ? 0 : cadence.gapMs / 2 };
  if (slowdown < LIVE_RELAX_SLOWDOWN && cadence.gapMs === 0 && cadence.duty < LIVE_MAX_DUTY) return withDuty(Math.min(LIVE_MAX_DUTY, cadence.duty * Math.SQRT2));
  return cadence;
}

/** Does `next` give the machine back to training (a lower duty or a longer period) compared with `cadence`? */
export function liveCadenceBacksOff(cadence: LiveCadence, next: LiveCadence): boolean {
  return next.duty < cadence.duty || next.gapMs > cadence.gapMs;
}

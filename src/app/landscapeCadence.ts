// How often, and how finely, the landscape is recomputed while training runs (the live surface).
// Where a full surface takes under 100 ms (a GPU), every surface is at the chosen resolution,
// back to back: ten or more a second. Elsewhere the live grid is coarser, sized from the measured
// time per grid point so that a surface takes at most LIVE_SURFACE_BUDGET_MS (two or more a
// second). Training comes first: if it runs more than 20 % slower while surfaces are computed
// than without, the grid gets coarser still, then surfaces wait between them. When training
// stops, the frozen surface is computed at the chosen resolution (landscapeFollow.ts).

/** A full surface this fast is recomputed at full resolution, back to back. */
export const LIVE_FULL_MS = 100;
/** At least this many live surfaces a second where the grid can be made small enough. */
export const LIVE_MIN_HZ = 2;
/** The live surface's time budget: 1/LIVE_MIN_HZ with a fifth left for the path and the messages. */
export const LIVE_SURFACE_BUDGET_MS = 0.8 * (1000 / LIVE_MIN_HZ);
/** The coarsest live grid (the preview's resolution). */
export const LIVE_MIN_RESOLUTION = 11;
/** Training may run at most this much slower while live surfaces are computed. */
export const LIVE_MAX_SLOWDOWN = 0.2;
/** The longest wait between live surfaces when training needs the machine. */
export const LIVE_MAX_GAP_MS = 2000;

export interface LiveCadence {
  /** Live grid points per axis (odd, so the current weights are a grid point). */
  resolution: number;
  /** Milliseconds to wait after a live surface before asking for the next. */
  gapMs: number;
  /** Measured milliseconds per grid point (smoothed); null before the first live surface. */
  msPerPoint: number | null;
  /** The resolution may not exceed this while training is too slowed by the surfaces. */
  cap: number;
}

function oddAtMost(value: number): number {
  const r = Math.floor(value);
  return r % 2 === 1 ? r : r - 1;
}

function clampResolution(value: number, chosen: number): number {
  return Math.max(Math.min(LIVE_MIN_RESOLUTION, chosen), Math.min(chosen, oddAtMost(value)));
}

/** Before any live surface: the chosen resolution, no wait (the first surface measures the rate). */
export function liveCadenceStart(chosen: number): LiveCadence {
  return { resolution: Math.min(chosen, LIVE_MIN_RESOLUTION), gapMs: 0, msPerPoint: null, cap: chosen };
}

/** The live resolution for a measured time per grid point, ignoring training's speed. */
export function liveResolutionFor(msPerPoint: number, chosen: number): number {
  if (msPerPoint * chosen * chosen < LIVE_FULL_MS) return chosen;
  return clampResolution(Math.sqrt(LIVE_SURFACE_BUDGET_MS / msPerPoint), chosen);
}

/** After a live surface of `resolution` took `elapsedMs`: the next surface's resolution. */
export function liveCadenceAfterSurface(cadence: LiveCadence, chosen: number, resolution: number, elapsedMs: number): LiveCadence {
  const sample = elapsedMs / (resolution * resolution);
  const msPerPoint = cadence.msPerPoint === null ? sample : 0.5 * cadence.msPerPoint + 0.5 * sample;
  return { ...cadence, msPerPoint, resolution: Math.min(cadence.cap, liveResolutionFor(msPerPoint, chosen)) };
}

/**
 * After comparing training's speed with live surfaces (`during`) against without (`baseline`),
 * in steps per second: over 20 % slower makes the grid coarser (half the points) and, at the
 * coarsest grid, the wait between surfaces longer; under 10 % slower relaxes the wait, then the cap.
 */
export function liveCadenceAfterTraining(cadence: LiveCadence, chosen: number, baseline: number, during: number): LiveCadence {
  if (!(baseline > 0) || !(during >= 0)) return cadence;
  const slowdown = 1 - during / baseline;
  const coarsest = Math.min(chosen, LIVE_MIN_RESOLUTION);
  if (slowdown > LIVE_MAX_SLOWDOWN) {
    if (cadence.resolution > coarsest) {
      const cap = clampResolution(cadence.resolution / Math.SQRT2, chosen);
      return { ...cadence, cap, resolution: Math.min(cadence.resolution, cap) };
    }
    return { ...cadence, gapMs: Math.min(LIVE_MAX_GAP_MS, Math.max(100, cadence.gapMs * 2)) };
  }
  if (slowdown < LIVE_MAX_SLOWDOWN / 2) {
    if (cadence.gapMs > 0) return { ...cadence, gapMs: cadence.gapMs < 100 ? 0 : cadence.gapMs / 2 };
    if (cadence.cap < chosen) {
      const cap = Math.min(chosen, clampResolution(cadence.cap * Math.SQRT2, chosen) + 2);
      const resolution = cadence.msPerPoint === null ? cadence.resolution : Math.min(cap, liveResolutionFor(cadence.msPerPoint, chosen));
      return { ...cadence, cap, resolution };
    }
  }
  return cadence;
}

// A keystroke shows at the next paint, so the paint after one should be a light one. Heavy
// redraws that can wait a moment (a 3-D canvas, the views' share of training frames) hold back
// for QUIET_MS after a key is pressed in the page, and the typed character appears without
// waiting behind them. Keys on a canvas (orbiting the 3-D view) are the redraw itself, and do
// not count.

/** How long heavy redraws wait after a keystroke: a little more than one slow frame. */
export const QUIET_MS = 120;

let lastKey = Number.NEGATIVE_INFINITY;

function onKey(event: Event): void {
  if (event.target instanceof HTMLCanvasElement) return;
  lastKey = performance.now();
}

if (typeof window !== 'undefined') {
  for (const type of ['keydown', 'beforeinput']) window.addEventListener(type, onKey, { capture: true, passive: true });
}

/** Milliseconds until heavy redraws may go on (0: now). */
export function inputQuietRemaining(now = performance.now()): number {
  return Math.max(0, lastKey + QUIET_MS - now);
}

/** For tests: as if a key had been pressed at `time`. */
export function inputQuietKeyAt(time: number): void {
  lastKey = time;
}

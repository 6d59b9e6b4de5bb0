// One 3-D canvas drawn per animation frame, across every surface on the page.
//
// Without a GPU (SwiftShader), the compositor reads each WebGL canvas drawn since the last frame
// back into memory during the main thread's commit (glReadPixels, which waits for the software
// renderer to finish): four small-multiple surfaces drawn in the same frame held that frame for
// the time of four renders and four read-backs, 100–400 ms on a 2-core machine. Drawn one per
// frame, a frame waits for at most one, and the canvases take turns (oldest request first).
//
// A draw may be asynchronous (surfaceFencedDraw.ts: drawn off screen, shown once the GPU is
// done): the next starts only when its promise settles, after the frame that showed it. All
// canvases share the GPU's one queue, so a draw started sooner would make that frame's read-back
// wait for it.

import { inputQuietRemaining } from '../../app/inputQuiet';

type Draw = () => void | Promise<void>;

const waiting = new Set<Draw>();
let frame = 0;

function next(): void {
  frame = 0;
  // Right after a keystroke the next paint is the character's: the draw waits a moment.
  const quiet = inputQuietRemaining();
  if (quiet > 0) {
    frame = -1;
    setTimeout(() => {
      frame = requestAnimationFrame(next);
    }, quiet);
    return;
  }
  const [draw] = waiting;
  if (!draw) return;
  waiting.delete(draw);
  const drawn = draw();
  if (!drawn) {
    if (waiting.size > 0) frame = requestAnimationFrame(next);
    return;
  }
  frame = -1; // requests wait for this draw
  const done = (): void => {
    frame = waiting.size > 0 ? requestAnimationFrame(next) : 0;
  };
  drawn.then(done, done);
}

/** Draws at the next free animation frame; a draw already waiting keeps its place. */
export function drawQueueRequest(draw: Draw): void {
  waiting.add(draw);
  frame ||= requestAnimationFrame(next);
}

/** Forgets a waiting draw (its canvas is going away). */
export function drawQueueCancel(draw: Draw): void {
  waiting.delete(draw);
}

/** Draws waiting, for tests. */
export function drawQueueLength(): number {
  return waiting.size;
}

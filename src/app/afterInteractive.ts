import { useTrainingStore } from './trainingStore';

/** Longest wait for Play: a page whose trainer never answers still gets its views. */
const FALLBACK_MS = 8000;
/** Longest wait, once Play can be pressed, for the first training frame. */
const FIRST_FRAME_WAIT_MS = 1000;
/** Longest wait for an idle moment once Play can be pressed. */
const IDLE_TIMEOUT_MS = 500;

let interactive: Promise<void> | null = null;

/** Resolves when `ready` holds for the training store, or after `waitMs`, whichever is first. */
function storeReady(ready: () => boolean, waitMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(fallback);
      resolve();
    };
    const unsubscribe = useTrainingStore.subscribe(() => {
      if (ready()) finish();
    });
    const fallback = setTimeout(finish, waitMs);
    if (ready()) finish();
  });
}

function idle(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}

/**
 * Resolves once Play can be pressed (the trainer has a backend, or said it has none), and then
 * the first training frame is in (or a second has passed without one), at an idle moment. The
 * heavy library the first screen draws with but does not need to start, three.js for the 3-D
 * landscape, waits for it: the page becomes usable and the first frame of training shows without
 * it, and the 3-D view arrives a moment later.
 */
export function afterInteractive(): Promise<void> {
  interactive ??= storeReady(() => {
    const s = useTrainingStore.getState();
    return s.backend !== null || s.backendError !== null;
  }, FALLBACK_MS)
    .then(() => storeReady(() => useTrainingStore.getState().step > 0, FIRST_FRAME_WAIT_MS))
    .then(idle);
  return interactive;
}

import { useTrainingStore } from './trainingStore';

/** Longest wait for Play: a page whose trainer never answers still gets its views. */
const FALLBACK_MS = 8000;
/** Longest wait for an idle moment once Play can be pressed. */
const IDLE_TIMEOUT_MS = 500;

let interactive: Promise<void> | null = null;

/**
 * Resolves once Play can be pressed (the trainer has a backend, or said it has none) and the main
 * thread has had an idle moment after that. The heavy libraries the first screen draws with but
 * does not need to start (three.js for the 3-D landscape, KaTeX for formulas) wait for it, so
 * the page becomes usable without them and they arrive a moment later.
 */
export function afterInteractive(): Promise<void> {
  interactive ??= new Promise<void>((resolve) => {
    let done = false;
    const idle = (): void => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(fallback);
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      else setTimeout(resolve, 0);
    };
    const canPlay = (): boolean => {
      const s = useTrainingStore.getState();
      return s.backend !== null || s.backendError !== null;
    };
    const unsubscribe = useTrainingStore.subscribe(() => {
      if (canPlay()) idle();
    });
    const fallback = setTimeout(idle, FALLBACK_MS);
    if (canPlay()) idle();
  });
  return interactive;
}

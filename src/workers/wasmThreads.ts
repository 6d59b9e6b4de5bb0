// Multi-threaded WASM (tfjs-backend-wasm's threaded SIMD build) in a bundled worker.
//
// Threads need SharedArrayBuffer, which browsers give only to cross-origin isolated pages (the
// COOP/COEP headers: vite.config.ts and the README's hosting notes). tfjs then starts its thread
// workers from a Blob of `var WasmBackendModuleThreadedSimd = ` + the Emscripten factory's
// `toString()` (tfjs-backend-wasm 4.22, src/backend_wasm.ts, `init()`: `mainScriptUrlOrBlob`).
// Bundled and minified, that function's text no longer stands alone: the minifier drops the
// `typeof _scriptDir !== "undefined"` guard of a variable it knows is declared in the enclosing
// closure and renames it, so each thread throws "ReferenceError: e is not defined" and the
// backend never starts. The factory's own text, unbundled, does stand alone (it is what the npm
// package's unbundled builds send). So the function object tfjs holds gets a `toString` that
// returns the file's original text, imported as a string (Vite's `?raw`, kept verbatim by the
// minifier); the thread workers then evaluate the original, and the worker bundle keeps its own
// minified copy. No eval and no copied code: the text comes from the installed package.
import threadedFactory from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
import threadedSource from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';
import { tf } from '../engine/tf';
import { backendCacheGet, backendCacheKey, backendCachePut } from './backendCache';

/** Whether this context could run WASM threads: cross-origin isolated, so SharedArrayBuffer exists. */
export function wasmThreadsAvailable(): boolean {
  return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined';
}

/**
 * Makes the threaded factory's text the original file's, so the thread workers' script stands
 * alone. The file is `var WasmBackendModuleThreadedSimd = (() => {…})(); if (typeof exports …`;
 * tfjs prefixes `var WasmBackendModuleThreadedSimd = `, so the text starts with `undefined;` and
 * the file's own declaration follows.
 */
export function wasmThreadsPrepare(): void {
  const factory = threadedFactory as unknown as { toString: () => string };
  if (typeof factory !== 'function') throw new Error('the threaded WASM build did not load as a function');
  factory.toString = () => `undefined;\n${threadedSource}`;
}

/**
 * Restarts the WASM backend threaded or single-threaded and makes it current. The old instance
 * is disposed (its threads terminated) with every tensor on it, so no tensor may live there: the
 * caller does this before any workload exists (wasmThreadsChoose).
 */
export async function wasmThreadsRestart(threaded: boolean): Promise<void> {
  const { BackendWasm } = await import('@tensorflow/tfjs-backend-wasm');
  const { init } = await import('@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js');
  tf.removeBackend('wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threaded);
  if (threaded) wasmThreadsPrepare();
  // As tfjs-backend-wasm's own registration (dist/base.js), at its priority.
  tf.registerBackend('wasm', async () => new BackendWasm((await init()).wasm), 2);
  if (!(await tf.setBackend('wasm'))) throw new Error(`WASM failed to start ${threaded ? 'threaded' : 'single-threaded'}`);
}

/** A timing of the worker's own workload on the current backend: work per second. */
export type WasmThreadsTrial = () => Promise<number>;

export interface WasmThreadsChoice {
  threaded: boolean;
  /** Work per second single-threaded and threaded (null: not timed, the stored choice was used). */
  single: number | null;
  threads: number | null;
}

/** Logical cores from which tfjs's threaded build runs more than one thread. */
const MIN_CORES = 4;

/** Threads must be this much faster to be kept: equal rates keep the simpler single thread. */
const THREADS_MARGIN = 1.05;

/**
 * Times `trial` on single-threaded WASM (current when this is called) and threaded, and keeps the
 * faster; a choice stored for this device is used without timing. Called once, at the worker's
 * first WASM start, while no tensor exists.
 */
export async function wasmThreadsChoose(trial: WasmThreadsTrial): Promise<WasmThreadsChoice> {
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 0;
  // tfjs runs at most half the logical cores as threads (tfjs-backend-wasm 4.22, src/cc/backend.cc,
  // init_with_threads_count: min(count, 8, hardwareConcurrency / 2)): below four, one thread.
  if (cores < MIN_CORES) return { threaded: false, single: null, threads: null };
  const key = backendCacheKey('wasmThreads', `${cores} cores|tfjs ${tf.version_core}`, 'survey');
  const stored = await backendCacheGet(key);
  if (stored) {
    const threaded = stored.choice.strategy === 'threaded';
    if (threaded) await wasmThreadsRestart(true);
    return { threaded, single: null, threads: null };
  }
  const single = await trial();
  let threads: number | null = null;
  try {
    await wasmThreadsRestart(true);
    threads = await trial();
  } catch {
    // Threads failed to start here (threads stays null): single-threaded it is.
  }
  const threaded = threads !== null && threads > single * THREADS_MARGIN;
  if (!threaded) await wasmThreadsRestart(false);
  const rate = threaded ? threads : single;
  const trials = [
    { backend: 'wasm' as const, strategy: 'single', rate: single },
    { backend: 'wasm' as const, strategy: 'threaded', rate: threads },
  ];
  const choice = { backend: 'wasm' as const, strategy: threaded ? 'threaded' : 'single', rate, source: 'measured' as const, trials, sizeClass: 'survey' };
  void backendCachePut(key, { device: `${cores} cores|tfjs ${tf.version_core}`, sizeClass: 'survey', choice });
  return { threaded, single, threads };
}

import { tf } from '../engine/tf';
import { BACKEND_NAMES, type BackendFailure, type BackendInfo, type BackendName } from './protocol';
import type { WasmThreadsTrial } from './wasmThreads';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; device?: string };
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

/** The workload WASM threads are timed on in this worker (null: single-threaded); see backendWasmThreads. */
let wasmThreadsTrial: WasmThreadsTrial | null = null;
let wasmThreadsSettled = false;

/**
 * Lets this worker's WASM backend run threaded where the page is cross-origin isolated, when
 * `trial` (the worker's own workload) runs faster so. Set at the worker's start: at WASM's first
 * start, before any tensor lives there, it is timed single-threaded and threaded (wasmThreads.ts);
 * `?backend=wasm` takes threads without timing.
 */
export function backendWasmThreads(trial: WasmThreadsTrial | null): void {
  wasmThreadsTrial = trial;
}

/** WASM threads in use when the current backend is wasm and runs more than one, else null. */
export async function backendThreads(): Promise<number | null> {
  if (tf.getBackend() !== 'wasm') return null;
  const count = (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount();
  return count > 1 ? count : null;
}

/**
 * Loads and registers a backend's code. Each is a separate chunk, loaded only when tried, so a
 * machine that runs wasm never downloads the WebGPU kernels.
 */
async function backendRegister(name: BackendName): Promise<void> {
  switch (name) {
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      wasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlainUrl,
        'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
      });
      // Single-threaded first; backendStart may restart it threaded (backendWasmThreads).
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      return;
    }
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}

/** What the machine offers for WebGPU: a hardware adapter's description, or why there is none. */
export interface WebgpuAdapterState {
  /** "vendor architecture device" of the adapter, or null when there is none. */
  description: string | null;
  fallback: boolean;
  /** Why WebGPU is not an automatic candidate, or null when a hardware adapter exists. */
  unsuitable: string | null;
}

export async function webgpuAdapterState(): Promise<WebgpuAdapterState> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { description: null, fallback: false, unsuitable: 'this browser offers no WebGPU' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { description: null, fallback: false, unsuitable: 'no WebGPU adapter' };
  const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  const info = adapter.info;
  const description = [info?.vendor, info?.architecture, info?.device].filter(Boolean).join(' ') || 'unnamed adapter';
  return { description, fallback, unsuitable: fallback ? 'only a software WebGPU adapter (no GPU)' : null };
}

/** Why WebGPU should not be picked automatically here, or null when a hardware adapter exists. */
async function webgpuUnsuitable(forced: boolean): Promise<string | null> {
  const state = await webgpuAdapterState();
  if (state.unsuitable && (!state.fallback || !forced)) return state.unsuitable;
  return null;
}

/**
 * Registers and switches to a backend (already started ones switch at once), and checks it with
 * one computation. `forced`: WebGPU on a software adapter is allowed.
 */
export async function backendStart(name: BackendName, forced: boolean): Promise<void> {
  if (name === 'webgpu') {
    const unsuitable = await webgpuUnsuitable(forced);
    if (unsuitable) throw new Error(unsuitable);
  }
  await backendRegister(name);
  if (!(await tf.setBackend(name))) throw new Error('failed to initialise');
  await tf.ready();
  // A backend can initialise and still fail on its first kernel; run one before trusting it.
  // Inside a tidy: its two scalar operands would otherwise stay alive, two per start.
  const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
  let value: number | undefined;
  try {
    [value] = await probe.data();
  } finally {
    probe.dispose();
  }
  if (value !== 3) throw new Error(`a test computation gave ${String(value)}`);
  if (name === 'wasm' && wasmThreadsTrial && !wasmThreadsSettled) {
    wasmThreadsSettled = true;
    const threads = await import('./wasmThreads');
    if (!threads.wasmThreadsAvailable()) return;
    if (!forced) {
      await threads.wasmThreadsChoose(wasmThreadsTrial);
      return;
    }
    try {
      await threads.wasmThreadsRestart(true);
    } catch {
      await threads.wasmThreadsRestart(false); // threads failed to start here: forced WASM runs without
    }
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts the first backend that works, in the order webgpu → wasm → webgl → cpu, or the forced
 * one first. Each failure is kept so the badge can say why a faster backend is not running.
 */
export async function backendSelect(forced: BackendName | null): Promise<BackendInfo> {
  const order = forced ? [forced, ...BACKEND_NAMES.filter((b) => b !== forced)] : [...BACKEND_NAMES];
  const failures: BackendFailure[] = [];
  for (const name of order) {
    try {
      await backendStart(name, name === forced);
      const threads = await backendThreads();
      return { name, reason: backendReason(name, forced, failures), failures, ...(threads ? { threads } : {}) };
    } catch (error) {
      failures.push({ backend: name, message: errorMessage(error) });
    }
  }
  throw new Error(`no tfjs backend could start: ${failures.map((f) => `${f.backend}: ${f.message}`).join('; ')}`);
}

function backendReason(name: BackendName, forced: BackendName | null, failures: readonly BackendFailure[]): string {
  if (name === forced) return 'chosen in the URL (backend=' + name + ')';
  if (name === 'webgpu') return 'a hardware WebGPU adapter is available';
  const passedOver = failures.map((f) => `${f.backend}: ${f.message}`).join('; ');
  return passedOver ? `fallback (${passedOver})` : 'first choice';
}

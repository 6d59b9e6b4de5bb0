// The tfjs backends in Node for the engine benchmark: cpu, wasm (its .wasm files read from the
// package), and webgpu through Dawn (the `webgpu` package) when a GPU adapter is present.
import { tf } from '../../src/engine/tf';

export type EngineBackend = 'cpu' | 'wasm' | 'webgpu';

export interface AdapterReport {
  available: boolean;
  info: Record<string, unknown> | null;
  fallback: boolean;
  /** Why webgpu is not measured, when it is not. */
  skipped: string | null;
}

interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/**
 * Dawn's WebGPU as `navigator.gpu`, and the adapter it offers. A software (fallback) adapter is
 * reported but skipped unless `allowFallback`, so it is never mistaken for the GPU.
 */
export async function webgpuSetUp(allowFallback: boolean): Promise<AdapterReport> {
  let module: { create: (flags: string[]) => unknown; globals: Record<string, unknown> };
  try {
    module = (await import('webgpu')) as unknown as typeof module;
  } catch (error) {
    return { available: false, info: null, fallback: false, skipped: `the webgpu package did not load: ${String(error)}` };
  }
  Object.assign(globalThis, module.globals);
  const gpu = module.create([]) as { requestAdapter(o?: object): Promise<{ info?: GpuAdapterInfoLike; isFallbackAdapter?: boolean } | null> };
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { available: false, info: null, fallback: false, skipped: 'no WebGPU adapter (Dawn found no GPU driver)' };
  const raw = adapter.info ?? {};
  const info = { vendor: raw.vendor, architecture: raw.architecture, device: raw.device, description: raw.description };
  const fallback = raw.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  const skipped = fallback && !allowFallback ? 'only a fallback (software) adapter; set BENCH_ENGINE_WEBGPU_FALLBACK=1 to measure it anyway' : null;
  return { available: !skipped, info: { ...info, isFallbackAdapter: fallback }, fallback, skipped };
}

/** Registers and starts a backend; false (with the reason printed) when it cannot start here. */
export async function backendUse(name: EngineBackend, wasmDir: string): Promise<void> {
  switch (name) {
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      break;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      wasm.setWasmPaths(wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`);
      // Threads need worker_threads glue that the bundle does not carry; the app ships single-threaded SIMD too.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      break;
    }
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      break;
  }
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend did not start`);
  await tf.ready();
}

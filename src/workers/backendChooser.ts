// A worker's backend, chosen for its own workload by measurement (see architecture.md,
// "Backends"): at start the first backend that works (so the worker answers at once), then, for
// each size class of the workload, the candidates timed on it and the fastest kept — or the
// choice stored for this device and size class, or the one the URL forces.
import { tf } from '../engine/tf';
import { backendCacheGet, backendCacheKey, backendCachePut } from './backendCache';
import { backendCachedChoice, backendCandidates, backendDecide, type BackendChoice, type BackendTrial } from './backendDecision';
import { backendSelect, backendStart, backendThreads, errorMessage, webgpuAdapterState } from './backend';
import type { BackendFailure, BackendInfo, BackendName } from './protocol';

/** Times the workload on the backend that is current; one trial per strategy for surfaces. */
export type BackendTrialRun = (backend: BackendName) => Promise<BackendTrial[]>;

export class BackendChooser {
  private info: BackendInfo | null = null;
  private decidedClass: string | null = null;
  private device: Promise<{ key: string; hardwareWebgpu: boolean; webgpuNote: string | null }> | null = null;

  constructor(
    private readonly kind: 'train' | 'survey',
    private readonly forced: BackendName | null,
  ) {}

  /** The first backend that works (the forced one first), before any workload is known. */
  async init(): Promise<BackendInfo> {
    this.info = await backendSelect(this.forced);
    return this.info;
  }

  current(): BackendInfo | null {
    return this.info;
  }

  /** The backend decided for the size class the worker last asked about. */
  decided(sizeClass: string): boolean {
    return this.decidedClass === sizeClass;
  }

  /**
   * Makes the best backend for `sizeClass` current and returns what to show; `trial` times the
   * workload on the current backend. Resolves without timing when this class is already decided.
   * `strategies`: the workload has strategies to choose between, timed even on a forced backend.
   */
  async decide(sizeClass: string, trial: BackendTrialRun, strategies = this.kind === 'survey'): Promise<BackendInfo> {
    if (!this.info) await this.init();
    const started = this.info!;
    if (this.decidedClass === sizeClass) return started;
    const failures: BackendFailure[] = started.failures.filter((f) => f.backend !== 'webgpu');
    let choice: BackendChoice | null;
    if (this.forced && started.name === this.forced) {
      choice = await this.forcedChoice(sizeClass, trial, strategies);
    } else {
      choice = await this.measuredChoice(sizeClass, trial, failures);
    }
    if (!choice) throw new Error(`no tfjs backend could run this workload: ${failures.map((f) => `${f.backend}: ${f.message}`).join('; ')}`);
    await backendStart(choice.backend, choice.backend === this.forced);
    this.decidedClass = sizeClass;
    const threads = await backendThreads();
    this.info = { name: choice.backend, reason: choiceReason(choice, failures), failures: choice.source === 'forced' ? started.failures : failures, choice, ...(threads ? { threads } : {}) };
    return this.info;
  }

  private async forcedChoice(sizeClass: string, trial: BackendTrialRun, strategies: boolean): Promise<BackendChoice> {
    const backend = this.forced!;
    // A forced backend needs no timing, unless a strategy is still to be picked there (a
    // surface's evaluation, compare runs looped or batched).
    const trials = strategies ? await trial(backend) : [];
    const measured = backendDecide(trials, sizeClass);
    return { backend, strategy: measured?.strategy ?? null, rate: measured?.rate ?? null, source: 'forced', trials: measured?.trials ?? trials, sizeClass };
  }

  private async measuredChoice(sizeClass: string, trial: BackendTrialRun, failures: BackendFailure[]): Promise<BackendChoice | null> {
    const device = await this.deviceInfo();
    if (device.webgpuNote) failures.push({ backend: 'webgpu', message: device.webgpuNote });
    const { timed, fallbacks } = backendCandidates(device.hardwareWebgpu);
    const key = backendCacheKey(this.kind, device.key, sizeClass);
    const cached = backendCachedChoice(await backendCacheGet(key), device.key, sizeClass, timed);
    if (cached) {
      try {
        await backendStart(cached.backend, false);
        return cached;
      } catch (error) {
        failures.push({ backend: cached.backend, message: errorMessage(error) });
      }
    }
    const trials = await this.timeEach(timed, trial, failures);
    let choice = backendDecide(trials, sizeClass);
    if (choice) {
      void backendCachePut(key, { device: device.key, sizeClass, choice });
      return choice;
    }
    // Neither WebGPU nor WASM could run it: the fallbacks, first that works.
    for (const backend of fallbacks) {
      const fallbackTrials = await this.timeEach([backend], trial, failures);
      choice = backendDecide(fallbackTrials, sizeClass);
      if (choice) return { ...choice, source: 'fallback', trials: [...choice.trials, ...trials] };
    }
    return null;
  }

  private async timeEach(backends: readonly BackendName[], trial: BackendTrialRun, failures: BackendFailure[]): Promise<BackendTrial[]> {
    const trials: BackendTrial[] = [];
    for (const backend of backends) {
      try {
        await backendStart(backend, false);
        const timed = await trial(backend);
        trials.push(...timed);
        const failed = timed.find((t) => t.rate === null);
        if (failed && timed.every((t) => t.rate === null)) failures.push({ backend, message: failed.error ?? 'failed' });
      } catch (error) {
        failures.push({ backend, message: errorMessage(error) });
        trials.push({ backend, strategy: null, rate: null, error: errorMessage(error) });
      }
    }
    return trials;
  }

  private deviceInfo(): Promise<{ key: string; hardwareWebgpu: boolean; webgpuNote: string | null }> {
    this.device ??= webgpuAdapterState().then(
      (state) => {
        const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 0;
        const adapter = state.description ? `${state.description}${state.fallback ? ' (software)' : ''}` : 'no webgpu';
        return { key: `${adapter}|${cores} cores|tfjs ${tf.version_core}`, hardwareWebgpu: state.unsuitable === null, webgpuNote: state.unsuitable };
      },
      (error: unknown) => ({ key: 'unknown device', hardwareWebgpu: false, webgpuNote: errorMessage(error) }),
    );
    return this.device;
  }
}

/** Why the chosen backend runs, in words for the badge's tooltip. */
function choiceReason(choice: BackendChoice, failures: readonly BackendFailure[]): string {
  const passedOver = failures.map((f) => `${f.backend}: ${f.message}`).join('; ');
  switch (choice.source) {
    case 'forced':
      return `chosen in the URL (backend=${choice.backend})`;
    case 'cached':
      return 'measured fastest here earlier (stored choice)';
    case 'measured':
      return choice.trials.filter((t) => t.rate !== null).length > 1 ? 'measured fastest for this workload' : `the only candidate${passedOver ? ` (${passedOver})` : ''}`;
    case 'fallback':
      return `fallback (${passedOver})`;
  }
}

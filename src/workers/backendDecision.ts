// Which backend (and, for surfaces, which evaluation strategy) a worker uses, decided from
// timings of its own workload. Pure: the timing and the storage live elsewhere (backendTrials.ts,
// backendCache.ts, backendChooser.ts), so every rule here is unit-tested with given numbers.
import { BACKEND_NAMES, type BackendName } from './protocol';

/** One candidate timed on the worker's own workload. */
export interface BackendTrial {
  backend: BackendName;
  /** The surveyor's evaluation strategy (looped, perPoint, batched, stacked2d); null for training. */
  strategy: string | null;
  /** Work per second (training steps, or grid points); null when the candidate failed. */
  rate: number | null;
  /** Why it failed, when it did. */
  error?: string;
}

export type BackendChoiceSource = 'measured' | 'cached' | 'forced' | 'fallback';

export interface BackendChoice {
  backend: BackendName;
  strategy: string | null;
  /** The chosen candidate's rate (work per second); null when it was not timed. */
  rate: number | null;
  source: BackendChoiceSource;
  /** Every candidate, fastest first, failures last: what the badge quotes. */
  trials: BackendTrial[];
  sizeClass: string;
}

/**
 * Rates within this fraction of the fastest count as a tie, which the earlier candidate wins:
 * a few hundred milliseconds of timing on a busy machine cannot tell 3 % apart, and the order
 * the caller lists candidates in (its preference) is a better tie-breaker than noise.
 */
export const BACKEND_TIE_TOLERANCE = 0.05;

/** The size class of a workload: its work per step (or per grid point) in powers of four. */
export function backendSizeClass(kind: 'train' | 'survey', work: number): string {
  const level = work > 1 ? Math.floor(Math.log(work) / Math.log(4)) : 0;
  return `${kind}:${level}`;
}

/** Multiply-adds of one forward pass: examples × Σ inputs·outputs over the layers. */
export function backendForwardWork(examples: number, layerSizes: readonly number[]): number {
  let sum = 0;
  for (let l = 1; l < layerSizes.length; l++) sum += layerSizes[l - 1]! * layerSizes[l]!;
  return examples * sum;
}

/** Ranks trials fastest first; failed ones (rate null or not finite) last, in their given order. */
export function backendRank(trials: readonly BackendTrial[]): BackendTrial[] {
  const ok = trials.filter((t) => t.rate !== null && Number.isFinite(t.rate) && t.rate > 0);
  const failed = trials.filter((t) => !ok.includes(t));
  return [...ok.map((t, order) => ({ t, order })).sort((a, b) => b.t.rate! - a.t.rate! || a.order - b.order).map((x) => x.t), ...failed];
}

/**
 * The fastest trial; a tie (within BACKEND_TIE_TOLERANCE of the fastest) goes to the one listed
 * first. Null when every candidate failed, so the caller falls back (webgl, then cpu).
 */
export function backendDecide(trials: readonly BackendTrial[], sizeClass: string): BackendChoice | null {
  const ranked = backendRank(trials);
  const best = ranked[0];
  if (!best || best.rate === null || !(best.rate > 0)) return null;
  const threshold = best.rate * (1 - BACKEND_TIE_TOLERANCE);
  const winner = trials.find((t) => t.rate !== null && t.rate >= threshold)!;
  return { backend: winner.backend, strategy: winner.strategy, rate: winner.rate, source: 'measured', trials: ranked, sizeClass };
}

/** A choice stored for a device and a size class. */
export interface CachedChoice {
  device: string;
  sizeClass: string;
  choice: BackendChoice;
}

/**
 * The stored choice for this device and size class, when its backend is still a candidate here.
 * A choice for another size class (or another device) is never reused: the fastest backend
 * changes with the size of the work, which is the point of measuring.
 */
export function backendCachedChoice(cached: CachedChoice | null, device: string, sizeClass: string, candidates: readonly BackendName[]): BackendChoice | null {
  if (!cached || cached.device !== device || cached.sizeClass !== sizeClass) return null;
  const { choice } = cached;
  if (!candidates.includes(choice.backend) || choice.sizeClass !== sizeClass) return null;
  return { ...choice, source: 'cached' };
}

/** The automatic candidates: WebGPU only with a hardware adapter, then WASM; the rest are fallbacks. */
export function backendCandidates(hardwareWebgpu: boolean): { timed: BackendName[]; fallbacks: BackendName[] } {
  const timed: BackendName[] = hardwareWebgpu ? ['webgpu', 'wasm'] : ['wasm'];
  return { timed, fallbacks: BACKEND_NAMES.filter((b) => b !== 'webgpu' && !timed.includes(b)) };
}

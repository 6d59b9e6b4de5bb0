import type { MoeFrame } from '../workers/protocol';

/** One step of a mixture of experts' routing, as the load and score charts draw it. */
export interface MoeHistoryPoint {
  step: number;
  /** fᵢ per expert over the training split. */
  load: readonly number[];
  specialisation: number;
  topShare: number;
  routerEntropy: number;
  maxLoadRatio: number;
}

/** Longest the history grows before every other point is dropped (its ends kept). */
export const MOE_HISTORY_CAPACITY = 400;

export function moeHistoryAppend(history: readonly MoeHistoryPoint[], frame: MoeFrame): MoeHistoryPoint[] {
  const { load, specialisation, topShare, routerEntropy, maxLoadRatio } = frame.stats;
  const last = history[history.length - 1];
  // A frame at the same step (training stopped there) replaces the one before it.
  const kept = last && last.step >= frame.step ? history.filter((p) => p.step < frame.step) : [...history];
  kept.push({ step: frame.step, load, specialisation, topShare, routerEntropy, maxLoadRatio });
  return kept.length > MOE_HISTORY_CAPACITY ? kept.filter((_, i) => i % 2 === 0 || i === kept.length - 1) : kept;
}

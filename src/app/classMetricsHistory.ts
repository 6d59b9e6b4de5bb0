import type { FrameEvaluation } from '../workers/protocol';

/** The test split's per-class numbers at one evaluated step. */
export interface ClassMetricsPoint {
  step: number;
  balancedAccuracy: number;
  macroF1: number;
  /** Recall of each class; NaN for a class with no test examples. */
  recall: number[];
}

/** Evaluations arrive up to ~30 a second: beyond this many points, every other one is dropped. */
const CAPACITY = 1000;

/** The history with this evaluation's numbers added, thinned to stay bounded on long runs. */
export function classMetricsHistoryAppend(history: readonly ClassMetricsPoint[], evaluation: FrameEvaluation | null): readonly ClassMetricsPoint[] {
  if (!evaluation) return history;
  const { balancedAccuracy, macroF1, recall } = evaluation.testClasses;
  const next = [...history, { step: evaluation.step, balancedAccuracy, macroF1, recall }];
  // Keep the odd entries so the newest point stays.
  return next.length > CAPACITY ? next.filter((_, i) => i % 2 === (next.length - 1) % 2) : next;
}

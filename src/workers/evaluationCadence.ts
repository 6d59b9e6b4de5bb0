/**
 * How often each run's held-out metrics are recomputed. Every run of a comparison costs the same
 * to evaluate, so with `runs` runs each is evaluated `runs` times less often, and no more often
 * than `COST_MULTIPLE` times its measured cost: watching costs about 1/20 of the training time.
 * On a slow or loaded machine that alone spaced validation points ten seconds apart (6 runs at
 * ~85 ms an evaluation: 6 × 20 × 85 ms), and the validation curves ran straight across the gap.
 * So the interval is capped at `MAX_GAP_MS`, unless keeping that would spend more than
 * `MAX_SHARE` of the time evaluating: then evaluation takes that share and no more.
 */
export const MAX_GAP_MS = 3000;
export const MAX_SHARE = 1 / 4;

export function evaluationIntervalMs(runs: number, costMs: number, minimumMs: number, costMultiple: number): number {
  const share = Math.max(1, runs);
  const cheap = share * Math.max(minimumMs, costMultiple * costMs);
  // Evaluating every run once per interval costs share × costMs.
  const ceiling = Math.max(MAX_GAP_MS, (share * costMs) / MAX_SHARE);
  return Math.min(cheap, ceiling);
}

import type { RunState } from '../app/trainingStore';

/** Headroom above the highest loss of the runs that did not diverge. */
const HEADROOM = 1.2;

/**
 * The loss chart's top in a comparison where some runs diverged and others did not: just above
 * the healthy runs' highest loss, so their curves keep the chart's height instead of lying flat
 * under a diverged run's 1e32 (whose curve runs off the top; its notice says where it diverged).
 * Undefined when every run or none diverged.
 */
export function lossChartYMax(runs: readonly Pick<RunState, 'diverged' | 'trainLoss' | 'validationLoss'>[]): number | undefined {
  const healthy = runs.filter((run) => run.diverged === null);
  if (healthy.length === 0 || healthy.length === runs.length) return undefined;
  let max = -Infinity;
  for (const run of healthy) {
    for (const series of [run.trainLoss, run.validationLoss]) {
      for (const value of series.points().values) if (Number.isFinite(value) && value > max) max = value;
    }
  }
  return max > 0 ? max * HEADROOM : undefined;
}

import type { RunLabel } from '../../app/runLabels';
import type { RunState } from '../../app/trainingStore';
import type { LineSeries } from '../lineChartRender';
import { runColour, runLetter } from '../palette';

/** The quantities the comparison overlays, one curve per run. */
export type CompareQuantity = 'accuracy' | 'validationMse' | 'ece' | 'gradientNorm' | 'sharpness';

type Points = { steps: ArrayLike<number>; values: ArrayLike<number> };

const PICK: Record<CompareQuantity, (run: RunState) => Points> = {
  accuracy: (run) => run.validationAccuracy.points(),
  validationMse: (run) => run.validationMse.points(),
  ece: (run) => ({ steps: run.calibrationHistory.map((h) => h.step), values: run.calibrationHistory.map((h) => h.ece) }),
  gradientNorm: (run) => ({ steps: run.telemetry.map((t) => t.step), values: run.telemetry.map((t) => t.gradientNorm) }),
  sharpness: (run) => ({ steps: run.sharpness.map((p) => p.step), values: run.sharpness.map((p) => p.eigenvalue) }),
};

/** Measured every N steps: dots on the points while there are few. */
const SPARSE: Record<CompareQuantity, boolean> = { accuracy: false, validationMse: false, ece: true, gradientNorm: false, sharpness: true };

/**
 * What a quantity's curves depend on, as a value that changes exactly when they do: the
 * histories that are replaced when they grow, or a validation-accuracy series' size and last
 * value (it grows in place). A chart redraws only when its key changes.
 */
export function compareKey(runs: readonly RunState[], quantity: CompareQuantity): readonly unknown[] {
  switch (quantity) {
    case 'accuracy':
      return runs.map((r) => `${r.validationAccuracy.size}:${r.validationAccuracy.last()}`);
    case 'validationMse':
      return runs.map((r) => `${r.validationMse.size}:${r.validationMse.last()}`);
    case 'ece':
      return runs.map((r) => r.calibrationHistory);
    case 'gradientNorm':
      return runs.map((r) => r.telemetry);
    case 'sharpness':
      return runs.map((r) => r.sharpness);
  }
}

/** One series per run for a quantity, in the run's colour and named by its label. */
export function compareSeries(runs: readonly RunState[], labels: readonly RunLabel[], quantity: CompareQuantity): LineSeries[] {
  return runs.map((run, i) => {
    const { steps, values } = PICK[quantity](run);
    return { name: labels[i]?.text ?? runLetter(i), colour: runColour(i), steps, values, markers: SPARSE[quantity] && values.length < 40, testId: `compare-line-${i}` };
  });
}

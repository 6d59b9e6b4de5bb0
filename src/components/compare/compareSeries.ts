import type { RunState } from '../../app/trainingStore';
import type { LineSeries } from '../lineChartRender';
import { runColour, runLetter } from '../palette';

export interface CompareCharts {
  accuracy: LineSeries[];
  ece: LineSeries[];
  gradientNorm: LineSeries[];
  sharpness: LineSeries[];
}

/** One series per run for each overlaid quantity, in the run's colour. */
export function compareCharts(runs: readonly RunState[]): CompareCharts {
  const each = (pick: (run: RunState) => { steps: ArrayLike<number>; values: ArrayLike<number> }, sparse = false): LineSeries[] =>
    runs.map((run, i) => {
      const { steps, values } = pick(run);
      return { name: runLetter(i), colour: runColour(i), steps, values, markers: sparse && values.length < 40, testId: `compare-line-${i}` };
    });
  return {
    accuracy: each((run) => run.validationAccuracy.points()),
    ece: each((run) => ({ steps: run.calibrationHistory.map((h) => h.step), values: run.calibrationHistory.map((h) => h.ece) }), true),
    gradientNorm: each((run) => ({ steps: run.telemetry.map((t) => t.step), values: run.telemetry.map((t) => t.gradientNorm) })),
    sharpness: each((run) => ({ steps: run.sharpness.map((p) => p.step), values: run.sharpness.map((p) => p.eigenvalue) }), true),
  };
}

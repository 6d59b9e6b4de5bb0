import type { RunState } from '../trainingStore';

/**
 * The metric history of one run as plain columns of numbers, the shape both the CSV and the JSON
 * export are written from (and the JSON import reads back). Each group is a table: equal-length
 * columns, one entry per recorded step. Quantities measured every N steps keep their own steps.
 *
 * The training loss is what the chart's Series holds: every step until 4096 points, then
 * neighbours averaged pairwise, so long runs stay bounded (the step is the bucket's last).
 * Per-layer telemetry is left out; the global gradient norm and the distances are kept.
 */
/** One recall column per possible class (at most 6). */
export const RECALL_COLUMNS = ['recall1', 'recall2', 'recall3', 'recall4', 'recall5', 'recall6'] as const;

export const METRIC_COLUMNS = {
  trainLoss: ['step', 'value'],
  validationLoss: ['step', 'value'],
  validationAccuracy: ['step', 'value'],
  /** The test split's per-class numbers; recallK is class K's (1-based, as the classes are named), NaN beyond the data's classes. */
  classMetrics: ['step', 'balancedAccuracy', 'macroF1', ...RECALL_COLUMNS],
  calibration: ['step', 'ece', 'eceScaled', 'nll', 'nllScaled'],
  telemetry: ['step', 'learningRate', 'gradientNorm', 'distanceFromInit', 'meanLogitNorm'],
  sharpness: ['step', 'eigenvalue', 'threshold'],
  /** Task 'preference': the policy's probe points (PreferencePoint); empty for other tasks. */
  preference: ['step', 'logChosen', 'logRejected', 'cosine', 'margin', 'winRate', 'forgetProb', 'retainProb', 'bestProb'],
} as const;

export type MetricGroup = keyof typeof METRIC_COLUMNS;
export const METRIC_GROUPS = Object.keys(METRIC_COLUMNS) as MetricGroup[];
export type MetricTable<G extends MetricGroup> = Record<(typeof METRIC_COLUMNS)[G][number], number[]>;
/** One run's history. A value that was not a finite number (a diverged loss, no threshold) is NaN. */
export type RunMetrics = { [G in MetricGroup]: MetricTable<G> };

/** A run as exported: how far it got, whether it diverged, and its history (its loss is in the config). */
export interface RunRecord {
  step: number;
  diverged: { step: number; reason: string } | null;
  metrics: RunMetrics;
}

export function runMetricsEmpty(): RunMetrics {
  const out = {} as Record<MetricGroup, Record<string, number[]>>;
  for (const group of METRIC_GROUPS) out[group] = Object.fromEntries(METRIC_COLUMNS[group].map((c) => [c, []]));
  return out as RunMetrics;
}

/** Rows of records as columns, the keys named by the group. */
function columns<G extends MetricGroup>(group: G, rows: readonly object[]): MetricTable<G> {
  const table = {} as Record<string, number[]>;
  for (const column of METRIC_COLUMNS[group]) {
    table[column] = rows.map((row) => {
      const value = (row as Record<string, unknown>)[column];
      return typeof value === 'number' ? value : NaN;
    });
  }
  return table as MetricTable<G>;
}

function seriesTable(points: { steps: Float64Array; values: Float64Array }): MetricTable<'trainLoss'> {
  return { step: Array.from(points.steps), value: Array.from(points.values) };
}

/** What a run has streamed back, copied out of the store (the Series mutate in place). */
export function runRecordFromState(run: RunState): RunRecord {
  return { step: run.step, diverged: run.diverged, metrics: runMetricsFromState(run) };
}

/** The history a run has streamed back, as columns. */
export function runMetricsFromState(run: RunState): RunMetrics {
  return {
    trainLoss: seriesTable(run.trainLoss.points()),
    validationLoss: seriesTable(run.validationLoss.points()),
    validationAccuracy: seriesTable(run.validationAccuracy.points()),
    classMetrics: columns(
      'classMetrics',
      run.classMetricsHistory.map((p) => ({
        step: p.step,
        balancedAccuracy: p.balancedAccuracy,
        macroF1: p.macroF1,
        ...Object.fromEntries(RECALL_COLUMNS.map((column, k) => [column, p.recall[k] ?? NaN])),
      })),
    ),
    calibration: columns('calibration', run.calibrationHistory),
    telemetry: columns(
      'telemetry',
      run.telemetry.map((t) => ({ step: t.step, learningRate: t.learningRate, gradientNorm: t.gradientNorm, distanceFromInit: t.distanceFromInit, meanLogitNorm: t.meanLogitNorm })),
    ),
    sharpness: columns('sharpness', run.sharpness),
    preference: columns('preference', run.preference),
  };
}

/** The last value of the training loss and the step it was recorded at, if any. */
export function runMetricsFinalLoss(metrics: RunMetrics): { step: number; value: number } | null {
  const n = metrics.trainLoss.step.length;
  if (n === 0) return null;
  return { step: metrics.trainLoss.step[n - 1]!, value: metrics.trainLoss.value[n - 1]! };
}

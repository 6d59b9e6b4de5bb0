import { configRuns, type ExperimentConfig } from '../../engine/config';
import { runLabels } from '../runLabels';
import { RECALL_COLUMNS, type MetricGroup, type RunRecord } from './runMetrics';

/**
 * The metric history as CSV (RFC 4180: a header row, CRLF line ends, fields holding a comma, a
 * quote or a line break quoted with inner quotes doubled). One row per recorded step per run;
 * a quantity not measured at that step is a blank field, one measured but not finite (a diverged
 * loss) is written NaN, Infinity or -Infinity, which spreadsheets and pandas read as numbers.
 */
interface CsvColumn {
  header: string;
  group: MetricGroup;
  column: string;
}

const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'train_loss', group: 'trainLoss', column: 'value' },
  { header: 'validation_loss', group: 'validationLoss', column: 'value' },
  { header: 'validation_accuracy', group: 'validationAccuracy', column: 'value' },
  { header: 'test_balanced_accuracy', group: 'classMetrics', column: 'balancedAccuracy' },
  { header: 'test_macro_f1', group: 'classMetrics', column: 'macroF1' },
  { header: 'ece', group: 'calibration', column: 'ece' },
  { header: 'ece_temperature_scaled', group: 'calibration', column: 'eceScaled' },
  { header: 'nll', group: 'calibration', column: 'nll' },
  { header: 'nll_temperature_scaled', group: 'calibration', column: 'nllScaled' },
  { header: 'learning_rate', group: 'telemetry', column: 'learningRate' },
  { header: 'gradient_norm', group: 'telemetry', column: 'gradientNorm' },
  { header: 'distance_from_init', group: 'telemetry', column: 'distanceFromInit' },
  { header: 'mean_logit_norm', group: 'telemetry', column: 'meanLogitNorm' },
  { header: 'lambda_max', group: 'sharpness', column: 'eigenvalue' },
  { header: 'lambda_max_threshold', group: 'sharpness', column: 'threshold' },
];

/** The fixed columns; a recall column per class (test_recall_class_1, …) follows them. */
/** `run_name` is the run's label as the charts show it ("B · lr 100"); `run` its letter alone. */
export const METRICS_CSV_HEADER = ['run', 'loss', 'step', ...CSV_COLUMNS.map((c) => c.header), 'run_name'] as const;

/**
 * The test recall columns, one per class up to the last class with a recall on record in any run:
 * the data's classes (a class beyond them has none), so 2 columns for two classes, not 6.
 */
function recallColumns(runs: readonly RunRecord[]): CsvColumn[] {
  let classes = 0;
  for (const run of runs) {
    RECALL_COLUMNS.forEach((column, k) => {
      if (run.metrics.classMetrics[column].some((v) => !Number.isNaN(v))) classes = Math.max(classes, k + 1);
    });
  }
  return RECALL_COLUMNS.slice(0, classes).map((column, k) => ({ header: `test_recall_class_${k + 1}`, group: 'classMetrics', column }));
}

/** One field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvNumber(value: number | undefined): string {
  if (value === undefined) return '';
  return Number.isNaN(value) ? 'NaN' : String(value);
}

/** A run's name in a comparison: A, B, … (as in the legends). */
function runName(index: number): string {
  return String.fromCharCode(65 + index);
}

export function metricsCsv(runs: readonly RunRecord[], config: ExperimentConfig): string {
  const variants = configRuns(config);
  const recalls = recallColumns(runs);
  const columns = [...CSV_COLUMNS, ...recalls];
  const labels = runLabels(config);
  const lines = [['run', 'loss', 'step', ...CSV_COLUMNS.map((c) => c.header), 'run_name', ...recalls.map((c) => c.header)].map(csvField).join(',')];
  runs.forEach((run, index) => {
    // Per column, step → value; the rows are the union of the steps, in order.
    const byStep = new Map<number, Map<string, number>>();
    for (const { header, group, column } of columns) {
      const table = run.metrics[group] as Record<string, number[]>;
      const steps = table.step ?? [];
      const values = table[column] ?? [];
      steps.forEach((step, i) => {
        let row = byStep.get(step);
        if (!row) byStep.set(step, (row = new Map()));
        row.set(header, values[i] ?? NaN);
      });
    }
    const loss = variants[index]?.loss.id ?? '';
    for (const step of [...byStep.keys()].sort((a, b) => a - b)) {
      const row = byStep.get(step)!;
      const name = labels[index]?.text ?? runName(index);
      const fields = [runName(index), loss, String(step), ...CSV_COLUMNS.map((c) => csvNumber(row.get(c.header))), name, ...recalls.map((c) => csvNumber(row.get(c.header)))];
      lines.push(fields.map(csvField).join(','));
    }
  });
  return lines.join('\r\n') + '\r\n';
}

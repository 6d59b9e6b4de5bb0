import type { RunState } from '../../app/trainingStore';

/** One row of the comparison table: the latest numbers of one run. */
export interface SummaryRow {
  run: number;
  loss: string;
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  ece: number | null;
  eceScaled: number | null;
  sharpness: number | null;
  distanceFromInit: number | null;
  stepsPerSecond: number | null;
  diverged: number | null;
}

export type SummaryKey = keyof SummaryRow;

export function summaryRows(runs: readonly RunState[], lossNames: readonly string[]): SummaryRow[] {
  return runs.map((run, i) => ({
    run: i,
    loss: lossNames[i] ?? '',
    trainLoss: run.trainLoss.last() ?? null,
    testLoss: run.evaluation?.testLoss ?? null,
    trainAccuracy: run.evaluation?.trainAccuracy ?? null,
    testAccuracy: run.evaluation?.testAccuracy ?? null,
    ece: run.calibration?.before.ece ?? null,
    eceScaled: run.calibration?.after.ece ?? null,
    sharpness: run.sharpness.at(-1)?.eigenvalue ?? null,
    distanceFromInit: run.telemetry.at(-1)?.distanceFromInit ?? null,
    stepsPerSecond: run.latest?.stepsPerSecond ?? null,
    diverged: run.diverged?.step ?? null,
  }));
}

/**
 * Rows sorted by one column; missing values (null, NaN) always sort last, whatever the
 * direction, and ties keep run order.
 */
export function summarySort(rows: readonly SummaryRow[], key: SummaryKey, descending: boolean): SummaryRow[] {
  const missing = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isNaN(v));
  return [...rows].sort((a, b) => {
    const [x, y] = [a[key], b[key]];
    if (missing(x) || missing(y)) return missing(x) === missing(y) ? a.run - b.run : missing(x) ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : (x as number) - (y as number);
    return (descending ? -order : order) || a.run - b.run;
  });
}

import type { RunState } from '../../app/trainingStore';

/** One row of the comparison table: the latest numbers of one run. */
export interface SummaryRow {
  run: number;
  loss: string;
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  testBalancedAccuracy: number | null;
  testMacroF1: number | null;
  /** Test recall of the training split's minority class (the mean over them when several); null when balanced. */
  minorityRecall: number | null;
  ece: number | null;
  /** Regression: mean squared error on the training and test splits, and mean absolute error on the test split. */
  trainMse: number | null;
  testMse: number | null;
  testMae: number | null;
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
    testBalancedAccuracy: run.evaluation?.testClasses.balancedAccuracy ?? null,
    testMacroF1: run.evaluation?.testClasses.macroF1 ?? null,
    minorityRecall: minorityRecall(run),
    ece: run.calibration?.before.ece ?? null,
    trainMse: run.evaluation?.regression?.train.mse ?? null,
    testMse: run.evaluation?.regression?.test.mse ?? null,
    testMae: run.evaluation?.regression?.test.mae ?? null,
    eceScaled: run.calibration?.after.ece ?? null,
    sharpness: run.sharpness.at(-1)?.eigenvalue ?? null,
    distanceFromInit: run.telemetry.at(-1)?.distanceFromInit ?? null,
    stepsPerSecond: run.latest?.stepsPerSecond ?? null,
    diverged: run.diverged?.step ?? null,
  }));
}

function minorityRecall(run: RunState): number | null {
  const evaluation = run.evaluation;
  if (!evaluation || evaluation.minorityClasses.length === 0) return null;
  const recalls = evaluation.minorityClasses.map((k) => evaluation.testClasses.recall[k] ?? NaN).filter((r) => !Number.isNaN(r));
  return recalls.length === 0 ? null : recalls.reduce((a, b) => a + b, 0) / recalls.length;
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

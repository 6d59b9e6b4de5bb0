import type { RunState } from '../app/trainingStore';
import { SPLIT_ROLE, type BoundaryGrid, type DataPoints, type RegressionEvaluation } from '../workers/protocol';
import type { ClaimRegressionNumbers, ClaimRunNumbers } from './claimTypes';

/**
 * The numbers a claim checks, read from what a run has streamed to the main thread: the same
 * state the table, the charts and the calibration view show. Null when the run has no
 * held-out evaluation yet.
 */
export function claimNumbersOf(run: RunState, points: DataPoints | null): ClaimRunNumbers | null {
  const evaluation = run.evaluation;
  if (!evaluation) return null;
  const calibration = run.calibration;
  const telemetry = run.telemetry.at(-1);
  return {
    // The step the held-out numbers were taken at (training's last frame always has them).
    step: evaluation.step,
    diverged: run.diverged !== null,
    trainAccuracy: evaluation.trainAccuracy,
    validationAccuracy: evaluation.validationAccuracy,
    testAccuracy: evaluation.testAccuracy,
    testLoss: evaluation.testLoss,
    trainLoss: run.trainLoss.last() ?? NaN,
    trainLossFirst: run.trainLoss.first() ?? NaN,
    trainLossPeak: Math.max(...run.trainLoss.points().values),
    ece: calibration ? calibration.before.ece : null,
    eceScaled: calibration ? calibration.after.ece : null,
    temperature: calibration ? calibration.temperature : null,
    meanLogSumExp: calibration ? calibration.meanLogSumExp : null,
    testConfidence: calibration ? meanConfidence(calibration.before.bins) : null,
    trainConfidence: calibration ? calibration.trainConfidence : null,
    sharpness: run.sharpness.map((p) => ({ step: p.step, eigenvalue: p.eigenvalue, threshold: p.threshold, preconditioned: p.preconditioned ?? false })),
    meanLogitNorm: telemetry ? telemetry.meanLogitNorm : null,
    weightMaxAbs: run.weightMaxAbs,
    planeShares: run.boundary ? planeShares(run.boundary.probabilities, run.boundary.classes) : [],
    heldOutRecall: run.boundary && points ? heldOutRecall(run.boundary, points) : [],
    trainClassCounts: points ? trainClassCounts(points) : [],
    regression: evaluation.regression && points?.targets ? regressionNumbers(evaluation.regression, points, points.targets) : null,
    moe: run.moe ? run.moe.stats : null,
  };
}

function regressionNumbers(evaluation: RegressionEvaluation, points: DataPoints, targets: Float32Array): ClaimRegressionNumbers {
  const test = Array.from(points.role.keys()).filter((i) => points.role[i] === SPLIT_ROLE.test);
  const { modes } = evaluation;
  return {
    testMse: evaluation.test.mse,
    testMae: evaluation.test.mae,
    baselineMse: evaluation.baseline.mse,
    baselineMae: evaluation.baseline.mae,
    test: {
      x: test.map((i) => points.x[i * points.features]!),
      target: test.map((i) => targets[i]!),
      prediction: test.map((i) => evaluation.predictions[i]!),
      mode: modes ? test.map((i) => modes[i]!) : null,
    },
  };
}

/** Share of the grid's cells whose most probable class is k, per class k. */
function planeShares(probabilities: Float32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  const cells = probabilities.length / classes;
  for (let c = 0; c < cells; c++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (probabilities[c * classes + k]! > probabilities[c * classes + best]!) best = k;
    counts[best]! += 1;
  }
  return counts.map((n) => n / Math.max(1, cells));
}

/**
 * Per class, the share of held-out points whose grid cell (as the boundary view draws it: rows
 * from the top of the plane's extent) has that class as its most probable one.
 */
function heldOutRecall(boundary: BoundaryGrid, points: DataPoints): number[] {
  const { resolution, classes, probabilities } = boundary;
  const [x0, x1, y0, y1] = points.extent;
  const hits = new Array<number>(classes).fill(0);
  const totals = new Array<number>(classes).fill(0);
  points.y.forEach((y, i) => {
    if (points.role[i] === SPLIT_ROLE.train) return;
    const col = Math.min(resolution - 1, Math.max(0, Math.floor(((points.plane[2 * i]! - x0) / (x1 - x0)) * resolution)));
    const row = Math.min(resolution - 1, Math.max(0, Math.floor(((y1 - points.plane[2 * i + 1]!) / (y1 - y0)) * resolution)));
    const cell = (row * resolution + col) * classes;
    let best = 0;
    for (let k = 1; k < classes; k++) if (probabilities[cell + k]! > probabilities[cell + best]!) best = k;
    totals[y]! += 1;
    if (best === y) hits[y]! += 1;
  });
  return totals.map((n, k) => (n > 0 ? hits[k]! / n : NaN));
}

function trainClassCounts(points: DataPoints): number[] {
  const counts = new Array<number>(points.classes).fill(0);
  points.y.forEach((y, i) => {
    if (points.role[i] === SPLIT_ROLE.train) counts[y]! += 1;
  });
  return counts;
}

/** Mean top-label confidence: the bins' confidences weighted by their counts. */
function meanConfidence(bins: readonly { count: number; confidence: number | null }[]): number {
  let total = 0;
  let weighted = 0;
  for (const bin of bins) {
    if (bin.confidence === null) continue;
    total += bin.count;
    weighted += bin.count * bin.confidence;
  }
  return total > 0 ? weighted / total : NaN;
}

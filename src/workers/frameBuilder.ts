import { tf } from '../engine/tf';
import type { TrainingRun } from '../engine/trainingRun';
import { classCounts, classMetrics, minorityClasses } from '../engine/metrics/classMetrics';
import { regressionConstantErrors, regressionErrors } from '../engine/metrics/regressionMetrics';
import type { CalibrationFrame, FrameEvaluation, RegressionEvaluation, SharpnessPoint, TelemetryPoint, TrainingFrame, ValidationPoint } from './protocol';
import { moeProbe } from './moeProbe';
import { evaluationIntervalMs } from './evaluationCadence';

/** At most this many frames a second reach the main thread, however fast training runs. */
export const FRAME_INTERVAL_MS = 1000 / 30;
/** Held-out metrics and the boundary are recomputed at most this often… */
const EVALUATION_INTERVAL_MS = FRAME_INTERVAL_MS;
const BOUNDARY_INTERVAL_MS = 100;
/**
 * …and no more often than this many times their own cost, so that on a slow backend (software
 * WebGPU: hundreds of ms a forward pass) watching costs at most ~1/20 of the training time.
 */
const COST_MULTIPLE = 20;
export const BOUNDARY_RESOLUTION = 48;

/**
 * Collects what one run produced since the last frame and builds the next frame, deciding what
 * is worth recomputing (held-out metrics, the boundary, the weights) within a time budget.
 */
export class FrameBuilder {
  private losses: number[] = [];
  private firstStep = 1;
  private telemetry: TelemetryPoint[] = [];
  private sharpness: SharpnessPoint[] = [];
  private calibration: CalibrationFrame | null = null;
  private validation: ValidationPoint[] = [];
  /** The step of the last validation point sent, so no step is sent twice. */
  private lastValidationStep = -1;
  private lastFrameAt = -Infinity;
  private lastBoundaryAt = -Infinity;
  private lastEvaluationAt = -Infinity;
  private evaluationCostMs = 0;
  private boundaryCostMs = 0;
  private stepsAtLastFrame = 0;
  private timeAtLastFrame: number;

  /**
   * `runs`: how many runs share the worker. Held-out metrics and the boundary cost the same for
   * every run, so each run's are refreshed `runs` times less often, keeping what watching costs
   * a fixed share of the training time however many runs are compared.
   */
  constructor(
    private readonly now: () => number,
    private readonly runs = 1,
  ) {
    this.timeAtLastFrame = now();
  }

  addLosses(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.losses.push(values[i]!);
  }

  addTelemetry(points: readonly TelemetryPoint[]): void {
    this.telemetry.push(...points);
  }

  addSharpness(point: SharpnessPoint): void {
    this.sharpness.push(point);
  }

  /** Validation vectors read back from a chunk (TrainingRun.validate: loss, accuracy, MSE), each after its step. */
  addValidation(steps: readonly number[], values: ArrayLike<number>): void {
    steps.forEach((step, i) => this.pushValidation({ step, loss: values[3 * i]!, accuracy: values[3 * i + 1]!, mse: values[3 * i + 2]! }));
  }

  private pushValidation(point: ValidationPoint): void {
    if (point.step <= this.lastValidationStep) return;
    this.lastValidationStep = point.step;
    this.validation.push(point);
  }

  setCalibration(calibration: CalibrationFrame): void {
    this.calibration = calibration;
  }

  /** A run restored at `step` (its worker restarted): its next losses are of the steps after it. */
  resumeAt(step: number): void {
    this.firstStep = step + 1;
    this.lastValidationStep = step;
    this.startClock(step);
  }

  /** Restarts the steps-per-second clock (at play). */
  startClock(steps: number): void {
    this.stepsAtLastFrame = steps;
    this.timeAtLastFrame = this.now();
  }

  /** Whether a frame is due: the runs of a comparison share the ~30 frames a second between them. */
  due(): boolean {
    return this.now() - this.lastFrameAt >= this.runs * FRAME_INTERVAL_MS;
  }

  /**
   * The next frame for `run`, or null if the run was replaced while it was being read back.
   * `final`: training has stopped here, so the frame shows the boundary and the weights where it
   * stopped whatever their cadence (views of the weights freeze on this frame).
   */
  async build(run: TrainingRun, stillCurrent: () => boolean, final = false): Promise<TrainingFrame | null> {
    const now = this.now();
    this.lastFrameAt = now;
    const share = this.runs;
    // Where training stops, the held-out numbers are those of that step (a lesson's claim reads them).
    const evaluate = final || now - this.lastEvaluationAt >= evaluationIntervalMs(share, this.evaluationCostMs, EVALUATION_INTERVAL_MS, COST_MULTIPLE);
    const withBoundary = final || now - this.lastBoundaryAt >= share * Math.max(BOUNDARY_INTERVAL_MS, COST_MULTIPLE * this.boundaryCostMs);
    // Weights travel with the boundary: both show where the model is, at the same cadence.
    const weightsTensor = withBoundary ? run.weightsFlat() : null;
    const [evaluation, probabilities, weights, moe] = await Promise.all([
      evaluate ? this.evaluate(run) : Promise.resolve(null),
      withBoundary ? this.boundary(run) : Promise.resolve(null),
      weightsTensor ? (weightsTensor.data() as Promise<Float32Array>) : Promise.resolve(null),
      withBoundary && run.moe ? moeProbe(run, BOUNDARY_RESOLUTION) : Promise.resolve(null),
    ]);
    weightsTensor?.dispose();
    if (!stillCurrent()) return null;
    if (evaluate) this.lastEvaluationAt = now;
    if (evaluation) {
      const mse = evaluation.regression?.validation.mse ?? NaN;
      this.pushValidation({ step: evaluation.step, loss: evaluation.validationLoss, accuracy: evaluation.validationAccuracy, mse });
    }
    if (withBoundary) this.lastBoundaryAt = now;
    const elapsedSeconds = Math.max(1e-3, (this.now() - this.timeAtLastFrame) / 1000);
    const frame: TrainingFrame = {
      step: run.steps,
      losses: Float32Array.from(this.losses),
      firstStep: this.firstStep,
      evaluation,
      validation: this.validation,
      stepsPerSecond: (run.steps - this.stepsAtLastFrame) / elapsedSeconds,
      tensors: tf.memory().numTensors,
      boundary: probabilities ? { resolution: BOUNDARY_RESOLUTION, classes: run.data.dataset.classes, probabilities } : null,
      weights,
      calibration: this.calibration,
      telemetry: this.telemetry,
      sharpness: this.sharpness,
      ...(moe ? { moe } : {}),
    };
    this.losses = [];
    this.telemetry = [];
    this.sharpness = [];
    this.validation = [];
    this.calibration = null;
    this.firstStep = run.steps + 1;
    this.stepsAtLastFrame = run.steps;
    this.timeAtLastFrame = this.now();
    return frame;
  }

  private async evaluate(run: TrainingRun): Promise<FrameEvaluation> {
    const started = this.now();
    const step = run.steps;
    const evaluation = run.evaluate();
    const parts = [evaluation.validationLoss, evaluation.trainAccuracy, evaluation.validationAccuracy, evaluation.testLoss, evaluation.testAccuracy, run.penalty()];
    const summary = tf.stack(parts);
    tf.dispose(parts);
    // A regression's outputs are not class scores: its one "class" is predicted everywhere.
    const testPredictions = tf.tidy(() => (run.data.regression ? tf.zeros([run.data.test.labels.length], 'int32') : tf.argMax(run.splitLogits('test'), 1)));
    const [values, predicted, regression] = await Promise.all([summary.data(), testPredictions.data(), regressionEvaluation(run)]);
    summary.dispose();
    testPredictions.dispose();
    const { classes } = run.data.dataset;
    this.evaluationCostMs = this.now() - started;
    return {
      ...(regression ? { regression } : {}),
      step,
      validationLoss: values[0]!,
      trainAccuracy: values[1]!,
      validationAccuracy: values[2]!,
      testLoss: values[3]!,
      testAccuracy: values[4]!,
      penalty: values[5]!,
      testClasses: classMetrics(run.data.test.labels, predicted, classes),
      // Of the whole data, not the training split: a seeded split of balanced data (Iris's 50/50/50)
      // is a little uneven by chance, which is no imbalance of the data.
      minorityClasses: minorityClasses(classCounts(run.data.dataset.y, classes)),
    };
  }

  private async boundary(run: TrainingRun): Promise<Float32Array> {
    const started = this.now();
    const grid = run.predictGrid(BOUNDARY_RESOLUTION);
    const probabilities = (await grid.data()) as Float32Array;
    grid.dispose();
    this.boundaryCostMs = this.now() - started;
    return probabilities;
  }
}

/** A regression's errors on each split and its predictions for every point; null when classifying. */
async function regressionEvaluation(run: TrainingRun): Promise<RegressionEvaluation | null> {
  const targets = run.data.regression;
  if (!targets) return null;
  const splits = ['train', 'validation', 'test'] as const;
  const tensors = splits.map((split) => run.regressionPredictions(split));
  const modeTensors = splits.map((split) => run.regressionModes(split));
  const [values, modeValues] = (await Promise.all([Promise.all(tensors.map((t) => t.data())), Promise.all(modeTensors.map((t) => t?.data() ?? null))])) as [Float32Array[], (Float32Array | null)[]];
  tf.dispose([...tensors, ...modeTensors.filter((t) => t !== null)]);
  const scatter = (parts: readonly (Float32Array | null)[]): Float32Array => {
    const out = new Float32Array(targets.all.length);
    splits.forEach((split, s) => run.data.split[split].forEach((point, i) => (out[point] = parts[s]![i]!)));
    return out;
  };
  const predictions = scatter(values);
  return {
    modes: modeValues[0] ? scatter(modeValues) : null,
    train: regressionErrors(values[0]!, targets.train),
    validation: regressionErrors(values[1]!, targets.validation),
    test: regressionErrors(values[2]!, targets.test),
    baseline: regressionConstantErrors(targets.mean, targets.test),
    predictions,
  };
}

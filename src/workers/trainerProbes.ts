import { tf, type Tensor } from '../engine/tf';
import type { TrainingRun } from '../engine/trainingRun';
import { calibrationReport } from '../engine/metrics/calibration';
import { softmaxRows, temperatureFit } from '../engine/metrics/temperature';
import { gradientTelemetryLength, gradientTelemetryRead } from '../engine/metrics/gradients';
import type { CalibrationFrame, SharpnessPoint, TelemetryPoint } from './protocol';

/**
 * Calibration of the test split, before and after temperature scaling fitted on the validation
 * split. One readback of both splits' logits; the rest is plain TypeScript on the numbers.
 */
export async function probeCalibration(run: TrainingRun): Promise<CalibrationFrame> {
  const step = run.steps;
  const classes = run.data.dataset.classes;
  const validationLogits = run.splitLogits('validation');
  const testLogits = run.splitLogits('test');
  const trainConfidenceTensor = tf.tidy(() => tf.mean(tf.max(tf.softmax(run.logits(run.data.train.x)), 1)));
  const [validation, test, trainConfidence] = (await Promise.all([validationLogits.data(), testLogits.data(), trainConfidenceTensor.data()])) as [Float32Array, Float32Array, Float32Array];
  tf.dispose([validationLogits, testLogits, trainConfidenceTensor]);
  const { bins, binning } = run.config.metrics;
  const fit = temperatureFit(validation, run.data.validation.labels, classes);
  const labels = run.data.test.labels;
  return {
    step,
    binary: classes === 2,
    meanLogSumExp: meanLogSumExp(test, classes),
    trainConfidence: trainConfidence[0]!,
    temperature: fit.temperature,
    before: calibrationReport(softmaxRows(test, classes, 1), labels, classes, { bins, binning }),
    after: calibrationReport(softmaxRows(test, classes, fit.temperature), labels, classes, { bins, binning }),
  };
}

/** Mean over rows of logsumexp(z), the log-normaliser that the z-loss penalty pulls towards 0. */
export function meanLogSumExp(logits: Float32Array, classes: number): number {
  const rows = logits.length / classes;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[r * classes + k]!);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[r * classes + k]! - max);
    total += max + Math.log(sum);
  }
  return rows > 0 ? total / rows : NaN;
}

/** Power iterations: a cold start needs more than one warm-started from the last eigenvector. */
const COLD_ITERATIONS = 20;
const WARM_ITERATIONS = 8;

/**
 * Keeps the last eigenvector between sharpness estimates of one run, as plain numbers rather
 * than tensors, so that nothing stays allocated on the backend between estimates.
 */
export class SharpnessProbe {
  private vector: { values: Float32Array; shapes: number[][] } | null = null;

  async measure(run: TrainingRun): Promise<SharpnessPoint> {
    const step = run.steps;
    const learningRate = run.learningRate();
    const warm = this.vector ? this.warmStart(this.vector) : null;
    const result = run.sharpness(warm, warm ? WARM_ITERATIONS : COLD_ITERATIONS);
    if (warm) tf.dispose(warm);
    // One readback: the eigenvalue followed by the eigenvector.
    const packed = tf.tidy(() => tf.concat([tf.reshape(result.eigenvalue, [1]), ...result.vector.map((v) => tf.reshape(v, [-1]))]));
    const shapes = result.vector.map((v) => v.shape);
    tf.dispose([result.eigenvalue, ...result.vector]);
    const values = (await packed.data()) as Float32Array;
    packed.dispose();
    this.vector = { values: values.subarray(1), shapes };
    const threshold = result.preconditioned ? preconditionedThreshold(run, learningRate) : stabilityThreshold(run, learningRate);
    return { step, eigenvalue: values[0]!, learningRate, threshold, preconditioned: result.preconditioned };
  }

  dispose(): void {
    this.vector = null;
  }

  private warmStart({ values, shapes }: { values: Float32Array; shapes: number[][] }): Tensor[] {
    let offset = 0;
    return shapes.map((shape) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const tensor = tf.tensor(values.subarray(offset, offset + size), shape);
      offset += size;
      return tensor;
    });
  }
}

/**
 * Where gradient descent on a quadratic with curvature λ stops being stable (Cohen et al. 2021,
 * edge of stability): ηλ < 2 for (S)GD, < 2 + 2μ with heavy-ball momentum, and
 * < (2 + 2μ)/(1 + 2μ) for Nesterov's form. Adaptive optimizers precondition the step, so the
 * plain λ_max has no such line; they get null.
 */
export function stabilityThreshold(run: TrainingRun, learningRate: number): number | null {
  const { id, params } = run.config.optimizer;
  const mu = params.momentum ?? 0.9;
  switch (id) {
    case 'sgd':
    case 'sam':
      return 2 / learningRate;
    case 'momentum':
      return (2 + 2 * mu) / learningRate;
    case 'nesterov':
      return (2 + 2 * mu) / ((1 + 2 * mu) * learningRate);
    default:
      return null;
  }
}

/**
 * Adam's line for the preconditioned sharpness λ_max(P⁻¹H): (2 + 2β₁)/((1 − β₁)η), 38/η at
 * β₁ = 0.9 — Adam's update is heavy-ball momentum (EMA form) on the preconditioned loss (Cohen et
 * al. 2022, "Adaptive Gradient Methods at the Edge of Stability").
 */
export function preconditionedThreshold(run: TrainingRun, learningRate: number): number {
  const beta1 = run.config.optimizer.params.beta1 ?? 0.9;
  return (2 + 2 * beta1) / ((1 - beta1) * learningRate);
}

/** Turns the read-back telemetry vectors of a chunk into points. */
export function telemetryPoints(values: Float32Array, meta: readonly { step: number; learningRate: number }[], layers: number): TelemetryPoint[] {
  const length = gradientTelemetryLength(layers);
  return meta.map((m, i) => ({ ...m, ...gradientTelemetryRead(values.subarray(i * length, (i + 1) * length), layers) }));
}

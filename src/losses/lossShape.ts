import type { LossContext, LossParams, LossSpec } from './types';

/** A loss drawn as a function of one number, with its derivative, for teaching. */
export interface LossShapeCurve {
  x: number[];
  loss: number[];
  derivative: number[];
}

export type LossShapeAxis = 'probability' | 'margin';

const uniformContext = (classes: number): LossContext => ({
  classes,
  classPriors: new Float32Array(classes).fill(1 / classes),
  step: 0,
  seed: 1,
});

/** Logits whose softmax gives the true class probability p and spreads the rest evenly. */
function logitsForProbability(p: number, label: number, classes: number): number[] {
  const other = Math.log((1 - p) / (classes - 1));
  return Array.from({ length: classes }, (_, k) => (k === label ? Math.log(p) : other));
}

/** Binary logits with margin m = z_y − z_other, centred on zero. */
function logitsForMargin(m: number, label: number): number[] {
  return label === 0 ? [m / 2, -m / 2] : [-m / 2, m / 2];
}

/**
 * The loss at one value of the axis. Per-example losses see one example of class 0; batch-level
 * losses see one example of every class, all at the same p_y (or margin), and report the batch loss.
 */
function lossAt(loss: LossSpec, params: LossParams, classes: number, axis: LossShapeAxis, value: number): number {
  const labels = loss.level === 'batch' ? Array.from({ length: classes }, (_, k) => k) : [0];
  const logits = labels.map((label) => (axis === 'probability' ? logitsForProbability(value, label, classes) : logitsForMargin(value, label)));
  const out = loss.reference(logits, labels, params, uniformContext(classes));
  return Array.isArray(out) ? out[0]! : out;
}

/**
 * The loss and its derivative (central differences of the reference) against the true-class
 * probability p_y ∈ [0.01, 0.99], or against the margin m ∈ [−4, 4] for binary tasks.
 */
export function lossShapeCurve(loss: LossSpec, params: LossParams, classes: number, axis: LossShapeAxis, points = 99): LossShapeCurve {
  const k = axis === 'margin' ? 2 : classes;
  const [lo, hi] = axis === 'probability' ? [0.01, 0.99] : [-4, 4];
  const h = axis === 'probability' ? 1e-4 : 1e-3;
  const x: number[] = [];
  const values: number[] = [];
  const derivative: number[] = [];
  for (let i = 0; i < points; i++) {
    const v = lo + ((hi - lo) * i) / (points - 1);
    x.push(v);
    values.push(lossAt(loss, params, k, axis, v));
    derivative.push((lossAt(loss, params, k, axis, v + h) - lossAt(loss, params, k, axis, v - h)) / (2 * h));
  }
  return { x, loss: values, derivative };
}

import type { LossContext, LossParams, LossSpec } from './types';

/** A loss drawn as a function of one number, with its derivative, for teaching. */
export interface LossShapeCurve {
  x: number[];
  loss: number[];
  derivative: number[];
}

/**
 * `probability`: against p_y, the other classes sharing the rest evenly. `margin`: binary, against
 * m = z_y − z_other. `logit`: against the true-class logit z_y with the other logits held at fixed,
 * unequal values; its derivative is ∂ℓ/∂z_y, the gradient training actually sees. That is where a
 * bounded loss's vanishing gradient on badly wrong examples shows (MAE: −2 p_y(1 − p_y) → 0, while
 * against p_y its slope is a constant −2), and where the spherical Z-loss is not a step (with the
 * other logits tied, its standardised z̃_y can only be ±√(K − 1)).
 */
export type LossShapeAxis = 'probability' | 'margin' | 'logit';

/** The range of z_y on the logit axis. */
export const LOGIT_RANGE: readonly [number, number] = [-6, 6];

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

/** z_y = v for the true class; the others spread evenly over [−1, 1] (0 when there is one). */
export function logitsForTrueLogit(v: number, label: number, classes: number): number[] {
  const others = classes - 1;
  let rank = 0;
  return Array.from({ length: classes }, (_, k) => {
    if (k === label) return v;
    const value = others === 1 ? 0 : -1 + (2 * rank) / (others - 1);
    rank += 1;
    return value;
  });
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
  const logits = labels.map((label) =>
    axis === 'probability' ? logitsForProbability(value, label, classes) : axis === 'margin' ? logitsForMargin(value, label) : logitsForTrueLogit(value, label, classes),
  );
  const out = loss.reference(logits, labels, params, uniformContext(classes));
  return Array.isArray(out) ? out[0]! : out;
}

/**
 * The loss and its derivative (central differences of the reference) against the true-class
 * probability p_y ∈ [0.01, 0.99], the margin m ∈ [−4, 4] for binary tasks, or the true-class
 * logit z_y ∈ [−6, 6].
 */
export function lossShapeCurve(loss: LossSpec, params: LossParams, classes: number, axis: LossShapeAxis, points = 99): LossShapeCurve {
  const k = axis === 'margin' ? 2 : classes;
  const [lo, hi] = axis === 'probability' ? [0.01, 0.99] : axis === 'margin' ? [-4, 4] : LOGIT_RANGE;
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

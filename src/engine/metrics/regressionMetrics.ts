/** Mean squared and mean absolute error of predictions against targets (float64 sums). */
export interface RegressionErrors {
  mse: number;
  mae: number;
}

export function regressionErrors(predictions: ArrayLike<number>, targets: ArrayLike<number>): RegressionErrors {
  if (predictions.length !== targets.length) throw new Error(`${predictions.length} predictions for ${targets.length} targets`);
  const n = targets.length;
  if (n === 0) return { mse: NaN, mae: NaN };
  let squared = 0;
  let absolute = 0;
  for (let i = 0; i < n; i++) {
    const r = predictions[i]! - targets[i]!;
    squared += r * r;
    absolute += Math.abs(r);
  }
  return { mse: squared / n, mae: absolute / n };
}

/** The errors of predicting one constant for every target (the "predict the mean" baseline with the training mean). */
export function regressionConstantErrors(constant: number, targets: ArrayLike<number>): RegressionErrors {
  return regressionErrors(Float64Array.from({ length: targets.length }, () => constant), targets);
}

import { describe, expect, it } from 'vitest';
import { regressionConstantErrors, regressionErrors } from './regressionMetrics';

describe('regression errors', () => {
  it('are the hand-computed MSE and MAE', () => {
    // residuals 1, −2, 0.5: squares 1, 4, 0.25; absolutes 1, 2, 0.5
    expect(regressionErrors([2, 0, 1.5], [1, 2, 1])).toEqual({ mse: 5.25 / 3, mae: 3.5 / 3 });
    expect(regressionConstantErrors(1, [0, 2, 4])).toEqual({ mse: (1 + 1 + 9) / 3, mae: 5 / 3 });
  });

  it('refuse mismatched lengths and are NaN on nothing', () => {
    expect(() => regressionErrors([1], [1, 2])).toThrow('1 predictions for 2 targets');
    expect(regressionErrors([], []).mse).toBeNaN();
  });
});

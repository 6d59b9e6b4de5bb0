import { describe, expect, it } from 'vitest';
import { huber } from './huber';
import { logCosh } from './logCosh';
import { regressionMae } from './mae';
import { regressionMse } from './mse';
import { pinball } from './pinball';
import { regressionCase, regressionValueTf, TEST_SUPPORT, type RegressionCase } from './regressionTesting';
import type { RegressionLossSpec } from './types';
import type { LossParams } from '../types';

/**
 * One example per residual: output r + t against target t. t = 0.25 keeps r from being the output
 * itself; t = 0 where r is so small that rounding r + t to float32 would change r itself.
 */
function residualCase(residuals: readonly number[], target: number): RegressionCase {
  return { outputs: residuals.map((r) => [r + target]), targets: residuals.map(() => target), support: TEST_SUPPORT };
}

/** The loss at each residual, from tfjs and from the reference. */
function both(loss: RegressionLossSpec, residuals: readonly number[], params: LossParams, target = 0.25): [number[], number[]] {
  const c = residualCase(residuals, target);
  return [regressionValueTf(loss, c, params), loss.reference(c.outputs, c.targets, params, c.support)];
}

describe('point losses by hand', () => {
  it('MSE is r², MAE is |r|', () => {
    const residuals = [-3, -0.5, 0, 0.5, 2];
    for (const values of both(regressionMse, residuals, {})) values.forEach((v, i) => expect(v).toBeCloseTo(residuals[i]! ** 2, 6));
    for (const values of both(regressionMae, residuals, {})) values.forEach((v, i) => expect(v).toBeCloseTo(Math.abs(residuals[i]!), 6));
  });

  it('Huber is half the squared error inside δ and δ(|r| − δ/2) outside', () => {
    for (const delta of [0.01, 0.3, 1, 10]) {
      const inside = [-0.99, -0.5, -0.1, 0, 0.2, 0.7, 1].map((f) => f * delta);
      const outside = [-4, -1.5, 1.01, 2, 20].map((f) => f * delta);
      for (const values of both(huber, inside, { delta })) values.forEach((v, i) => expect(Math.abs(v - inside[i]! ** 2 / 2)).toBeLessThan(1e-6 * Math.max(1, v)));
      for (const values of both(huber, outside, { delta }))
        values.forEach((v, i) => expect(Math.abs(v - delta * (Math.abs(outside[i]!) - delta / 2))).toBeLessThan(1e-5 * Math.max(1, v)));
    }
  });

  it('pinball at τ = 0.5 is half the absolute error; under-predicting costs τ per unit, over-predicting 1 − τ', () => {
    const c = regressionCase(pinball, { tau: 0.5 }, 5, 32);
    const mae = regressionValueTf(regressionMae, c, {});
    regressionValueTf(pinball, c, { tau: 0.5 }).forEach((v, i) => expect(v).toBeCloseTo(mae[i]! / 2, 6));
    for (const values of both(pinball, [-2, 3], { tau: 0.9 })) {
      expect(values[0]).toBeCloseTo(1.8, 6);
      expect(values[1]).toBeCloseTo(0.3, 6);
    }
  });

  it('log-cosh is r²/2 for small r and |r| − log 2 for large r, in tfjs and the reference', () => {
    const small = [-0.01, -1e-3, 1e-4, 3e-3, 0.01];
    // log cosh r = r²/2 − r⁴/12 + …: relative gap below r²/6 ≤ 2e−5, and float32 adds ~1e−7.
    for (const values of both(logCosh, small, {}, 0)) values.forEach((v, i) => expect(Math.abs(v / (small[i]! ** 2 / 2) - 1)).toBeLessThan(3e-5));
    // log cosh r − (|r| − log 2) = log(1 + e^{−2|r|}) < e^{−40} here.
    const large = [-300, -25, 20, 80, 1000];
    for (const values of both(logCosh, large, {})) values.forEach((v, i) => expect(Math.abs(v - (Math.abs(large[i]!) - Math.LN2))).toBeLessThan(1e-4));
  });

  it('log-cosh equals log(cosh r) where cosh is representable, on both sides of the branch switch', () => {
    const residuals = [-5, -1.0001, -0.9999, 0.3, 0.9999, 1, 1.0001, 3];
    for (const values of both(logCosh, residuals, {})) values.forEach((v, i) => expect(v).toBeCloseTo(Math.log(Math.cosh(residuals[i]!)), 6));
  });
});

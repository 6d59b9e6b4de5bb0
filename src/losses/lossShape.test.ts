import { describe, expect, it } from 'vitest';
import { lossShapeCurve } from './lossShape';
import { LOSSES, lossById, lossParamsResolve } from './registry';

describe('lossShapeCurve', () => {
  it('gives −log p and −1/p for cross-entropy against p_y', () => {
    const curve = lossShapeCurve(lossById('ce'), {}, 3, 'probability', 11);
    curve.x.forEach((p, i) => {
      expect(curve.loss[i]).toBeCloseTo(-Math.log(p), 8);
      // Central differences err by ~h²/p² relative to the true −1/p.
      expect(Math.abs(curve.derivative[i]! + 1 / p) * p).toBeLessThan(1e-4);
    });
  });

  it('gives 2(1 − p) and −2 for MAE', () => {
    const curve = lossShapeCurve(lossById('mae'), {}, 4, 'probability', 7);
    curve.x.forEach((p, i) => {
      expect(curve.loss[i]).toBeCloseTo(2 * (1 - p), 8);
      expect(curve.derivative[i]).toBeCloseTo(-2, 5);
    });
  });

  it('gives the logistic loss log(1 + e^−m) for binary cross-entropy against the margin', () => {
    const curve = lossShapeCurve(lossById('ce'), {}, 2, 'margin', 9);
    curve.x.forEach((m, i) => {
      expect(curve.loss[i]).toBeCloseTo(Math.log1p(Math.exp(-m)), 8);
      expect(curve.derivative[i]).toBeCloseTo(-1 / (1 + Math.exp(m)), 5);
    });
  });

  it('is finite for every available loss on both axes', () => {
    for (const loss of LOSSES) {
      const params = lossParamsResolve(loss);
      for (const [classes, axis] of [[3, 'probability'], [2, 'margin']] as const) {
        if (loss.unavailableReason(classes) !== null) continue;
        const curve = lossShapeCurve(loss, params, classes, axis, 21);
        expect(curve.loss.every(Number.isFinite), `${loss.id} ${axis}`).toBe(true);
        expect(curve.derivative.every(Number.isFinite), `${loss.id} ${axis} derivative`).toBe(true);
      }
    }
  });
});

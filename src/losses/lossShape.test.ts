import { describe, expect, it } from 'vitest';
import { logitsForTrueLogit, lossShapeCurve } from './lossShape';
import { refSoftmax } from './math';
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
      for (const [classes, axis] of [[3, 'probability'], [2, 'margin'], [3, 'logit'], [2, 'logit']] as const) {
        if (loss.unavailableReason(classes) !== null) continue;
        const curve = lossShapeCurve(loss, params, classes, axis, 21);
        expect(curve.loss.every(Number.isFinite), `${loss.id} ${axis}`).toBe(true);
        expect(curve.derivative.every(Number.isFinite), `${loss.id} ${axis} derivative`).toBe(true);
      }
    }
  });

  it('puts z_y on the logit axis with the other logits spread over [−1, 1]', () => {
    expect(logitsForTrueLogit(2.5, 1, 4)).toEqual([-1, 2.5, 0, 1]);
    expect(logitsForTrueLogit(-3, 0, 2)).toEqual([-3, 0]);
  });

  it('shows MAE’s vanishing gradient against the true-class logit: −2 p_y(1 − p_y), near 0 when badly wrong', () => {
    const curve = lossShapeCurve(lossById('mae'), {}, 3, 'logit', 25);
    curve.x.forEach((z, i) => {
      const p = refSoftmax(logitsForTrueLogit(z, 0, 3))[0]!;
      expect(curve.loss[i]).toBeCloseTo(2 * (1 - p), 8);
      expect(curve.derivative[i]).toBeCloseTo(-2 * p * (1 - p), 5);
    });
    // Badly wrong (z_y = −6): the gradient is under 1 % of its largest size; cross-entropy's stays near −1.
    const peak = Math.max(...curve.derivative.map(Math.abs));
    expect(Math.abs(curve.derivative[0]!)).toBeLessThan(0.01 * peak);
    const ce = lossShapeCurve(lossById('ce'), {}, 3, 'logit', 25);
    expect(ce.derivative[0]).toBeLessThan(-0.99);
  });

  it('draws the spherical Z-loss as a slope, not a step, against the true-class logit', () => {
    const loss = lossById('z-spherical');
    const params = lossParamsResolve(loss);
    const byLogit = lossShapeCurve(loss, params, 3, 'logit', 41);
    expect(Math.max(...byLogit.derivative.map(Math.abs))).toBeGreaterThan(0.2);
    // Strictly falling as z_y rises: every step lowers the loss.
    byLogit.loss.slice(1).forEach((v, i) => expect(v).toBeLessThan(byLogit.loss[i]!));
    // Against p_y with the other classes tied, z̃_y = ±√2 and the derivative is zero (why the logit view is its view).
    const byProbability = lossShapeCurve(loss, params, 3, 'probability', 41);
    expect(Math.max(...byProbability.derivative.filter((_, i) => Math.abs(byProbability.x[i]! - 1 / 3) > 0.02).map(Math.abs))).toBeLessThan(1e-6);
  });

  it('opens MAE and the Z-loss on the view their notes speak of', () => {
    expect(lossById('mae').shapeAxis).toBe('logit');
    expect(lossById('z-spherical').shapeAxis).toBe('logit');
    expect(lossById('mae').note).toMatch(/true-class logit/);
  });
});

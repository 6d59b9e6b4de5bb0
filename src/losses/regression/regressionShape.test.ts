import { describe, expect, it } from 'vitest';
import { regressionLossById, regressionLossParamsResolve } from './regressionLosses';
import { regressionShapeCurve, regressionTargetHistogram } from './regressionShape';

const support = { vMin: -1.5, vMax: 1.5 };

describe('regression loss shapes', () => {
  it('MSE is r² with derivative 2r; Huber is quadratic then linear with slope δ', () => {
    const mse = regressionLossById('mse');
    const curve = regressionShapeCurve(mse, {}, support, 31);
    curve.x.forEach((r, i) => {
      expect(curve.loss[i]).toBeCloseTo(r * r, 10);
      expect(curve.derivative[i]).toBeCloseTo(2 * r, 6);
    });
    const huber = regressionLossById('huber');
    const params = regressionLossParamsResolve(huber, { delta: 0.5 });
    const h = regressionShapeCurve(huber, params, support, 31);
    expect(h.derivative.at(-1)).toBeCloseTo(0.5, 6);
    expect(h.derivative[0]).toBeCloseTo(-0.5, 6);
  });

  it('HL-Gauss is least at r = 0 and grows both ways; its target histogram sums to 1 around the target', () => {
    const loss = regressionLossById('hl-gauss');
    const params = regressionLossParamsResolve(loss);
    const curve = regressionShapeCurve(loss, params, support, 61);
    const middle = curve.loss[30]!;
    expect(curve.x[30]).toBeCloseTo(0, 12);
    for (const v of curve.loss) expect(v).toBeGreaterThanOrEqual(middle - 1e-12);
    expect(curve.loss[10]!).toBeGreaterThan(curve.loss[20]!);
    expect(curve.loss[50]!).toBeGreaterThan(curve.loss[40]!);
    const { centres, probabilities } = regressionTargetHistogram(loss, params, support, 0.3);
    expect(centres).toHaveLength(32);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const mean = probabilities.reduce((sum, p, i) => sum + p * centres[i]!, 0);
    expect(mean).toBeCloseTo(0.3, 2);
  });
});

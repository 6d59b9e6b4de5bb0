import { describe, expect, it } from 'vitest';
import { REGRESSION_LOSSES, regressionLossById, regressionLossIds, regressionLossParamsResolve } from './regressionLosses';
import {
  regressionCase,
  regressionGradientFiniteDifference,
  regressionGradientTf,
  regressionPredictTf,
  regressionValueTf,
} from './regressionTesting';
import type { LossParams } from '../types';
import type { RegressionLossSpec } from './types';

const SEEDS = [1, 2, 3, 4, 5, 6];

/** Defaults, then every parameter at its minimum, then at its maximum. */
function paramSets(loss: RegressionLossSpec): [string, LossParams][] {
  const sets: [string, LossParams][] = [['defaults', regressionLossParamsResolve(loss)]];
  if (loss.params.length > 0) {
    sets.push(['minimum', Object.fromEntries(loss.params.map((p) => [p.id, p.min]))]);
    sets.push(['maximum', Object.fromEntries(loss.params.map((p) => [p.id, p.max]))]);
  }
  return sets;
}

describe.each(REGRESSION_LOSSES.map((loss) => [loss.id, loss] as const))('%s', (_id, loss) => {
  describe.each(paramSets(loss))('parameters at their %s', (_label, params) => {
    it.each(SEEDS)('tfjs equals the plain-TypeScript reference (seed %i)', (seed) => {
      const c = regressionCase(loss, params, seed, 16);
      const got = regressionValueTf(loss, c, params);
      const want = loss.reference(c.outputs, c.targets, params, c.support);
      expect(got).toHaveLength(want.length);
      got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i]!))));
    });

    it.each(SEEDS)('autodiff gradient equals central finite differences of the reference (seed %i)', (seed) => {
      const c = regressionCase(loss, params, 100 + seed, 8);
      const numeric = regressionGradientFiniteDifference(loss, c, params);
      regressionGradientTf(loss, c, params).forEach((row, i) =>
        row.forEach((v, k) => {
          expect(Number.isFinite(v)).toBe(true);
          expect(Math.abs(v - numeric[i]![k]!)).toBeLessThan(1e-3);
        }),
      );
    });

    it('the tfjs prediction equals the reference prediction', () => {
      const c = regressionCase(loss, params, 7, 16);
      const got = regressionPredictTf(loss, c, params);
      c.outputs.forEach((row, i) => expect(Math.abs(got[i]! - loss.predictReference(row, params, c.support))).toBeLessThan(1e-5));
    });

    it('value and gradient stay finite on extreme outputs', () => {
      for (const scale of [30, 300]) {
        const c = regressionCase(loss, params, 9, 8);
        c.outputs = c.outputs.map((row) => row.map((v) => v * scale));
        regressionValueTf(loss, c, params).forEach((v) => expect(Number.isFinite(v)).toBe(true));
        regressionGradientTf(loss, c, params).flat().forEach((v) => expect(Number.isFinite(v)).toBe(true));
      }
    });
  });

  it('needs one output per example for a point loss, one per bin for a histogram loss', () => {
    const params = regressionLossParamsResolve(loss);
    expect(loss.outputs(params)).toBe(loss.kind === 'point' ? 1 : params.bins);
    const c = regressionCase(loss, params, 3, 5);
    expect(loss.encodeTargets(c.targets, params, c.support)).toHaveLength(5 * loss.outputs(params));
  });
});

describe('registry', () => {
  it('lists the seven losses of the regression task, in menu order', () => {
    expect(regressionLossIds()).toEqual(['mse', 'mae', 'huber', 'log-cosh', 'pinball', 'hl-gauss', 'two-hot']);
  });

  it('throws on an unknown id, naming it', () => {
    expect(() => regressionLossById('ce')).toThrow('unknown regression loss: ce');
  });

  it('clamps parameters into range, rounds the bin count and fills defaults', () => {
    const hl = regressionLossById('hl-gauss');
    expect(regressionLossParamsResolve(hl, { bins: 1000, sigma: -1 })).toEqual({ bins: 128, sigma: 0.1 });
    expect(regressionLossParamsResolve(hl, { bins: 20.6 })).toEqual({ bins: 21, sigma: 0.75 });
    expect(regressionLossParamsResolve(regressionLossById('huber'), { delta: 'x' })).toEqual({ delta: 1 });
  });

  it('gives every parameter a default inside its range', () => {
    for (const loss of REGRESSION_LOSSES) for (const p of loss.params) expect(p.min <= p.default && p.default <= p.max).toBe(true);
  });
});

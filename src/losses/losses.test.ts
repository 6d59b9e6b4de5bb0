import { describe, expect, it } from 'vitest';
import { LOSSES, lossById, lossParamsResolve } from './registry';
import { lossCase, lossGradientFiniteDifference, lossGradientTf, lossValueTf } from './lossTesting';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe.each(LOSSES.map((loss) => [loss.id, loss] as const))('%s', (_id, loss) => {
  const classes = loss.unavailableReason(3) === null ? 3 : 2;
  const params = lossParamsResolve(loss);

  it.each(SEEDS)('tfjs equals the plain-TypeScript reference (seed %i)', (seed) => {
    const c = lossCase(seed, 16, classes);
    const got = lossValueTf(loss, c, params);
    const want = loss.reference(c.logits, c.labels, params, c.context);
    const [g, w] = [[got].flat(), [want].flat()];
    expect(g).toHaveLength(w.length);
    g.forEach((v, i) => expect(Math.abs(v - w[i]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(w[i]!))));
  });

  it.each(SEEDS)('autodiff gradient equals central finite differences of the reference (seed %i)', (seed) => {
    const c = lossCase(100 + seed, 8, classes);
    const autodiff = lossGradientTf(loss, c, params);
    const numeric = lossGradientFiniteDifference(loss, c, params);
    autodiff.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - numeric[i]![k]!)).toBeLessThan(1e-3)));
  });
});

describe('identities', () => {
  it('ce on uniform logits is ln K', () => {
    for (const k of [2, 3, 5]) {
      const c = lossCase(1, 4, k);
      c.logits = c.logits.map((row) => row.map(() => 0.7));
      const values = lossValueTf(lossById('ce'), c, {}) as number[];
      values.forEach((v) => expect(v).toBeCloseTo(Math.log(k), 5));
    }
  });

  it('focal with γ = 0 equals ce', () => {
    const c = lossCase(9, 16, 4);
    const focal = lossValueTf(lossById('focal'), c, { gamma: 0 }) as number[];
    const ce = lossValueTf(lossById('ce'), c, {}) as number[];
    focal.forEach((v, i) => expect(v).toBeCloseTo(ce[i]!, 5));
  });
});

describe('registry', () => {
  it('throws on an unknown id, naming it', () => {
    expect(() => lossById('nope')).toThrow('unknown loss: nope');
  });

  it('clamps parameters into range and fills defaults', () => {
    expect(lossParamsResolve(lossById('focal'), { gamma: 99 })).toEqual({ gamma: 5 });
    expect(lossParamsResolve(lossById('focal'), {})).toEqual({ gamma: 2 });
  });
});

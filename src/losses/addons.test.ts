import { describe, expect, it } from 'vitest';
import { ADDONS, addonById, addonParamsResolve, type AddonSpec } from './addons';
import { lossCase, lossGradientFiniteDifference, lossGradientTf, lossValueTf } from './lossTesting';
import { refLogSumExp, refSoftmax } from './math';
import type { LossParams, LossSpec } from './types';

/** An add-on seen as a per-example loss that ignores the labels, so the loss checks apply to it. */
function asLoss(addon: AddonSpec): LossSpec {
  return {
    ...addon,
    level: 'example',
    unavailableReason: () => null,
    compute: (logits, _targets, params) => addon.compute(logits, params),
    reference: (logits, _labels, params) => addon.reference(logits, params),
  };
}

describe.each(ADDONS.map((addon) => [addon.id, addon] as const))('%s', (_id, addon) => {
  const loss = asLoss(addon);
  // The defaults are small (λ = 1e-4); check at the range's maximum too, where the term matters.
  const paramSets: LossParams[] = [addonParamsResolve(addon), Object.fromEntries(addon.params.map((p) => [p.id, p.max]))];

  it.each([1, 2, 3, 4])('tfjs equals the reference and autodiff equals finite differences (seed %i)', (seed) => {
    for (const classes of [2, 3, 5]) {
      for (const params of paramSets) {
        const c = lossCase(seed, 16, classes);
        const got = lossValueTf(loss, c, params) as number[];
        const want = addon.reference(c.logits, params);
        got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i]!))));
        const g = lossCase(100 + seed, 8, classes);
        const autodiff = lossGradientTf(loss, g, params);
        const numeric = lossGradientFiniteDifference(loss, g, params);
        autodiff.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - numeric[i]![k]!)).toBeLessThan(1e-3)));
      }
    }
  });
});

describe('add-on formulas', () => {
  it('z-reg is λ·(logsumexp z)², zero when the softmax normaliser is 1', () => {
    const c = lossCase(5, 8, 3);
    const want = c.logits.map((z) => 0.01 * refLogSumExp(z) ** 2);
    (lossValueTf(asLoss(addonById('z-reg')), c, { lambda: 0.01 }) as number[]).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 6));
    const normalised = { ...c, logits: c.logits.map((z) => z.map((v) => v - refLogSumExp(z))) };
    (lossValueTf(asLoss(addonById('z-reg')), normalised, { lambda: 1 }) as number[]).forEach((v) => expect(v).toBeCloseTo(0, 6));
  });

  it('confidence penalty is −β·H(p): −β ln K at uniform logits, 0 at a one-hot prediction', () => {
    for (const k of [2, 3, 5]) {
      const c = lossCase(1, 4, k);
      const uniform = { ...c, logits: c.logits.map((row) => row.map(() => 1.5)) };
      (lossValueTf(asLoss(addonById('confidence-penalty')), uniform, { beta: 0.1 }) as number[]).forEach((v) =>
        expect(v).toBeCloseTo(-0.1 * Math.log(k), 6),
      );
      const peaked = { ...c, logits: c.logits.map((row) => row.map((_, j) => (j === 0 ? 50 : 0))) };
      (lossValueTf(asLoss(addonById('confidence-penalty')), peaked, { beta: 0.1 }) as number[]).forEach((v) => expect(v).toBeCloseTo(0, 6));
    }
  });

  it('confidence penalty is never positive', () => {
    const c = lossCase(8, 32, 4);
    addonById('confidence-penalty')
      .reference(c.logits, { beta: 1 })
      .forEach((v, i) => {
        const entropy = -refSoftmax(c.logits[i]!).reduce((s, p) => s + p * Math.log(p), 0);
        expect(v).toBeCloseTo(-entropy, 12);
        expect(v).toBeLessThanOrEqual(0);
      });
  });
});

describe('add-on registry', () => {
  it('finds add-ons with or without the catalog\'s leading +', () => {
    expect(addonById('+z-reg')).toBe(addonById('z-reg'));
    expect(addonById('+confidence-penalty').id).toBe('confidence-penalty');
  });

  it('throws on an unknown id, naming it', () => {
    expect(() => addonById('nope')).toThrow('unknown add-on: nope');
  });

  it('clamps parameters into range and fills defaults', () => {
    expect(addonParamsResolve(addonById('z-reg'), { lambda: 5 })).toEqual({ lambda: 0.01 });
    expect(addonParamsResolve(addonById('confidence-penalty'))).toEqual({ beta: 0.1 });
  });

  it('names the logit-drift penalty apart from the spherical Z-loss', () => {
    expect(addonById('z-reg').name).not.toMatch(/^Z-loss/);
  });
});

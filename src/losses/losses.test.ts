import { describe, expect, it } from 'vitest';
import { LOSSES, lossById, lossParamsResolve } from './registry';
import { lossCase, lossGradientFiniteDifference, lossGradientTf, lossValueTf } from './lossTesting';
import type { LossParams, LossSpec } from './types';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const CORNER_SEEDS = [11, 12, 13];
const CLASS_COUNTS = [2, 3, 5];

/** The parameter sets every loss is checked at: defaults, then every parameter at its minimum, then at its maximum. */
function paramSets(loss: LossSpec): [string, LossParams][] {
  const sets: [string, LossParams][] = [['defaults', lossParamsResolve(loss)]];
  if (loss.params.length > 0) {
    sets.push(['minimum', Object.fromEntries(loss.params.map((p) => [p.id, p.min]))]);
    sets.push(['maximum', Object.fromEntries(loss.params.map((p) => [p.id, p.max]))]);
  }
  return sets;
}

function expectValuesMatch(loss: LossSpec, seed: number, classes: number, params: LossParams): void {
  const c = lossCase(seed, 16, classes);
  const got = lossValueTf(loss, c, params);
  const want = loss.reference(c.logits, c.labels, params, c.context);
  const [g, w] = [[got].flat(), [want].flat()];
  expect(g).toHaveLength(w.length);
  g.forEach((v, i) => expect(Math.abs(v - w[i]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(w[i]!))));
}

function expectGradientsMatch(loss: LossSpec, seed: number, classes: number, params: LossParams): void {
  const c = lossCase(seed, 8, classes);
  const autodiff = lossGradientTf(loss, c, params);
  const numeric = lossGradientFiniteDifference(loss, c, params);
  autodiff.forEach((row, i) =>
    row.forEach((v, k) => {
      expect(Number.isFinite(v)).toBe(true);
      expect(Math.abs(v - numeric[i]![k]!)).toBeLessThan(1e-3);
    }),
  );
}

describe.each(LOSSES.map((loss) => [loss.id, loss] as const))('%s', (_id, loss) => {
  const classCounts = CLASS_COUNTS.filter((k) => loss.unavailableReason(k) === null);

  it('is available for at least one class count', () => {
    expect(classCounts.length).toBeGreaterThan(0);
  });

  describe.each(classCounts)('K = %i', (classes) => {
    const params = lossParamsResolve(loss);

    it.each(SEEDS)('tfjs equals the plain-TypeScript reference (seed %i)', (seed) => {
      expectValuesMatch(loss, seed, classes, params);
    });

    it.each(SEEDS)('autodiff gradient equals central finite differences of the reference (seed %i)', (seed) => {
      expectGradientsMatch(loss, 100 + seed, classes, params);
    });

    it.each(paramSets(loss))('value and gradient stay finite on extreme logits, parameters at their %s', (_label, set) => {
      for (const scale of [30, 300]) {
        const c = lossCase(7, 8, classes);
        c.logits = c.logits.map((row) => row.map((v) => v * scale));
        [lossValueTf(loss, c, set)].flat().forEach((v) => expect(Number.isFinite(v)).toBe(true));
        lossGradientTf(loss, c, set).flat().forEach((v) => expect(Number.isFinite(v)).toBe(true));
      }
    });

    it.each(paramSets(loss).slice(1))('value and gradient checks hold with every parameter at its %s', (_label, corner) => {
      for (const seed of CORNER_SEEDS) {
        expectValuesMatch(loss, seed, classes, corner);
        expectGradientsMatch(loss, 100 + seed, classes, corner);
      }
    });
  });
});

describe('availability', () => {
  it('gives a reason exactly where the catalog says a loss is unavailable', () => {
    const unavailable = (id: string, k: number): boolean => lossById(id).unavailableReason(k) !== null;
    expect(unavailable('z-spherical', 2)).toBe(true);
    expect(unavailable('z-spherical', 3)).toBe(false);
    expect(unavailable('ensloss', 2)).toBe(false);
    expect(unavailable('ensloss', 3)).toBe(true);
    for (const loss of LOSSES) {
      if (!['z-spherical', 'ensloss'].includes(loss.id)) for (const k of [2, 3, 6]) expect(loss.unavailableReason(k)).toBeNull();
    }
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

  it('has unique ids', () => {
    expect(new Set(LOSSES.map((loss) => loss.id)).size).toBe(LOSSES.length);
  });
});

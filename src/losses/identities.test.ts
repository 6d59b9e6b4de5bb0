// The catalog's identities between losses, each checked on seeded random logits, on the tfjs
// side (float32) and on the plain-TypeScript reference where the identity is exact.
import { describe, expect, it } from 'vitest';
import { anylossMetricRef } from './anyloss';
import { refHinge } from './hinge';
import { lossCase, lossValueTf, type LossCase } from './lossTesting';
import { refSoftmax } from './math';
import { lossById } from './registry';
import type { LossParams } from './types';

const SEEDS = [21, 22, 23];
const CLASS_COUNTS = [2, 3, 5];

function values(id: string, c: LossCase, params: LossParams = {}): number[] {
  return [lossValueTf(lossById(id), c, params)].flat();
}

function referenceValues(id: string, c: LossCase, params: LossParams = {}): number[] {
  return [lossById(id).reference(c.logits, c.labels, params, c.context)].flat();
}

function expectClose(got: readonly number[], want: readonly number[], tolerance = 1e-5): void {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(tolerance * Math.max(1, Math.abs(want[i]!))));
}

/** Every seeded case: three seeds for each class count. */
function cases(rows = 16): LossCase[] {
  return CLASS_COUNTS.flatMap((k) => SEEDS.map((seed) => lossCase(seed * 10 + k, rows, k)));
}

function py(c: LossCase): number[] {
  return c.logits.map((z, i) => refSoftmax(z)[c.labels[i]!]!);
}

describe('equal to cross-entropy', () => {
  const equivalents: [string, LossParams][] = [
    ['focal', { gamma: 0 }],
    ['label-smoothing', { epsilon: 0 }],
    ['ce-temp', { T: 1 }],
    ['comp-sum', { tau: 1 }],
    ['dco', { N: 1 }],
    ['logit-adjusted', { tau: 0 }],
  ];
  it.each(equivalents)('%s with %o equals ce', (id, params) => {
    for (const c of cases()) {
      expectClose(values(id, c, params), values('ce', c));
      expectClose(referenceValues(id, c, params), referenceValues('ce', c), 1e-12);
    }
  });

  it('ldam with equal class priors is ce on z − 0.5·e_y', () => {
    for (const c of cases()) {
      c.context.classPriors.fill(1 / c.context.classes);
      const shifted = { ...c, logits: c.logits.map((z, i) => z.map((v, k) => (k === c.labels[i] ? v - 0.5 : v))) };
      expectClose(values('ldam', c, { s: 1 }), values('ce', shifted));
    }
  });
});

describe('comp-sum', () => {
  it('τ = 2 is 1 − p_y', () => {
    for (const c of cases()) {
      const want = py(c).map((p) => 1 - p);
      expectClose(values('comp-sum', c, { tau: 2 }), want);
      expectClose(referenceValues('comp-sum', c, { tau: 2 }), want, 1e-12);
    }
  });

  it('τ = 0 is u = Σ_{k≠y} exp(z_k − z_y)', () => {
    for (const c of cases()) {
      const want = c.logits.map((z, i) => z.reduce((s, v, k) => (k === c.labels[i] ? s : s + Math.exp(v - z[c.labels[i]!]!)), 0));
      expectClose(values('comp-sum', c, { tau: 0 }), want);
      expectClose(referenceValues('comp-sum', c, { tau: 0 }), want, 1e-12);
    }
  });

  it.each([0.05, 0.3, 0.7, 1])('τ = 1 + q is gce with q = %f', (q) => {
    for (const c of cases()) {
      expectClose(values('comp-sum', c, { tau: 1 + q }), values('gce', c, { q }));
      expectClose(referenceValues('comp-sum', c, { tau: 1 + q }), referenceValues('gce', c, { q }), 1e-10);
    }
  });
});

describe('gce', () => {
  it('tends to ce as q → 0, with error below q·(log p_y)²', () => {
    for (const c of cases()) {
      const ce = referenceValues('ce', c);
      let previous = Infinity;
      for (const q of [1e-1, 1e-2, 1e-3, 1e-4]) {
        const gce = referenceValues('gce', c, { q });
        const error = Math.max(...gce.map((v, i) => Math.abs(v - ce[i]!)));
        gce.forEach((v, i) => expect(Math.abs(v - ce[i]!)).toBeLessThanOrEqual(q * ce[i]! ** 2));
        expect(error).toBeLessThan(previous);
        previous = error;
      }
      // The float32 side agrees at small q too (it is written with expm1, so it does not cancel).
      expectClose(values('gce', c, { q: 1e-4 }), ce, 2e-3);
    }
  });
});

describe('ldr-kl', () => {
  it('λ = 1, c = 0 is ce − ln K', () => {
    for (const c of cases()) {
      const want = referenceValues('ce', c).map((v) => v - Math.log(c.context.classes));
      expectClose(values('ldr-kl', c, { lambda: 1, c: 0 }), want);
      expectClose(referenceValues('ldr-kl', c, { lambda: 1, c: 0 }), want, 1e-12);
    }
  });

  it('tends to the hinge with margin c as λ → 0, within λ·ln K', () => {
    for (const c of cases()) {
      for (const margin of [0, 1, 2.5]) {
        const hinge = c.logits.map((z, i) => refHinge(z, c.labels[i]!, margin));
        expectClose(referenceValues('hinge', c, { c: margin }), hinge, 1e-12);
        for (const lambda of [0.1, 0.01, 0.001]) {
          const bound = lambda * Math.log(c.context.classes) + 1e-12;
          referenceValues('ldr-kl', c, { lambda, c: margin }).forEach((v, i) => {
            expect(v).toBeLessThanOrEqual(hinge[i]! + 1e-12);
            expect(hinge[i]! - v).toBeLessThanOrEqual(bound);
          });
          values('ldr-kl', c, { lambda, c: margin }).forEach((v, i) => expect(Math.abs(v - hinge[i]!)).toBeLessThanOrEqual(bound + 1e-4));
        }
      }
    }
  });
});

describe('mae', () => {
  it('is 2(1 − p_y) and stays in [0, 2], even on extreme logits', () => {
    for (const c of cases()) {
      for (const scale of [1, 30, 300]) {
        const scaled = { ...c, logits: c.logits.map((z) => z.map((v) => v * scale)) };
        const got = values('mae', scaled);
        got.forEach((v) => {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(2);
        });
        if (scale === 1) expectClose(got, py(c).map((p) => 2 * (1 - p)));
      }
    }
  });
});

describe('z-spherical', () => {
  const K_AT_LEAST_3 = [3, 4, 6];

  it('does not change under z → αz + β for α > 0', () => {
    for (const k of K_AT_LEAST_3) {
      for (const seed of SEEDS) {
        const c = lossCase(seed, 16, k);
        const base = values('z-spherical', c);
        const baseRef = referenceValues('z-spherical', c);
        for (const [alpha, beta] of [[0.5, -2], [3, 5], [10, 0.25]] as const) {
          const moved = { ...c, logits: c.logits.map((z) => z.map((v) => alpha * v + beta)) };
          expectClose(values('z-spherical', moved), base, 2e-5);
          expectClose(referenceValues('z-spherical', moved), baseRef, 1e-9);
        }
      }
    }
  });

  it('is unavailable for K = 2, saying why', () => {
    expect(lossById('z-spherical').unavailableReason(2)).toMatch(/3 classes/);
  });
});

describe('anyloss', () => {
  /** 1 − the metric of the hard confusion matrix (predict positive where p > ½), binary or macro. */
  function hardLoss(c: LossCase, metric: number, beta: number): number {
    const k = c.context.classes;
    const columns = k === 2 ? [1] : Array.from({ length: k }, (_, j) => j);
    const scores = columns.map((j) => {
      const m = { tp: 0, fn: 0, fp: 0, tn: 0 };
      c.logits.forEach((z, i) => {
        const predicted = refSoftmax(z)[j]! > 0.5;
        const actual = c.labels[i] === j;
        if (actual) m[predicted ? 'tp' : 'fn'] += 1;
        else m[predicted ? 'fp' : 'tn'] += 1;
      });
      return anylossMetricRef(metric, m, beta);
    });
    return 1 - scores.reduce((s, v) => s + v, 0) / scores.length;
  }

  it.each([0, 1, 2, 3, 4])('with L large approaches 1 − the hard metric (metric %i)', (metric) => {
    for (const c of cases(32)) {
      const params = (L: number): LossParams => ({ metric, L, beta: 2 });
      const hard = hardLoss(c, metric, 2);
      const far = Math.abs((referenceValues('anyloss', c, params(1e6))[0]!) - hard);
      const near = Math.abs((referenceValues('anyloss', c, params(10))[0]!) - hard);
      expect(far).toBeLessThan(1e-6);
      expect(far).toBeLessThanOrEqual(near);
      expect(Math.abs(values('anyloss', c, params(1e6))[0]! - hard)).toBeLessThan(1e-4);
    }
  });

  it('metric 2 (F-β) with β = 1 is metric 0 (F1)', () => {
    for (const c of cases()) {
      expectClose(values('anyloss', c, { metric: 2, beta: 1 }), values('anyloss', c, { metric: 0 }));
    }
  });

  it('rounds a fractional metric index to the nearest metric', () => {
    const c = lossCase(3, 16, 2);
    expect(values('anyloss', c, { metric: 0.6 })).toEqual(values('anyloss', c, { metric: 1 }));
  });
});

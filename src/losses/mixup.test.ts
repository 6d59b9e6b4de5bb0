import { describe, expect, it } from 'vitest';
import { rng } from '../engine/rng';
import { tf, type Tensor2D } from '../engine/tf';
import { lossCase } from './lossTesting';
import { mixupBatch, mixupDraw, mixupLoss } from './mixup';
import { rngBeta, rngDirichlet, rngGamma } from './random';
import { LOSSES, lossById, lossParamsResolve } from './registry';

function oneHot(labels: readonly number[], classes: number): Tensor2D {
  return tf.tensor2d(labels.map((y) => Array.from({ length: classes }, (_, k) => (k === y ? 1 : 0))));
}

function meanAndVariance(samples: readonly number[]): [number, number] {
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  return [mean, samples.reduce((s, v) => s + (v - mean) ** 2, 0) / samples.length];
}

describe('gamma, beta and dirichlet draws', () => {
  it.each([0.2, 0.5, 1, 2.5, 9])('Gamma(%f) has mean and variance equal to its shape', (shape) => {
    const random = rng(shape * 1000);
    const [mean, variance] = meanAndVariance(Array.from({ length: 40_000 }, () => rngGamma(random, shape)));
    expect(Math.abs(mean - shape)).toBeLessThan(0.05 * Math.max(1, shape));
    expect(Math.abs(variance - shape)).toBeLessThan(0.1 * Math.max(1, shape));
  });

  it.each([0.2, 1, 4])('Beta(α, α) with α = %f has mean ½ and variance 1/(4(2α+1))', (alpha) => {
    const random = rng(7);
    const samples = Array.from({ length: 40_000 }, () => rngBeta(random, alpha, alpha));
    const [mean, variance] = meanAndVariance(samples);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / (4 * (2 * alpha + 1)))).toBeLessThan(0.01);
    samples.forEach((v) => {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    });
  });

  it('Dirichlet weights are positive, sum to 1, and have mean 1/K', () => {
    const random = rng(3);
    const draws = Array.from({ length: 5000 }, () => rngDirichlet(random, 0.5, 4));
    for (const w of draws) {
      expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      w.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
    }
    for (let j = 0; j < 4; j++) expect(Math.abs(meanAndVariance(draws.map((w) => w[j]!))[0] - 0.25)).toBeLessThan(0.02);
  });

  it('rejects a non-positive shape', () => {
    expect(() => rngGamma(rng(1), 0)).toThrow('invalid gamma shape: 0');
  });

  it('is reproducible from the seed', () => {
    expect(mixupDraw(rng(42), 0.2, 10)).toEqual(mixupDraw(rng(42), 0.2, 10));
  });
});

describe('mixupDraw', () => {
  it('gives λ in [0, 1] with mean ≈ ½, and a permutation of partners', () => {
    const { lambdas, partners } = mixupDraw(rng(9), 0.2, 20_000);
    lambdas.forEach((v) => {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    });
    expect(Math.abs(meanAndVariance(Array.from(lambdas))[0] - 0.5)).toBeLessThan(0.01);
    expect([...partners].sort((a, b) => a - b)).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
  });
});

describe('mixupLoss', () => {
  const available = LOSSES.filter((loss) => loss.unavailableReason(3) === null);

  it.each(available.map((loss) => [loss.id, loss] as const))('%s: λ = 1 is the plain loss, λ = 0 the partner\'s', (_id, loss) => {
    const c = lossCase(4, 12, 3);
    const params = lossParamsResolve(loss);
    const partners = Array.from({ length: 12 }, (_, i) => (i * 5 + 3) % 12);
    const labelsB = partners.map((j) => c.labels[j]!);
    tf.tidy(() => {
      const logits = tf.tensor2d(c.logits);
      const [targetsA, targetsB] = [oneHot(c.labels, 3), oneHot(labelsB, 3)];
      const plainA = loss.compute(logits, targetsA, params, c.context).arraySync();
      const plainB = loss.compute(logits, targetsB, params, c.context).arraySync();
      expect(mixupLoss(loss, logits, targetsA, targetsB, new Float32Array(12).fill(1), params, c.context).arraySync()).toEqual(plainA);
      expect(mixupLoss(loss, logits, targetsA, targetsB, new Float32Array(12), params, c.context).arraySync()).toEqual(plainB);
    });
  });

  it('weights each example by its own λ (per-example losses) or by the mean λ (batch-level)', () => {
    const c = lossCase(6, 8, 3);
    const lambdas = Array.from(mixupDraw(rng(1), 0.4, 8).lambdas);
    const labelsB = c.labels.map((_, i) => c.labels[(i + 1) % 8]!);
    for (const id of ['ce', 'focal', 'soft-dice']) {
      const loss = lossById(id);
      const params = lossParamsResolve(loss);
      const refA = loss.reference(c.logits, c.labels, params, c.context);
      const refB = loss.reference(c.logits, labelsB, params, c.context);
      const got = tf.tidy(() =>
        mixupLoss(loss, tf.tensor2d(c.logits), oneHot(c.labels, 3), oneHot(labelsB, 3), lambdas, params, c.context).arraySync(),
      );
      if (Array.isArray(refA) && Array.isArray(refB)) {
        (got as number[]).forEach((v, i) => expect(v).toBeCloseTo(lambdas[i]! * refA[i]! + (1 - lambdas[i]!) * refB[i]!, 5));
      } else {
        const mean = lambdas.reduce((s, v) => s + v, 0) / lambdas.length;
        expect(got as number).toBeCloseTo(mean * (refA as number) + (1 - mean) * (refB as number), 5);
      }
    }
  });

  it('for cross-entropy equals the loss on the mixed target λe_i + (1−λ)e_j', () => {
    const c = lossCase(2, 8, 4);
    const labelsB = c.labels.map((_, i) => c.labels[(i + 3) % 8]!);
    const lambdas = Array.from(mixupDraw(rng(5), 1, 8).lambdas);
    tf.tidy(() => {
      const [a, b] = [oneHot(c.labels, 4), oneHot(labelsB, 4)];
      const lambda = tf.tensor2d(lambdas, [8, 1]);
      const mixedTarget = tf.add(tf.mul(lambda, a), tf.mul(tf.sub(1, lambda), b));
      const want = tf.neg(tf.sum(tf.mul(mixedTarget, tf.logSoftmax(tf.tensor2d(c.logits))), 1)).arraySync() as number[];
      const got = mixupLoss(lossById('ce'), tf.tensor2d(c.logits), a, b, lambdas, {}, c.context).arraySync() as number[];
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    });
  });
});

describe('mixupBatch', () => {
  it('mixes inputs with each example\'s partner and returns the partners\' targets', () => {
    const draw = { lambdas: new Float32Array([1, 0, 0.25]), partners: new Int32Array([2, 0, 1]) };
    tf.tidy(() => {
      const x = tf.tensor2d([[0, 0], [4, 8], [2, 2]]);
      const targets = oneHot([0, 1, 2], 3);
      const { x: mixed, targetsB } = mixupBatch(x, targets, draw);
      expect(mixed.arraySync()).toEqual([[0, 0], [0, 0], [0.25 * 2 + 0.75 * 4, 0.25 * 2 + 0.75 * 8]]);
      expect(targetsB.arraySync()).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
    });
  });
});

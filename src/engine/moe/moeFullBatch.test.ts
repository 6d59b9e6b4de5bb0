import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { moeDomainAverager, moeFullBatchAuxiliaryLoss, moeFullBatchBalanceLoss } from './moeFullBatch';
import { moeReferenceFullBatchLbl, moeReferenceZLoss } from './moeReference';

describe('the full training set as one global batch of one-domain micro-batches', () => {
  // Two experts, top-1, three points: domain 0 holds t0 (0.8, 0.2) and t1 (0.6, 0.4), both routed
  // to expert 1; domain 2 holds t2 (0.1, 0.9), routed to expert 2; domain 1 is empty.
  //   micro: d0: f = (1, 0), p = (0.7, 0.3) → 2·0.7 = 1.4;  d2: f = (0, 1), p = (0.1, 0.9) → 1.8;
  //          mean over the two domains 1.6 (each domain once, not weighted by its 2 and 1 points)
  //   global: f = (2/3, 1/3), p = (0.5, 0.5) → 2·(1/3 + 1/6) = 1.0
  const probs = [
    [0.8, 0.2],
    [0.6, 0.4],
    [0.1, 0.9],
  ];
  const mask = [
    [1, 0],
    [1, 0],
    [0, 1],
  ];
  const domains = Int32Array.from([0, 0, 2]);

  it('averages each non-empty domain over its own points', () => {
    const a = moeDomainAverager(domains, 3);
    expect(a.rows).toBe(2);
    expect(Array.from(a.weights)).toEqual([0.5, 0.5, 0, 0, 0, 1]);
  });

  it('gives the hand-computed values (reference and tfjs)', () => {
    expect(moeReferenceFullBatchLbl(probs, mask, [...domains], 1, 'micro')).toBeCloseTo(1.6, 12);
    expect(moeReferenceFullBatchLbl(probs, mask, [...domains], 1, 'global')).toBeCloseTo(1.0, 12);
    const a = moeDomainAverager(domains, 3);
    const [micro, global] = tf.tidy(() => {
      const averager = tf.tensor2d(a.weights, [a.rows, a.points]);
      return (['micro', 'global'] as const).map((scope) => moeFullBatchBalanceLoss(tf.tensor2d(probs), tf.tensor2d(mask), 1, scope, averager).dataSync()[0]!);
    });
    expect(micro).toBeCloseTo(1.6, 6);
    expect(global).toBeCloseTo(1.0, 6);
  });

  it('weighs α·LBL and the z-loss as training does, and is null when both are off', () => {
    const a = moeDomainAverager(domains, 3);
    const routerLogits = probs.map((row) => row.map(Math.log));
    const value = tf.tidy(() => {
      const forward = { probs: tf.tensor2d(probs), mask: tf.tensor2d(mask), routerLogits: tf.tensor2d(routerLogits) };
      return moeFullBatchAuxiliaryLoss(forward, { alpha: 0.1, zLoss: 0.01, balance: 'micro', topK: 1 }, a)!.dataSync()[0]!;
    });
    expect(value).toBeCloseTo(0.1 * 1.6 + 0.01 * moeReferenceZLoss(routerLogits), 6);
    const off = tf.tidy(() => moeFullBatchAuxiliaryLoss({ probs: tf.tensor2d(probs), mask: tf.tensor2d(mask), routerLogits: tf.tensor2d(routerLogits) }, { alpha: 0, zLoss: 0, balance: 'global', topK: 1 }, a) ?? []);
    expect(off).toEqual([]);
  });
});

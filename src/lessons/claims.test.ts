import { describe, expect, it } from 'vitest';
import { runStateEmpty } from '../app/trainingStore';
import { atLeast, atMost, claimEvaluate, claimResult, required, within } from './claimCheck';
import { claimNumbersOf } from './claimNumbers';
import type { ClaimRunNumbers, LessonClaim } from './claimTypes';
import { LESSONS } from './registry';
import { SPLIT_ROLE, type DataPoints } from '../workers/protocol';

describe('claim checks', () => {
  it('compare with the bound inclusive and say what was wanted', () => {
    expect(atLeast('x', 0.1, 0.1)).toMatchObject({ ok: true, wanted: '≥ 0.100' });
    expect(atLeast('x', 0.0999, 0.1).ok).toBe(false);
    expect(atMost('x', 2, 1.5)).toMatchObject({ ok: false, wanted: '≤ 1.500' });
    expect(within('x', 0.87, 0.847, 0.887)).toMatchObject({ ok: true, wanted: 'in [0.847, 0.887]' });
    expect(within('x', 0.9, 0.847, 0.887).ok).toBe(false);
    expect(within('x', 3800, 3040, 4560).wanted).toBe('in [3.04e+3, 4.56e+3]');
  });

  it('hold only when every number does, and never on no numbers', () => {
    expect(claimResult([atLeast('a', 1, 0), atLeast('b', 1, 0)]).held).toBe(true);
    expect(claimResult([atLeast('a', 1, 0), atLeast('b', -1, 0)]).held).toBe(false);
    expect(claimResult([]).held).toBe(false);
  });

  it('a number the run does not measure fails the claim with the reason', () => {
    const claim: LessonClaim = { text: 't', holdsAt: [1], check: () => claimResult([atLeast('conf', required('the confidence', null), 0.9)]) };
    const result = claimEvaluate(claim, []);
    expect(result.held).toBe(false);
    expect(result.missing).toBe('the confidence is not measured in this run (its view is off)');
  });
});

describe('claim numbers from a run’s streamed state', () => {
  it('reads the held-out numbers, the mean confidence, the plane shares and the class counts', () => {
    const run = runStateEmpty();
    expect(claimNumbersOf(run, null)).toBeNull();
    run.step = 40;
    run.trainLoss.push(1, 2);
    run.trainLoss.push(2, 5);
    run.trainLoss.push(3, 0.5);
    run.evaluation = { step: 40, validationLoss: 0.3, trainAccuracy: 0.9, validationAccuracy: 0.8, testAccuracy: 0.85, testLoss: 0.4 } as ClaimEvaluation;
    run.boundary = { resolution: 2, classes: 2, probabilities: Float32Array.from([0.9, 0.1, 0.2, 0.8, 0.4, 0.6, 0.3, 0.7]) };
    run.weightMaxAbs = 1.5;
    const bins = [
      { lower: 0.5, upper: 0.75, count: 3, accuracy: 0.5, confidence: 0.6 },
      { lower: 0.75, upper: 1, count: 1, accuracy: 1, confidence: 1 },
      { lower: 0, upper: 0.5, count: 0, accuracy: null, confidence: null },
    ];
    run.calibration = { step: 40, binary: true, meanLogSumExp: 2.5, trainConfidence: 0.9, temperature: 1.2, before: { ece: 0.1, bins }, after: { ece: 0.05, bins } } as unknown as ClaimCalibration;
    // A 2 × 2 grid over [−1, 1]², rows from the top: class 0 top-left, class 1 in the other three cells.
    const points = {
      classes: 2,
      y: Int32Array.from([0, 1, 1, 0, 1]),
      role: Uint8Array.from([SPLIT_ROLE.train, SPLIT_ROLE.train, SPLIT_ROLE.test, SPLIT_ROLE.train, SPLIT_ROLE.validation]),
      plane: Float32Array.from([0, 0, 0, 0, 0.5, 0.5, 0, 0, -0.5, 0.5]),
      extent: [-1, 1, -1, 1],
    } as unknown as DataPoints;
    const numbers = claimNumbersOf(run, points) as ClaimRunNumbers;
    expect(numbers).toMatchObject({ step: 40, trainAccuracy: 0.9, testAccuracy: 0.85, trainLoss: 0.5, trainLossFirst: 2, trainLossPeak: 5, ece: 0.1, eceScaled: 0.05, temperature: 1.2, meanLogSumExp: 2.5, trainConfidence: 0.9, weightMaxAbs: 1.5 });
    // (3·0.6 + 1·1)/4
    expect(numbers.testConfidence).toBeCloseTo(0.7, 12);
    expect(numbers.planeShares).toEqual([0.25, 0.75]);
    expect(numbers.trainClassCounts).toEqual([2, 1]);
    // Held-out points of class 1: one top-right (class 1's cell), one top-left (class 0's); none of class 0.
    expect(numbers.heldOutRecall).toEqual([NaN, 0.5]);
  });
});

type ClaimEvaluation = NonNullable<ReturnType<typeof runStateEmpty>['evaluation']>;
type ClaimCalibration = NonNullable<ReturnType<typeof runStateEmpty>['calibration']>;

describe('every lesson’s claim', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: is a sentence, holds at its length T, and fails on numbers that contradict it', (_, lesson) => {
    expect(lesson.claim.text).toMatch(/\.$/);
    expect(lesson.claim.holdsAt).toContain(1);
    for (const m of lesson.claim.holdsAt) expect([0.5, 1, 2]).toContain(m);
    // A run that learned nothing: chance accuracy, no confidence, no growth; the claim must not hold.
    const flat: ClaimRunNumbers = {
      step: 1, diverged: false, trainAccuracy: 0.5, validationAccuracy: 0.5, testAccuracy: 0.5, testLoss: 1, trainLoss: 1, trainLossFirst: 1, trainLossPeak: 1,
      ece: 0, eceScaled: 0, temperature: 1, meanLogSumExp: 0, testConfidence: 0.5, trainConfidence: 0.5, sharpness: [{ step: 1, eigenvalue: 0, threshold: 1, preconditioned: false }],
      meanLogitNorm: 0, weightMaxAbs: 0, planeShares: [0.5, 0.5], heldOutRecall: [0.5, 0.5], trainClassCounts: [1, 1],
      regression: null,
      moe: { load: [0.5, 0.5], meanGate: [0.5, 0.5], balance: 1, maxLoadRatio: 1, specialisation: 0, topShare: 0.5, routerEntropy: 1 },
    };
    const runs = Array.from({ length: 1 + (lesson.config.compare?.runs.length ?? 0) }, () => flat);
    expect(claimEvaluate(lesson.claim, runs).held).toBe(false);
  });
});

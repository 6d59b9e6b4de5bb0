import { describe, expect, it } from 'vitest';
import type { FrameEvaluation } from '../workers/protocol';
import { classMetricsHistoryAppend, type ClassMetricsPoint } from './classMetricsHistory';

const evaluation = (step: number): FrameEvaluation => ({
  step,
  validationLoss: 0.5,
  trainAccuracy: 0.9,
  validationAccuracy: 0.8,
  testLoss: 0.5,
  testAccuracy: 0.8,
  testClasses: { support: [8, 2], recall: [1, 0.5], f1: [0.94, 0.67], accuracy: 0.9, balancedAccuracy: 0.75, macroF1: 0.8 },
  minorityClasses: [1],
});

describe('classMetricsHistoryAppend', () => {
  it('adds an evaluated frame’s test numbers and leaves the history alone without one', () => {
    const history = classMetricsHistoryAppend([], evaluation(10));
    expect(history).toEqual([{ step: 10, balancedAccuracy: 0.75, macroF1: 0.8, recall: [1, 0.5] }]);
    expect(classMetricsHistoryAppend(history, null)).toBe(history);
  });

  it('stays bounded on long runs, keeping the newest point', () => {
    let history: readonly ClassMetricsPoint[] = [];
    for (let step = 1; step <= 5000; step++) history = classMetricsHistoryAppend(history, evaluation(step));
    expect(history.length).toBeLessThanOrEqual(1000);
    expect(history.at(-1)!.step).toBe(5000);
    const steps = history.map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });
});

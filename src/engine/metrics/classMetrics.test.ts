// Hand-computed cases, with the numbers scikit-learn's definitions give (balanced_accuracy_score,
// f1_score(average='macro'), recall_score(average=None)), worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { classMetrics, confusionMatrix, minorityClasses } from './classMetrics';

describe('classMetrics', () => {
  it('three classes, some confusion', () => {
    // Confusion (rows true): [4 1 1] [1 1 0] [0 0 2]; support 6, 2, 2; predicted 5, 2, 3.
    const labels = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2];
    const predictions = [0, 0, 0, 0, 1, 2, 1, 0, 2, 2];
    expect(confusionMatrix(labels, predictions, 3)).toEqual([[4, 1, 1], [1, 1, 0], [0, 0, 2]]);
    const m = classMetrics(labels, predictions, 3);
    expect(m.support).toEqual([6, 2, 2]);
    // Recall 4/6, 1/2, 2/2; balanced accuracy their mean, 13/18 = 0.72222.
    m.recall.forEach((r, k) => expect(r).toBeCloseTo([4 / 6, 0.5, 1][k]!, 12));
    expect(m.balancedAccuracy).toBeCloseTo(13 / 18, 12);
    // F1 = 2TP/(support + predicted): 8/11, 2/4, 4/5; macro (8/11 + 1/2 + 4/5)/3 = 0.675758.
    m.f1.forEach((f, k) => expect(f).toBeCloseTo([8 / 11, 0.5, 0.8][k]!, 12));
    expect(m.macroF1).toBeCloseTo((8 / 11 + 0.5 + 0.8) / 3, 12);
    expect(m.macroF1).toBeCloseTo(0.675758, 6);
    expect(m.accuracy).toBeCloseTo(0.7, 12);
  });

  it('predicting the majority class everywhere: accuracy 0.8 but balanced accuracy 0.5 and macro-F1 0.444', () => {
    const labels = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
    const m = classMetrics(labels, new Array(10).fill(0), 2);
    expect(m.accuracy).toBeCloseTo(0.8, 12);
    expect(m.recall).toEqual([1, 0]);
    expect(m.balancedAccuracy).toBeCloseTo(0.5, 12);
    // F1: class 0 16/18, class 1 0/2 → macro 4/9.
    expect(m.macroF1).toBeCloseTo(4 / 9, 12);
  });

  it('a class predicted but absent from the labels: no recall, F1 0, counted in macro-F1 only', () => {
    // scikit-learn: balanced accuracy drops the class without support (with a warning) → (1/2 + 1)/2;
    // macro-F1 averages over labels ∪ predictions = {0, 1, 2}: (2/3 + 1 + 0)/3.
    const m = classMetrics([0, 0, 1, 1], [0, 2, 1, 1], 3);
    expect(m.recall[2]).toBeNaN();
    expect(m.f1[2]).toBe(0);
    expect(m.balancedAccuracy).toBeCloseTo(0.75, 12);
    expect(m.macroF1).toBeCloseTo(5 / 9, 12);
  });

  it('a class neither in the labels nor predicted is left out of both averages', () => {
    const m = classMetrics([0, 1, 1], [0, 1, 0], 3);
    expect(m.f1[2]).toBeNaN();
    expect(m.balancedAccuracy).toBeCloseTo(0.75, 12);
    expect(m.macroF1).toBeCloseTo(2 / 3, 12);
  });

  it('perfect predictions give 1 everywhere; an empty split gives NaN, not a fake number', () => {
    const m = classMetrics([0, 1, 2, 1], [0, 1, 2, 1], 3);
    expect([m.accuracy, m.balancedAccuracy, m.macroF1]).toEqual([1, 1, 1]);
    const empty = classMetrics([], [], 2);
    expect(empty.balancedAccuracy).toBeNaN();
    expect(empty.macroF1).toBeNaN();
  });

  it('says which input is bad', () => {
    expect(() => classMetrics([0, 1], [0], 2)).toThrow(/2 labels but 1 predictions/);
    expect(() => classMetrics([0, 3], [0, 1], 2)).toThrow(/outside 0..1/);
  });
});

describe('minorityClasses', () => {
  it('is empty for balanced classes, including a seeded split’s small wobble', () => {
    expect(minorityClasses([50, 50])).toEqual([]);
    expect(minorityClasses([124, 116])).toEqual([]);
  });

  it('names every class under 0.8 × the largest', () => {
    expect(minorityClasses([90, 10])).toEqual([1]);
    expect(minorityClasses([60, 20, 20])).toEqual([1, 2]);
    expect(minorityClasses([0, 10])).toEqual([0]);
    expect(minorityClasses([])).toEqual([]);
  });
});

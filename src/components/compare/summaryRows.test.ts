import { describe, expect, it } from 'vitest';
import { summarySort, type SummaryRow } from './summaryRows';

const row = (run: number, ece: number | null, loss = 'x'): SummaryRow => ({
  run,
  loss,
  trainLoss: null,
  testLoss: null,
  trainAccuracy: null,
  testAccuracy: null,
  testBalancedAccuracy: null,
  testMacroF1: null,
  minorityRecall: null,
  ece,
  trainMse: null,
  testMse: null,
  testMae: null,
  eceScaled: null,
  sharpness: null,
  distanceFromInit: null,
  stepsPerSecond: null,
  diverged: null,
});

describe('summarySort', () => {
  const rows = [row(0, 0.2, 'ce'), row(1, null, 'mae'), row(2, 0.05, 'gce'), row(3, 0.2, 'focal')];

  it('sorts ascending and descending with missing values last', () => {
    expect(summarySort(rows, 'ece', false).map((r) => r.run)).toEqual([2, 0, 3, 1]);
    expect(summarySort(rows, 'ece', true).map((r) => r.run)).toEqual([0, 3, 2, 1]);
  });

  it('sorts text columns alphabetically', () => {
    expect(summarySort(rows, 'loss', false).map((r) => r.loss)).toEqual(['ce', 'focal', 'gce', 'mae']);
  });
});

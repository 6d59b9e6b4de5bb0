import { describe, expect, it } from 'vitest';
import { claimEvaluate } from './claimCheck';
import type { ClaimRunNumbers } from './claimTypes';
import { imbalance } from './imbalance';
import { SUMMARY_COLUMNS } from '../components/compare/compareTask';

describe('the imbalance lesson and the comparison table name what their recalls are of', () => {
  it('the claim’s numbers say they are of the validation and test points, off the drawn boundary', () => {
    const run = (minority: number): ClaimRunNumbers => ({ heldOutRecall: [0.95, minority], trainClassCounts: [270, 30] }) as unknown as ClaimRunNumbers;
    const result = claimEvaluate(imbalance.claim, [run(0.5), run(0.6), run(0.6), run(0.6), run(0.85)]);
    expect(result.numbers.map((n) => n.label)).toEqual([
      'E − A: minority recall (validation + test points, off the drawn boundary)',
      'E − A: balanced accuracy (validation + test points, off the drawn boundary)',
    ]);
    expect(result.numbers[0]!.value).toBeCloseTo(0.35, 12);
  });

  it('the table’s recall column says it is of the test split', () => {
    const column = SUMMARY_COLUMNS.classification.find((c) => c.key === 'minorityRecall')!;
    expect(column.label).toBe('test minority recall');
    expect(column.title).toMatch(/test split/);
  });
});

import { describe, expect, it } from 'vitest';
import { preferenceFamilyGroups } from './preferenceFamilies';
import { PREFERENCE_CHARTS, preferenceChartSeries } from './preferenceSeries';

describe('the preference panel’s families', () => {
  it('groups the runs of a mixed comparison by their loss’s family, preference first', () => {
    expect(preferenceFamilyGroups(['npo', 'dpo', 'ga', 'rpo'])).toEqual([
      { family: 'preference', runs: [1, 3] },
      { family: 'unlearning', runs: [0, 2] },
    ]);
    expect(preferenceFamilyGroups(['dpo', 'simpo'])).toEqual([{ family: 'preference', runs: [0, 1] }]);
    expect(preferenceFamilyGroups(['npo-rt'])).toEqual([{ family: 'unlearning', runs: [0] }]);
  });

  it('draws a chart for the given runs only, each keeping its own index and colour', () => {
    const point = { step: 0, logChosen: -1, logRejected: -2, margin: 0, cosine: 0.5, winRate: 0.5, forgetProb: 0.3, retainProb: 0.6, bestProb: 0.4 };
    const runs = [[point], [point], [point]];
    const sets = PREFERENCE_CHARTS.unlearning[0]!;
    expect(preferenceChartSeries(sets, runs, ['A', 'B', 'C'], [1]).map((s) => s.testId)).toEqual(['run1-forgetProb', 'run1-retainProb']);
    expect(preferenceChartSeries(sets, runs, ['A', 'B', 'C']).map((s) => s.testId)).toHaveLength(6);
  });
});

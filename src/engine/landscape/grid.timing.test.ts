// Timing of the batched surface against the looped reference, on whatever backend the tests
// use. Off by default (it takes about a minute on cpu); run with
//   LANDSCAPE_TIMING=1 npx vitest run src/engine/landscape/grid.timing
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { landscapeRandomPlane } from './directions';
import { landscapeEvaluator, type LandscapeStrategy } from './evaluate';
import { landscapeGrid, landscapeGridLooped, landscapeGridSquare } from './grid';
import { landscapeTestProblem, maxAbsDiff } from './landscapeTesting';

describe.runIf(process.env.LANDSCAPE_TIMING === '1')('surface timing', () => {
  it('batched vs looped, 51×51, 2-32-32-3 MLP on 1000 points', { timeout: 600_000 }, async () => {
    const problem = landscapeTestProblem({ n: 1000, classes: 3, hidden: [32, 32], activation: 'relu' });
    const plane = landscapeRandomPlane(problem.layers, 1);
    const spec = landscapeGridSquare(1, 51);
    const before = tf.memory().numTensors;
    const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
      const start = performance.now();
      const value = await run();
      return [value, Math.round(performance.now() - start)];
    };

    const [looped, loopedMs] = await timed(() => landscapeGridLooped(problem.objective, plane, spec));
    const report: Record<string, unknown> = { backend: tf.getBackend(), loopedMs };
    for (const strategy of ['batched', 'perPoint'] as LandscapeStrategy[]) {
      const evaluator = landscapeEvaluator(problem.objective, plane, { strategy });
      const [, previewMs] = await timed(() => landscapeGrid(evaluator, landscapeGridSquare(1, 11)));
      const [grid, ms] = await timed(() => landscapeGrid(evaluator, spec));
      evaluator.dispose();
      report[strategy] = { chunkSize: evaluator.chunkSize, previewMs, ms, speedup: +(loopedMs / ms).toFixed(2), maxAbsDiff: maxAbsDiff(grid, looped) };
      expect(maxAbsDiff(grid, looped)).toBeLessThan(1e-4);
    }
    expect(tf.memory().numTensors).toBe(before);
    console.log(JSON.stringify(report));
    problem.dispose();
  });
});

// Timing of the batched surface strategies against the looped reference. Off by default (it takes
// a minute or more); run on the cpu backend the unit tests use, or on tfjs-backend-wasm (which in
// Node loads its .wasm from node_modules), with
//   LANDSCAPE_TIMING=1 [LANDSCAPE_BACKEND=wasm] [LANDSCAPE_REPEATS=3] npx vitest run src/engine/landscape/grid.timing
// Each time is the median of the repeats; the machine's other load makes single runs noisy.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { landscapeRandomPlane } from './directions';
import { LANDSCAPE_STRATEGIES, landscapeDefaultStrategy, landscapeEvaluator } from './evaluate';
import { landscapeGrid, landscapeGridLooped, landscapeGridSquare } from './grid';
import { landscapeTestProblem, maxAbsDiff } from './landscapeTesting';

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

describe.runIf(process.env.LANDSCAPE_TIMING === '1')('surface timing', () => {
  it('strategies vs looped, 51×51, 2-32-32-3 MLP on 1000 points', { timeout: 1_800_000 }, async () => {
    const backend = process.env.LANDSCAPE_BACKEND ?? 'cpu';
    if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
    expect(await tf.setBackend(backend)).toBe(true);
    await tf.ready();
    const repeats = Number(process.env.LANDSCAPE_REPEATS ?? 3);
    const problem = landscapeTestProblem({ n: 1000, classes: 3, hidden: [32, 32], activation: 'relu' });
    const plane = landscapeRandomPlane(problem.layers, 1);
    const spec = landscapeGridSquare(1, 51);
    const before = tf.memory().numTensors;
    const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
      const start = performance.now();
      const value = await run();
      return [value, performance.now() - start];
    };

    const report: Record<string, unknown> = { backend: tf.getBackend(), default: landscapeDefaultStrategy(tf.getBackend()), repeats };
    await landscapeGridLooped(problem.objective, plane, landscapeGridSquare(1, 3));
    let looped: Float32Array = new Float32Array(0);
    const loopedTimes: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const [values, ms] = await timed(() => landscapeGridLooped(problem.objective, plane, spec));
      looped = values;
      loopedTimes.push(ms);
    }
    const loopedMs = median(loopedTimes);
    report.looped = { ms: Math.round(loopedMs), runs: loopedTimes.map(Math.round) };
    // Strategies interleaved round by round, so that drift in the machine's load spreads evenly.
    const times = new Map(LANDSCAPE_STRATEGIES.map((s) => [s, [] as number[]]));
    const previews = new Map(LANDSCAPE_STRATEGIES.map((s) => [s, [] as number[]]));
    const chunkSizes = new Map<string, number>();
    for (let r = 0; r < repeats; r++) {
      for (const strategy of LANDSCAPE_STRATEGIES) {
        const evaluator = landscapeEvaluator(problem.objective, plane, { strategy });
        chunkSizes.set(strategy, evaluator.chunkSize);
        const [, previewMs] = await timed(() => landscapeGrid(evaluator, landscapeGridSquare(1, 11)));
        const [grid, ms] = await timed(() => landscapeGrid(evaluator, spec));
        evaluator.dispose();
        previews.get(strategy)!.push(previewMs);
        times.get(strategy)!.push(ms);
        expect(maxAbsDiff(grid, looped)).toBeLessThan(1e-4);
      }
    }
    for (const strategy of LANDSCAPE_STRATEGIES) {
      const ms = median(times.get(strategy)!);
      report[strategy] = {
        chunkSize: chunkSizes.get(strategy),
        previewMs: Math.round(median(previews.get(strategy)!)),
        ms: Math.round(ms),
        runs: times.get(strategy)!.map(Math.round),
        speedup: +(loopedMs / ms).toFixed(2),
      };
    }
    expect(tf.memory().numTensors).toBe(before);
    console.log(JSON.stringify(report));
    problem.dispose();
    await tf.setBackend('cpu');
  });
});

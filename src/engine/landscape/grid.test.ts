import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { LossSpec } from '../../losses/types';
import { ce } from '../../losses/ce';
import { landscapeRandomPlane } from './directions';
import { LANDSCAPE_STRATEGIES, landscapeEvaluator, landscapeLossOf } from './evaluate';
import { landscapeGrid, landscapeGridLooped, landscapeGridPoints, landscapeGridProgressive, landscapeGridSquare, type LandscapeGridEvent } from './grid';
import { landscapePlanePoint } from './params';
import { landscapeTestProblem, maxAbsDiff } from './landscapeTesting';

/** Cross-entropy as a batch-level loss, to exercise the per-point path. */
const ceBatch: LossSpec = { ...ce, id: 'ce-batch', level: 'batch', compute: (logits, targets) => tf.mean(ce.compute(logits, targets, {}, { classes: 0, classPriors: new Float32Array(0), step: 0, seed: 0 })) };

const cases = [
  { hidden: [], activation: 'relu', classes: 2 },
  { hidden: [8], activation: 'relu', classes: 3 },
  { hidden: [8], activation: 'tanh', classes: 2 },
  { hidden: [6, 5], activation: 'tanh', classes: 3 },
  { hidden: [6, 5], activation: 'relu', classes: 2, lossId: 'mse' },
  { hidden: [7, 4], activation: 'relu', classes: 3, biases: 'unit' },
  { hidden: [5, 9], activation: 'tanh', classes: 3, biases: 'unit' },
] as const;

describe('batched loss surface', () => {
  it('lays the grid out row-major, β along rows and α along columns', () => {
    const { alphas, betas } = landscapeGridPoints({ resolution: 3, alpha: [-1, 1], beta: [0, 2] });
    expect(Array.from(alphas)).toEqual([-1, 0, 1, -1, 0, 1, -1, 0, 1]);
    expect(Array.from(betas)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  for (const [c, strategy] of cases.flatMap((c) => LANDSCAPE_STRATEGIES.map((strategy) => [c, strategy] as const))) {
    const label = `${strategy}, ${c.hidden.length} hidden (${c.activation}), K=${c.classes}${'lossId' in c ? `, ${c.lossId}` : ''}${'biases' in c ? ', bias directions' : ''}`;
    it(`equals the looped reference: ${label}`, async () => {
      const problem = landscapeTestProblem({ n: 37, classes: c.classes, hidden: [...c.hidden], activation: c.activation, ...('lossId' in c ? { lossId: c.lossId } : {}) });
      const plane = landscapeRandomPlane(problem.layers, 3, 'biases' in c ? { biases: c.biases } : {});
      const spec = landscapeGridSquare(1, 7);
      const before = tf.memory().numTensors;
      // A small memory bound forces several chunks and a short last one (49 = 6·8 + 1).
      // The bias column; stacked2d holds three products of that width at once.
      const widest = (Math.max(c.classes, ...c.hidden) + 1) * (strategy === 'stacked2d' ? 3 : 1);
      const evaluator = landscapeEvaluator(problem.objective, plane, { maxElements: 37 * widest * 8, strategy });
      expect(evaluator.chunkSize).toBe(8);
      expect(evaluator.strategy).toBe(strategy);
      const batched = await landscapeGrid(evaluator, spec);
      evaluator.dispose();
      const looped = await landscapeGridLooped(problem.objective, plane, spec);
      expect(tf.memory().numTensors).toBe(before);
      expect(batched.length).toBe(49);
      expect(maxAbsDiff(batched, looped)).toBeLessThan(1e-6 * Math.max(1, ...Array.from(looped, Math.abs)));
      // The centre of the grid is θ itself.
      const centre = await landscapeLossOf(problem.objective, problem.layers);
      expect(Math.abs(batched[24]! - centre)).toBeLessThan(1e-6 * Math.max(1, centre));
      problem.dispose();
    });
  }

  for (const strategy of LANDSCAPE_STRATEGIES) {
    it(`handles a batch-level loss, one call per point: ${strategy}`, async () => {
      for (const hidden of [[5], [4, 6]]) {
        const problem = landscapeTestProblem({ n: 30, classes: 3, hidden, activation: 'tanh' });
        const objective = { ...problem.objective, loss: ceBatch };
        const plane = landscapeRandomPlane(problem.layers, 4, { biases: 'unit' });
        const spec = landscapeGridSquare(0.5, 5);
        const before = tf.memory().numTensors;
        // Chunks of 4 points, the last one short (25 = 6·4 + 1).
        const evaluator = landscapeEvaluator(objective, plane, { strategy, maxElements: 30 * 7 * (strategy === 'stacked2d' ? 3 : 1) * 4 });
        expect(evaluator.chunkSize).toBe(4);
        const batched = await landscapeGrid(evaluator, spec);
        evaluator.dispose();
        const perExample = landscapeEvaluator(problem.objective, plane, { strategy });
        expect(maxAbsDiff(batched, await landscapeGridLooped(objective, plane, spec))).toBeLessThan(1e-6);
        expect(maxAbsDiff(batched, await landscapeGrid(perExample, spec))).toBeLessThan(1e-6);
        perExample.dispose();
        expect(tf.memory().numTensors).toBe(before);
        problem.dispose();
      }
    });

    it(`evaluates a line when d2 is null, and refuses use after dispose: ${strategy}`, async () => {
      const problem = landscapeTestProblem({ n: 20, classes: 2, hidden: [4, 3], activation: 'relu' });
      const plane = { ...landscapeRandomPlane(problem.layers, 6, { biases: 'unit' }), d2: null };
      const before = tf.memory().numTensors;
      const evaluator = landscapeEvaluator(problem.objective, plane, { strategy });
      const alphas = [-1, 0.25, 2];
      const values = await evaluator.evaluate(alphas);
      for (const [i, alpha] of alphas.entries()) {
        const expected = await landscapeLossOf(problem.objective, landscapePlanePoint(plane, alpha, 0));
        expect(Math.abs(values[i]! - expected)).toBeLessThan(1e-6 * Math.max(1, expected));
      }
      evaluator.dispose();
      expect(tf.memory().numTensors).toBe(before);
      await expect(evaluator.evaluate([0])).rejects.toThrow(/after dispose/);
      problem.dispose();
    });
  }
});

describe('progressive surface', () => {
  it('sends the preview first, then rows that add up to the one-shot grid', async () => {
    const problem = landscapeTestProblem({ n: 25, classes: 3, hidden: [6], activation: 'relu' });
    const plane = landscapeRandomPlane(problem.layers, 8);
    const spec = landscapeGridSquare(1, 15);
    const before = tf.memory().numTensors;
    const evaluator = landscapeEvaluator(problem.objective, plane, { maxElements: 25 * 6 * 40 });
    const events: LandscapeGridEvent[] = [];
    for await (const event of landscapeGridProgressive(evaluator, spec)) events.push(event);
    const oneShot = await landscapeGrid(evaluator, spec);
    const preview = await landscapeGrid(evaluator, landscapeGridSquare(1, 11));
    evaluator.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const [first, ...rest] = events;
    expect(first?.kind).toBe('preview');
    if (first?.kind === 'preview') expect(first.losses).toEqual(preview);
    expect(rest.length).toBe(Math.ceil(15 / 2)); // 40 points per chunk → 2 rows of 15
    let expectedStart = 0;
    for (const event of rest) {
      if (event.kind !== 'rows') throw new Error('expected rows');
      expect(event.rowStart).toBe(expectedStart);
      expect(event.rows).toEqual(oneShot.subarray(event.rowStart * 15, event.rowEnd * 15));
      expectedStart = event.rowEnd;
    }
    const last = rest[rest.length - 1];
    if (last?.kind !== 'rows') throw new Error('expected rows');
    expect(last.done).toBe(true);
    expect(last.progress).toBe(1);
    expect(last.losses).toEqual(oneShot);
    problem.dispose();
  });

  it('stops between chunks when cancelled, and does not leak', async () => {
    const problem = landscapeTestProblem({ n: 25, classes: 2, hidden: [6], activation: 'tanh' });
    const plane = landscapeRandomPlane(problem.layers, 8);
    const before = tf.memory().numTensors;
    const evaluator = landscapeEvaluator(problem.objective, plane);

    const controller = new AbortController();
    const kinds: string[] = [];
    for await (const event of landscapeGridProgressive(evaluator, landscapeGridSquare(1, 21), { signal: controller.signal, rowsPerChunk: 3 })) {
      kinds.push(event.kind);
      if (event.kind === 'rows') controller.abort();
    }
    expect(kinds).toEqual(['preview', 'rows']);

    let calls = 0;
    const partial: LandscapeGridEvent[] = [];
    for await (const event of landscapeGridProgressive(evaluator, landscapeGridSquare(1, 21), { cancelled: () => ++calls > 3, previewResolution: 0, rowsPerChunk: 5 })) partial.push(event);
    expect(partial.map((e) => e.kind)).toEqual(['rows']);
    const only = partial[0];
    if (only?.kind === 'rows') {
      expect(only.done).toBe(false);
      expect(Number.isNaN(only.losses[21 * 21 - 1]!)).toBe(true);
    }
    evaluator.dispose();
    expect(tf.memory().numTensors).toBe(before);
    problem.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { DenseWeights } from '../mlp';
import { mlpInitWeights } from '../mlp';
import { landscapeEvaluateLooped } from './evaluate';
import { landscapeFlatten, landscapeUnflatten } from './params';
import { landscapeBarrier, landscapeSlice } from './slice';
import { landscapeTestProblem, maxAbsDiff } from './landscapeTesting';

describe('1-D slice between two models', () => {
  it('matches the looped reference and puts θ_A at α = 0 and θ_B at α = 1', async () => {
    const problem = landscapeTestProblem({ n: 50, classes: 3, hidden: [8, 6], activation: 'relu' });
    const a = problem.layers;
    const b = mlpInitWeights({ inputs: 2, hidden: [8, 6], outputs: 3, activation: 'relu' }, 123);
    const before = tf.memory().numTensors;
    const slice = await landscapeSlice(problem.objective, a, b, { points: 21, maxElements: 50 * 8 * 4 });
    expect(tf.memory().numTensors).toBe(before);
    expect(slice.alphas[0]).toBeCloseTo(-0.5, 6);
    expect(slice.alphas[20]).toBeCloseTo(1.5, 6);
    const direction = landscapeUnflatten(landscapeFlatten(b).map((x, i) => x - landscapeFlatten(a)[i]!), a);
    const looped = await landscapeEvaluateLooped(problem.objective, { center: a, d1: direction, d2: null }, slice.alphas);
    expect(maxAbsDiff(slice.losses, looped)).toBeLessThan(1e-5);
    expect(slice.lossA).toBeCloseTo(slice.losses[5]!, 5); // α = 0 is the 6th of 21 points on [−0.5, 1.5]
    expect(slice.lossB).toBeCloseTo(slice.losses[15]!, 5);
    problem.dispose();
  });

  it('has no barrier for a convex problem (a linear model with cross-entropy)', async () => {
    const problem = landscapeTestProblem({ n: 60, classes: 3, hidden: [], activation: 'linear' });
    const b = mlpInitWeights({ inputs: 2, hidden: [], outputs: 3, activation: 'linear' }, 77).map((layer) => ({ ...layer, w: layer.w.map((x) => 3 * x) }));
    const slice = await landscapeSlice(problem.objective, problem.layers, b, { points: 81 });
    expect(slice.barrier.height).toBeLessThan(1e-5);
    // The loss is convex along the line: every interior point lies below the chord.
    for (let k = 0; k < slice.alphas.length; k++) {
      const alpha = slice.alphas[k]!;
      if (alpha > 0 && alpha < 1) expect(slice.losses[k]!).toBeLessThanOrEqual((1 - alpha) * slice.lossA + alpha * slice.lossB + 1e-5);
    }
    problem.dispose();
  });

  it('finds the barrier between a tanh network and its sign-flipped twin', async () => {
    // Label = [x₀ > 0]. θ_A: h = tanh(3x₀), logits = (−4h, 4h). θ_B negates W₀, b₀ and W₁: the
    // same function (tanh is odd), but the midpoint has zero weights, logits 0 and loss log 2.
    const problem = landscapeTestProblem({ n: 80, classes: 2, hidden: [1], activation: 'tanh' });
    const xs = await problem.objective.x.data();
    const labels = Array.from({ length: 80 }, (_, i) => (xs[2 * i]! > 0 ? 1 : 0));
    const targets = tf.tensor2d(labels.flatMap((y) => (y ? [0, 1] : [1, 0])), [80, 2]);
    const objective = { ...problem.objective, targets };
    const a: DenseWeights[] = [
      { inputs: 2, outputs: 1, w: Float32Array.of(3, 0), b: Float32Array.of(0) },
      { inputs: 1, outputs: 2, w: Float32Array.of(-4, 4), b: Float32Array.of(0, 0) },
    ];
    const b = a.map((layer) => ({ ...layer, w: layer.w.map((x) => -x), b: layer.b.map((x) => -x) }));
    const slice = await landscapeSlice(objective, a, b, { points: 41 });
    expect(slice.lossB).toBeCloseTo(slice.lossA, 6);
    expect(slice.lossA).toBeLessThan(0.3);
    expect(slice.barrier.alpha).toBeCloseTo(0.5, 6);
    expect(slice.barrier.height).toBeCloseTo(Math.log(2) - slice.lossA, 5);
    targets.dispose();
    problem.dispose();
  });

  it('computes the barrier from samples in [0, 1] only', () => {
    const alphas = [-0.5, 0, 0.25, 0.5, 1, 1.5];
    const losses = [9, 1, 2.5, 1, 2, 9];
    // Chord: 1 + α; excess at 0.25 is 2.5 − 1.25 = 1.25, at 0.5 it is −0.5.
    expect(landscapeBarrier(alphas, losses, 1, 2)).toEqual({ height: 1.25, alpha: 0.25 });
    expect(landscapeBarrier([0, 0.5, 1], [1, 0.5, 1], 1, 1)).toEqual({ height: 0, alpha: 0 });
  });
});

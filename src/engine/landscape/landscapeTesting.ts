// Helpers shared by the landscape tests: seeded data, models and objectives.
import { tf } from '../tf';
import { rng } from '../rng';
import { mlpInitWeights, type Activation, type DenseWeights } from '../mlp';
import { lossById, lossParamsResolve } from '../../losses/registry';
import type { LandscapeObjective } from './evaluate';

export interface TestProblem {
  objective: LandscapeObjective;
  layers: DenseWeights[];
  dispose(): void;
}

/** n seeded points in F dimensions with labels from a fixed nonlinear rule, and a seeded MLP. */
export function landscapeTestProblem(options: {
  n: number;
  features?: number;
  classes: number;
  hidden: number[];
  activation: Activation;
  lossId?: string;
  seed?: number;
}): TestProblem {
  const { n, classes, hidden, activation } = options;
  const features = options.features ?? 2;
  const seed = options.seed ?? 7;
  const random = rng(seed);
  const xs = new Float32Array(n * features);
  const ys = new Float32Array(n * classes);
  const priors = new Float32Array(classes);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let f = 0; f < features; f++) {
      const v = 2 * random.normal();
      xs[i * features + f] = v;
      s += (f + 1) * v * v + Math.sin(v);
    }
    const label = Math.floor(Math.abs(s)) % classes;
    ys[i * classes + label] = 1;
    priors[label]! += 1 / n;
  }
  const loss = lossById(options.lossId ?? 'ce');
  const x = tf.tensor2d(xs, [n, features]);
  const targets = tf.tensor2d(ys, [n, classes]);
  const layers = mlpInitWeights({ inputs: features, hidden, outputs: classes, activation }, seed);
  // Non-zero biases, so that bias handling is exercised.
  for (const layer of layers) for (let j = 0; j < layer.outputs; j++) layer.b[j] = 0.1 * random.normal();
  return {
    objective: { activation, x, targets, loss, params: lossParamsResolve(loss), context: { classes, classPriors: priors, step: 0, seed } },
    layers,
    dispose: () => {
      x.dispose();
      targets.dispose();
    },
  };
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

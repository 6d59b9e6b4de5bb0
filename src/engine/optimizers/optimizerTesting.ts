import { tf, type Scalar, type Tensor, type Variable } from '../tf';
import { optimizerParamsResolve } from './registry';
import type { OptimizerSpec } from './types';

/**
 * Test harness: the 2-parameter quadratic L(θ) = ½(θ − c)ᵀA(θ − c) with A = [[2, 1], [1, 3]]
 * (SPD, eigenvalues (5 ± √5)/2), so ∇L = A(θ − c). θ is held as two 1-element variables, so
 * optimizers that take norms over all parameters are checked across tensors.
 */
export const QUADRATIC_A = [
  [2, 1],
  [1, 3],
] as const;

export interface QuadraticRun {
  /** θ after each step. */
  thetas: number[][];
  /** tf.memory().numTensors after each step. */
  tensorCounts: number[];
  /** numTensors before the variables were made and after everything was disposed. */
  before: number;
  after: number;
}

export function quadraticRun(
  optimizer: OptimizerSpec,
  options: { params?: Record<string, number>; learningRate: number; steps: number; theta0?: readonly number[]; center?: readonly number[] },
): QuadraticRun {
  const theta0 = options.theta0 ?? [1, -0.5];
  const center = options.center ?? [0, 0];
  const before = tf.memory().numTensors;
  // Made in a tidy so the initial tensors are disposed; the variables keep their data.
  const vars: Variable[] = theta0.map((value) => tf.tidy(() => tf.variable(tf.tensor1d([value]), true)));
  const loss = (): Scalar =>
    tf.tidy(() => {
      const [d1, d2] = vars.map((v, i) => tf.sub(v, center[i]!)) as [Tensor, Tensor];
      const [a11, a12] = QUADRATIC_A[0];
      const a22 = QUADRATIC_A[1][1];
      // ½(a11 d1² + 2 a12 d1 d2 + a22 d2²)
      const quad = tf.addN([tf.mul(a11, tf.square(d1)), tf.mul(2 * a12, tf.mul(d1, d2)), tf.mul(a22, tf.square(d2))]);
      return tf.mul(0.5, tf.sum(quad)) as Scalar;
    });
  const gradientAt = (): Tensor[] => {
    const { value, grads } = tf.variableGrads(loss, vars);
    value.dispose();
    return vars.map((v) => grads[v.name]!);
  };
  const state = optimizer.create(vars, optimizerParamsResolve(optimizer, options.params ?? {}));
  const thetas: number[][] = [];
  const tensorCounts: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    tf.tidy(() => state.apply(vars, gradientAt(), options.learningRate, gradientAt));
    thetas.push(vars.map((v) => v.dataSync()[0]!));
    tensorCounts.push(tf.memory().numTensors);
  }
  state.dispose();
  for (const v of vars) v.dispose();
  return { thetas, tensorCounts, before, after: tf.memory().numTensors };
}

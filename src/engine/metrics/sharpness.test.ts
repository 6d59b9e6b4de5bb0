import { describe, expect, it } from 'vitest';
import { tf, type Tensor } from '../tf';
import { rng } from '../rng';
import { sharpnessPowerIteration } from './sharpness';

const EIGENVALUES = [4, 2.5, 1, 0.5, -0.3];

/** Orthonormal columns from Gram–Schmidt on a seeded random 5×5 matrix, in float64. */
function orthonormalBasis(seed: number, n: number): number[][] {
  const random = rng(seed);
  const basis: number[][] = [];
  while (basis.length < n) {
    const v = Array.from({ length: n }, () => random.normal());
    for (const q of basis) {
      const dot = q.reduce((s, qi, i) => s + qi * v[i]!, 0);
      q.forEach((qi, i) => (v[i]! -= dot * qi));
    }
    const norm = Math.hypot(...v);
    basis.push(v.map((x) => x / norm));
  }
  return basis;
}

/**
 * L(θ) = ½(θ − c)ᵀH(θ − c) with H = Σ λ_j q_j q_jᵀ, θ split as a 2×2 weight and a 1-element bias,
 * so ∇L = H(θ − c) and the top eigenpair is (4, q₀).
 */
function quadraticCase() {
  const q = orthonormalBasis(7, 5);
  const hessian = q[0]!.map((_, r) => q[0]!.map((_, c) => EIGENVALUES.reduce((s, l, j) => s + l * q[j]![r]! * q[j]![c]!, 0)));
  const H = tf.tensor2d(hessian);
  const center = tf.tensor2d([[0.3], [-1], [2], [0.5], [1]]);
  const gradientAt = (params: Tensor[]): Tensor[] =>
    tf.tidy(() => {
      const flat = tf.concat(params.map((p) => tf.reshape(p, [-1])));
      const g = tf.matMul(H, tf.sub(tf.reshape(flat, [5, 1]), center));
      const [w, b] = tf.split(tf.reshape(g, [5]), [4, 1]);
      return [tf.reshape(w!, [2, 2]), b!];
    });
  const params = [tf.tensor2d([[1, -2], [0.5, 3]]), tf.tensor1d([-1])];
  const dispose = (): void => tf.dispose([H, center, ...params]);
  return { q, gradientAt, params, dispose };
}

describe('sharpnessPowerIteration', () => {
  it('recovers the top eigenvalue of a known Hessian within 1%, and its eigenvector', async () => {
    const { q, gradientAt, params, dispose } = quadraticCase();
    const before = tf.memory().numTensors;
    const result = sharpnessPowerIteration(gradientAt, params, { warmStart: null, iterations: 30, seed: 3 });
    // Returned: the eigenvalue, the relative change and the two vector tensors; nothing else survives.
    expect(tf.memory().numTensors).toBe(before + 4);
    const eigenvalue = (await result.eigenvalue.data())[0]!;
    expect(Math.abs(eigenvalue / 4 - 1)).toBeLessThan(0.01);
    const vector = [...(await result.vector[0]!.data()), ...(await result.vector[1]!.data())];
    const cosine = vector.reduce((s, v, i) => s + v * q[0]![i]!, 0);
    expect(Math.abs(cosine)).toBeGreaterThan(0.999);
    expect((await result.relativeChange.data())[0]!).toBeLessThan(1e-3);
    tf.dispose([result.eigenvalue, result.relativeChange, ...result.vector]);
    dispose();
  });

  it('a warm start from the last eigenvector converges at once', async () => {
    const { gradientAt, params, dispose } = quadraticCase();
    const first = sharpnessPowerIteration(gradientAt, params, { warmStart: null, iterations: 30 });
    const second = sharpnessPowerIteration(gradientAt, params, { warmStart: first.vector, iterations: 2 });
    expect(Math.abs((await second.eigenvalue.data())[0]! / 4 - 1)).toBeLessThan(0.01);
    expect((await second.relativeChange.data())[0]!).toBeLessThan(1e-3);
    // The warm start stays the caller's: still readable after the call.
    expect(first.vector[0]!.isDisposed).toBe(false);
    tf.dispose([first.eigenvalue, first.relativeChange, ...first.vector, second.eigenvalue, second.relativeChange, ...second.vector]);
    dispose();
  });

  it('reports NaN relative change after a single iteration', async () => {
    const { gradientAt, params, dispose } = quadraticCase();
    const result = sharpnessPowerIteration(gradientAt, params, { warmStart: null, iterations: 1 });
    expect((await result.relativeChange.data())[0]).toBeNaN();
    tf.dispose([result.eigenvalue, result.relativeChange, ...result.vector]);
    dispose();
  });
});

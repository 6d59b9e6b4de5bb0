import { describe, expect, it } from 'vitest';
import { tf, type Tensor } from './tf';
import { sharpnessPowerIteration } from './metrics/sharpness';
import { preconditionedGradientAt } from './preconditionedSharpness';
import { adamMomentsCreate } from './optimizers/adamMoments';

describe('preconditioned sharpness', () => {
  it('is λ_max(P⁻¹H) on a quadratic, computed by hand', async () => {
    // L(θ) = ½θᵀHθ with H = [[4, 1], [1, 2]] (λ_max(H) = 3 + √2 ≈ 4.41).
    const h = tf.tensor2d([[4, 1], [1, 2]]);
    const gradientAt = (params: Tensor[]): Tensor[] => [tf.reshape(tf.matMul(h, tf.reshape(params[0]!, [2, 1])), [2])];
    const theta = [tf.tensor1d([0.3, -0.7])];
    const cases = [
      // P = diag(4, 1): S·H·S = [[1, 0.5], [0.5, 2]], λ_max = (3 + √2)/2.
      { p: [4, 1], expected: (3 + Math.SQRT2) / 2 },
      // P = diag(1, 4): S·H·S = [[4, 0.5], [0.5, 0.5]], λ_max = (4.5 + √(3.5² + 1))/2.
      { p: [1, 4], expected: (4.5 + Math.sqrt(3.5 ** 2 + 1)) / 2 },
    ];
    for (const { p, expected } of cases) {
      const scale = [tf.rsqrt(tf.tensor1d(p))];
      const result = sharpnessPowerIteration(preconditionedGradientAt(gradientAt, theta, scale), theta, { warmStart: null, iterations: 60 });
      expect((await result.eigenvalue.data())[0]).toBeCloseTo(expected, 3);
      tf.dispose([...scale, result.eigenvalue, result.relativeChange, ...result.vector]);
    }
    tf.dispose([h, ...theta]);
  });

  it('Adam’s preconditioner is (1 − β₁ᵗ)(√v̂ + ε), by hand after two steps', async () => {
    const variable = tf.variable(tf.tensor1d([1, 2]));
    const moments = adamMomentsCreate([variable], { beta1: 0.9, beta2: 0.999 });
    expect(moments.preconditioner(1e-8)).toBeNull();
    for (const g of [[0.5, -2], [1, 1]]) {
      moments.advance();
      tf.tidy(() => void moments.update(0, tf.tensor1d(g)));
    }
    // v = 0.999·0.001·g₁² + 0.001·g₂², v̂ = v/(1 − 0.999²); P = (1 − 0.9²)(√v̂ + ε).
    const expected = [0.5, -2].map((g1, i) => {
      const g2 = [1, 1][i]!;
      const v = 0.999 * 0.001 * g1 * g1 + 0.001 * g2 * g2;
      return (1 - 0.9 ** 2) * (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
    });
    const [p] = moments.preconditioner(1e-8)!;
    const values = Array.from(await p!.data());
    values.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    tf.dispose([p!, variable]);
    moments.dispose();
  });
});

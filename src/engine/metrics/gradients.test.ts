import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { gradientTelemetryLength, gradientTelemetryRead, gradientTelemetryTensor } from './gradients';

describe('gradient telemetry', () => {
  it('matches hand values and comes back as one vector', async () => {
    const t = tf.tensor2d;
    const v = tf.tensor1d;
    // Layer 0 = [W₀ 2×2, b₀ 2], layer 1 = [W₁ 2×1, b₁ 1].
    const gradients = [t([[1, 2], [2, 0]]), v([4, 0]), t([[6], [0]]), v([8])];
    // ‖∇₀‖ = √(1 + 4 + 4 + 16) = 5, ‖∇₁‖ = √(36 + 64) = 10, ‖∇‖ = √(25 + 100) = √125 = 11.18033989
    const previousParams = [t([[3, 0], [0, 0]]), v([0, 4]), t([[6], [8]]), v([0])];
    const params = [t([[3, 0], [0, 0.3]]), v([0, 4]), t([[6], [8]]), v([0.5])];
    // update ratios: layer 0 ‖Δ‖ = 0.3, ‖θ₀^prev‖ = √(9 + 16) = 5 → 0.06; layer 1 ‖Δ‖ = 0.5, ‖θ₁^prev‖ = 10 → 0.05
    const initialParams = [t([[3, 0], [0, 0]]), v([0, 4]), t([[6], [8]]), v([-1.5])];
    // θ − θ₀ = (0, 0, 0, 0.3 | 0, 0 | 0, 0 | 2) → √(0.09 + 4) = √4.09 = 2.022374842
    const logits = t([[3, 4], [0, 0], [1, 0]]);
    // row norms 5, 0, 1 → mean 2
    const before = tf.memory().numTensors;
    const stacked = gradientTelemetryTensor({ gradients, params, previousParams, initialParams, logits });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(stacked.shape).toEqual([gradientTelemetryLength(2)]);
    const telemetry = gradientTelemetryRead(await stacked.data<'float32'>(), 2);
    expect(telemetry.gradientNorm).toBeCloseTo(11.18033989, 5);
    expect(telemetry.layerGradientNorms).toEqual([expect.closeTo(5, 5), expect.closeTo(10, 5)]);
    expect(telemetry.layerUpdateRatios).toEqual([expect.closeTo(0.06, 6), expect.closeTo(0.05, 6)]);
    expect(telemetry.distanceFromInit).toBeCloseTo(2.022374842, 5);
    expect(telemetry.meanLogitNorm).toBeCloseTo(2, 6);
    tf.dispose([stacked, ...gradients, ...previousParams, ...params, ...initialParams, logits]);
  });

  it('rejects parameters that are not [W, b] pairs and a read-back of the wrong length', () => {
    const one = [tf.tensor1d([1])];
    expect(() =>
      gradientTelemetryTensor({ gradients: one, params: one, previousParams: one, initialParams: one, logits: tf.zeros([1, 2]) }),
    ).toThrow('gradient telemetry: 1 parameter tensors, expected [W, b] pairs');
    expect(() => gradientTelemetryRead(new Float32Array(4), 2)).toThrow('gradient telemetry: 4 values for 2 layers, expected 7');
    tf.dispose(one);
  });
});

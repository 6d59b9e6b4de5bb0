import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { gradientClipByGlobalNorm } from './gradientClip';
import { tensorsNorm } from './norm';
import { optimizerById } from './registry';
import { optimizerHasWeightDecay, weightDecayApply } from './weightDecay';

describe('gradientClipByGlobalNorm', () => {
  it('scales all gradients by c/‖g‖ when the global norm exceeds c', () => {
    // g = ([3], [4, 0]): ‖g‖ = 5; c = 1 → factor 0.2 → ([0.6], [0.8, 0])
    const grads = [tf.tensor1d([3]), tf.tensor1d([4, 0])];
    const clipped = gradientClipByGlobalNorm(grads, 1);
    expect(Array.from(clipped[0]!.dataSync())).toEqual([expect.closeTo(0.6, 6)]);
    expect(Array.from(clipped[1]!.dataSync())).toEqual([expect.closeTo(0.8, 6), 0]);
    // The inputs are untouched and still the caller's.
    expect(Array.from(grads[0]!.dataSync())).toEqual([3]);
    tf.dispose([...grads, ...clipped]);
  });

  it('leaves gradients under the limit (and a zero gradient) as they are', () => {
    const before = tf.memory().numTensors;
    const grads = [tf.tensor1d([0.3, -0.4]), tf.zeros([2])];
    const clipped = gradientClipByGlobalNorm(grads, 1);
    expect(Array.from(clipped[0]!.dataSync())).toEqual([expect.closeTo(0.3, 6), expect.closeTo(-0.4, 6)]);
    const zeros = [tf.zeros([3])];
    const clippedZeros = gradientClipByGlobalNorm(zeros, 1);
    expect(Array.from(clippedZeros[0]!.dataSync())).toEqual([0, 0, 0]);
    tf.dispose([...grads, ...clipped, ...zeros, ...clippedZeros]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a non-positive limit', () => {
    expect(() => gradientClipByGlobalNorm([], 0)).toThrow('gradient clip norm must be positive: 0');
  });
});

describe('tensorsNorm', () => {
  it('is the norm of all tensors as one vector', () => {
    const ts = [tf.tensor2d([[1, 2], [2, 0]]), tf.tensor1d([4])]; // √(1 + 4 + 4 + 16) = 5
    const n = tensorsNorm(ts);
    expect(n.dataSync()[0]).toBeCloseTo(5, 6);
    tf.dispose([...ts, n]);
  });
});

describe('weight decay', () => {
  it('multiplies the weights by 1 − ηλ', () => {
    const v = tf.variable(tf.tensor1d([2, -4]));
    weightDecayApply([v], 0.1, 0.5); // factor 1 − 0.05 = 0.95 → (1.9, −3.8)
    expect(Array.from(v.dataSync())).toEqual([expect.closeTo(1.9, 6), expect.closeTo(-3.8, 6)]);
    v.dispose();
  });

  it('knows which optimizers decay the weights themselves', () => {
    expect(['adamw', 'lion', 'grams', 'ademamix'].every((id) => optimizerHasWeightDecay(optimizerById(id)))).toBe(true);
    expect(['sgd', 'adam', 'sam'].some((id) => optimizerHasWeightDecay(optimizerById(id)))).toBe(false);
  });
});

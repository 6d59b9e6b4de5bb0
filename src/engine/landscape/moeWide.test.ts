import { describe, expect, it } from 'vitest';
import type { DenseWeights } from '../mlp';
import { moeGateMatrices, moeWideLayers } from './moeWide';

const layer = (inputs: number, outputs: number, w: number[], b: number[]): DenseWeights => ({ inputs, outputs, w: Float32Array.from(w), b: Float32Array.from(b) });

describe('a mixture of experts as one wide MLP', () => {
  // Router 1 → 2, then two experts of two layers each: 1 → 2 → 1.
  const router = layer(1, 2, [0, 0], [0, 0]);
  const a = [layer(1, 2, [1, 2], [0.1, 0.2]), layer(2, 1, [3, 4], [0.3])];
  const b = [layer(1, 2, [5, 6], [0.5, 0.6]), layer(2, 1, [7, 8], [0.7])];

  it('puts the first layers side by side and the later ones on the diagonal (hand-written)', () => {
    const [first, second] = moeWideLayers([router, ...a, ...b], 2, 2);
    expect(first).toMatchObject({ inputs: 1, outputs: 4 });
    expect(Array.from(first!.w)).toEqual([1, 2, 5, 6]);
    expect(Array.from(first!.b)).toEqual([0.1, 0.2, 0.5, 0.6].map(Math.fround));
    // Rows: expert A's two hidden units, then B's; columns: A's output, B's output.
    expect(second).toMatchObject({ inputs: 4, outputs: 2 });
    expect(Array.from(second!.w)).toEqual([3, 0, 4, 0, 0, 7, 0, 8]);
    expect(Array.from(second!.b)).toEqual([0.3, 0.7].map(Math.fround));
  });

  it('gates each expert over its own logits and adds them up (hand-written)', () => {
    // Two experts, two classes: expand repeats g₁ over columns 0–1 and g₂ over 2–3; sum adds column k of each.
    const { expand, sum } = moeGateMatrices(2, 2);
    expect(Array.from(expand)).toEqual([1, 1, 0, 0, 0, 0, 1, 1]);
    expect(Array.from(sum)).toEqual([1, 0, 0, 1, 1, 0, 0, 1]);
  });
});

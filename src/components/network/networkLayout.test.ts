import { describe, expect, it } from 'vitest';
import { divergingRgb, networkLayout, networkWeightIndex } from './networkLayout';

describe('networkLayout', () => {
  it('draws at most 16 neurons a layer and says when a layer is wider', () => {
    const wide = networkLayout([2, 64, 8, 2], 600, 300);
    expect(wide.neurons.map((l) => l.length)).toEqual([2, 16, 8, 2]);
    expect(wide.clipped).toBe(true);
    expect(networkLayout([7, 16, 2], 600, 300).clipped).toBe(false);
  });

  it.each([
    [[3, 16, 16, 16, 16, 16, 16, 2], 700, 260],
    // A short docked panel with a regression's 32 outputs (16 drawn).
    [[1, 16, 16, 32], 1000, 150],
    [[2, 4, 2], 300, 90],
  ])('keeps every neuron of %j inside %i×%i', (sizes, width, height) => {
    const { neurons, size } = networkLayout(sizes, width, height);
    expect(size).toBeGreaterThan(0);
    for (const n of neurons.flat()) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + size).toBeLessThanOrEqual(width + 1e-9);
      expect(n.y).toBeGreaterThanOrEqual(-1e-9);
      expect(n.y + size).toBeLessThanOrEqual(height + 1e-9);
    }
  });

  it('finds a weight in the flat W₀, b₀, W₁, b₁ order', () => {
    // [2, 3, 2]: W₀ is 2×3 (0–5), b₀ 6–8, W₁ 3×2 from 9.
    expect(networkWeightIndex([2, 3, 2], 0, 1, 2)).toBe(5);
    expect(networkWeightIndex([2, 3, 2], 1, 0, 0)).toBe(9);
    expect(networkWeightIndex([2, 3, 2], 1, 2, 1)).toBe(14);
  });

  it('colours negative orange, zero white, positive blue', () => {
    expect(divergingRgb(0)).toEqual([255, 255, 255]);
    expect(divergingRgb(-1)).toEqual([245, 147, 34]);
    expect(divergingRgb(2)).toEqual([8, 119, 189]);
  });
});

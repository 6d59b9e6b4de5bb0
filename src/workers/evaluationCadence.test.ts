import { describe, expect, it } from 'vitest';
import { evaluationIntervalMs, MAX_GAP_MS } from './evaluationCadence';

describe('evaluationIntervalMs', () => {
  it('evaluates a cheap run every frame interval, shared between the runs', () => {
    expect(evaluationIntervalMs(1, 0.5, 33, 20)).toBe(33);
    expect(evaluationIntervalMs(6, 0.5, 33, 20)).toBe(198);
  });

  it('spaces evaluations by 20 times their cost while that stays under 3 s', () => {
    // 2 runs at 50 ms: 2 × 20 × 50 = 2000 ms.
    expect(evaluationIntervalMs(2, 50, 33, 20)).toBe(2000);
  });

  it('caps the gap at 3 s where the cost rule alone would leave validation points 10 s apart', () => {
    // 6 runs at 85 ms (measured on a loaded 2-core machine): 10.2 s by cost; 3 s costs 6 × 85 / 3000 = 17 %.
    expect(evaluationIntervalMs(6, 85, 33, 20)).toBe(MAX_GAP_MS);
  });

  it('never lets evaluation take more than a quarter of the time', () => {
    // 6 runs at 300 ms (software WebGPU): 3 s would be 60 %; 4 × 6 × 300 = 7.2 s keeps it to 25 %.
    expect(evaluationIntervalMs(6, 300, 33, 20)).toBeCloseTo(7200, 6);
  });
});

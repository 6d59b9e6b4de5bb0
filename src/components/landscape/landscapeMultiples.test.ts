import { describe, expect, it } from 'vitest';
import type { LandscapeRunView } from '../../app/landscapeStore';
import { landscapeSharedScenes, spreadRatio } from './LandscapeMultiples';

function view(values: number[]): LandscapeRunView {
  const grid = Float32Array.from(values);
  const surface = {
    id: 1,
    revision: 1,
    step: 10,
    phase: 'full',
    spec: { resolution: 2, alpha: [-1, 1], beta: [-1, 1] },
    values: grid,
    min: Math.min(...values),
    max: Math.max(...values),
    complete: true,
    plane: { current: [0, 0] },
    elapsedMs: 1,
  } as unknown as LandscapeRunView['surface'];
  return { surface, path: null };
}

describe('landscapeSharedScenes', () => {
  const runs = [view([1, 2, 3, 4]), view([0.01, 0.02, 0.03, 0.04])];

  it('puts every run on one scale by default, so a run of small losses lies flat', () => {
    const [a, b] = landscapeSharedScenes(runs, 2, false);
    expect([a!.field.lo, a!.field.hi]).toEqual([b!.field.lo, b!.field.hi]);
    expect(b!.field.hi - b!.field.lo).toBeGreaterThan(3);
  });

  it('gives each run its own scale when asked, so each fills its height', () => {
    const [a, b] = landscapeSharedScenes(runs, 2, false, undefined, true);
    expect([a!.field.lo, a!.field.hi]).toEqual([1, 4]);
    expect(b!.field.lo).toBeCloseTo(0.01, 6);
    expect(b!.field.hi).toBeCloseTo(0.04, 6);
  });

  it('measures how far the runs’ loss ranges differ', () => {
    expect(spreadRatio(runs)).toBeCloseTo(100, 3);
    expect(spreadRatio([runs[0]!, view([5, 6, 7, 8])])).toBeCloseTo(1, 6);
    expect(spreadRatio([runs[0]!, { surface: null, path: null }])).toBe(1);
  });
});

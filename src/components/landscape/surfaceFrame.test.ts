import { describe, expect, it } from 'vitest';
import { framePath, gridHeightAt, occludedCount, type Vec3 } from './surfaceFrame';

const R = 21;
/** A grid from a function of scene (x, z). */
function grid(f: (x: number, z: number) => number): Float32Array {
  const g = new Float32Array(R * R);
  for (let i = 0; i < R; i++) for (let j = 0; j < R; j++) g[i * R + j] = f((2 * j) / (R - 1) - 1, 1 - (2 * i) / (R - 1));
  return g;
}

describe('surface framing', () => {
  it('samples the grid bilinearly at scene coordinates', () => {
    const at = gridHeightAt(grid((x, z) => x + 2 * z), R, 0.5);
    expect(at(0.3, -0.4)).toBeCloseTo(0.5 * (0.3 - 0.8), 6);
    expect(at(-1, 1)).toBeCloseTo(0.5 * 1, 6);
  });

  it('sees every point of a path on a flat surface, and none behind a wall', () => {
    const flat = gridHeightAt(grid(() => 0), R, 1);
    const path: Vec3[] = [[-0.5, 0.01, 0], [0, 0.01, 0], [0.5, 0.01, 0]];
    expect(occludedCount(path, [0, 2, 3], flat)).toBe(0);
    // A wall along z = 0.5, one unit high, between the path (z = 0) and an eye low at z = 3.
    const wall = gridHeightAt(grid((_x, z) => (Math.abs(z - 0.5) < 0.12 ? 1 : 0)), R, 1);
    expect(occludedCount(path, [0, 0.5, 3], wall)).toBe(3);
    expect(occludedCount(path, [0, 0.5, -3], wall)).toBe(0);
  });

  it('frames a path in a trench from the side the trench opens to', () => {
    // A ridge along z = 0.5 hides a path lying along z = 0 from the +z side only.
    const heights = grid((_x, z) => (Math.abs(z - 0.5) < 0.15 ? 0.9 : 0));
    const at = gridHeightAt(heights, R, 1);
    const path: Vec3[] = Array.from({ length: 9 }, (_, k) => [-0.6 + 0.15 * k, 0.01, 0]);
    // Preferred side: +z (azimuth 0), which the ridge blocks at the lowest elevation.
    const pose = framePath(path, at, { fovDegrees: 38, maxDistance: 4, preferAzimuth: 0 })!;
    expect(occludedCount(path, pose.position, at)).toBe(0);
    expect(pose.target[0]).toBeCloseTo(0, 6);
    expect(pose.target[2]).toBeCloseTo(0, 6);
    const d = Math.hypot(...pose.position.map((p, a) => p - pose.target[a]!) as Vec3);
    expect(d).toBeGreaterThan(1.5);
    expect(d).toBeLessThanOrEqual(4);
  });

  it('keeps the preferred side when nothing hides the path', () => {
    const at = gridHeightAt(grid(() => 0), R, 1);
    const pose = framePath([[0, 0, 0], [0.2, 0, 0.2]], at, { fovDegrees: 38, maxDistance: 4, preferAzimuth: 0.7 })!;
    const azimuth = Math.atan2(pose.position[0] - pose.target[0], pose.position[2] - pose.target[2]);
    expect(azimuth).toBeCloseTo(0.7, 6);
  });

  it('has no pose for an empty path', () => {
    expect(framePath([], () => 0, { fovDegrees: 38, maxDistance: 4, preferAzimuth: 0 })).toBeNull();
  });
});

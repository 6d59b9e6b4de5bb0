import { describe, expect, it } from 'vitest';
import { fitEye, framePath, gridHeightAt, occludedCount, projectPoint, surfacePoints, viewWindow, type Vec3 } from './surfaceFrame';

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

  it('fits a box to a level view by hand-computed distances', () => {
    // Looking along −z from +z, window the whole picture, 90° vertical field (tan 45° = 1), aspect 2.
    // Points at x = ±1, y = ±1 on the plane z = 0: the vertical edges bind, |y| / tanV = 1 → eye at z = 1;
    // horizontally |x| / (2 tanV) = 0.5 would do. The point at z = 0.5, y = 0 needs nothing more.
    const whole = { left: -1, right: 1, bottom: -1, top: 1 };
    const pose = fitEye([[-1, -1, 0], [1, 1, 0], [0, 0, 0.5]], [0, 0, 1], { fovDegrees: 90, aspect: 2, window: whole });
    expect(pose.position[0]).toBeCloseTo(0, 9);
    expect(pose.position[1]).toBeCloseTo(0, 9);
    expect(pose.position[2]).toBeCloseTo(1, 9);
    // Wide points: x = ±4 at z = 0 need (d)·2·tan45° ≥ 4 → d = 2; y = ±1 alone would need 1.
    const wide = fitEye([[-4, 0, 0], [4, 0, 0], [0, 1, 0], [0, -1, 0]], [0, 0, 1], { fovDegrees: 90, aspect: 2, window: whole });
    expect(wide.position[2]).toBeCloseTo(2, 9);
    // A window that keeps the lower half free (bottom edge at NDC 0): points y ∈ [−1, 1] on z = 0
    // must lie in [0, 1]·d·tan45°: d = 2, eye lowered to y = −1 so that y = −1 is on the edge.
    const foot = fitEye([[0, -1, 0], [0, 1, 0]], [0, 0, 1], { fovDegrees: 90, aspect: 1, window: { left: -1, right: 1, bottom: 0, top: 1 } });
    expect(foot.position[2]).toBeCloseTo(2, 9);
    expect(foot.position[1]).toBeCloseTo(-1, 9);
  });

  it('keeps every point of a tall surface inside a wide, short canvas, its foot clear of the bar', () => {
    // A peak as high as the surface is drawn (0.9) in one corner, a valley elsewhere: the shape
    // of the preference and mixture-of-experts surfaces that ran past the canvas's foot.
    const heights = grid((x, z) => Math.exp(-((x - 0.6) ** 2 + (z + 0.5) ** 2) * 2));
    const points = surfacePoints(heights, R, 0.9);
    expect(points.length).toBe(R * R + 4);
    const at = gridHeightAt(heights, R, 0.9);
    const path: Vec3[] = Array.from({ length: 9 }, (_, k) => [-0.6 + 0.15 * k, at(-0.6 + 0.15 * k, 0.2) + 0.01, 0.2]);
    for (const [width, height] of [[587, 188], [434, 201], [910, 326], [640, 420], [300, 500]] as const) {
      const window = viewWindow(width, height, 8, 32);
      const fov = 38;
      const pose = framePath(path, at, points, { fovDegrees: fov, aspect: width / height, window, preferAzimuth: 0.74 })!;
      let [lo, hi, bottom, top] = [Infinity, -Infinity, Infinity, -Infinity];
      for (const p of points) {
        const [x, y] = projectPoint(p, pose, fov, width / height);
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
        bottom = Math.min(bottom, y);
        top = Math.max(top, y);
      }
      // Inside the window, and touching it on at least one axis (as near as it may be).
      expect(lo).toBeGreaterThanOrEqual(window.left - 1e-9);
      expect(hi).toBeLessThanOrEqual(window.right + 1e-9);
      expect(bottom).toBeGreaterThanOrEqual(window.bottom - 1e-9);
      expect(top).toBeLessThanOrEqual(window.top + 1e-9);
      const touches = Math.abs(lo - window.left) < 1e-6 || Math.abs(bottom - window.bottom) < 1e-6;
      expect(touches, `${width}×${height}`).toBe(true);
      // The foot: 32 px of a 188 px canvas is NDC −1 + 64/188.
      expect(window.bottom).toBeCloseTo(-1 + 64 / height, 9);
    }
  });

  it('sees the path from the side its trench opens to, and shows the whole surface', () => {
    // A ridge along z = 0.5 hides a path lying along z = 0 from the +z side only.
    const heights = grid((_x, z) => (Math.abs(z - 0.5) < 0.15 ? 0.9 : 0));
    const at = gridHeightAt(heights, R, 1);
    const path: Vec3[] = Array.from({ length: 9 }, (_, k) => [-0.6 + 0.15 * k, 0.01, 0]);
    const window = viewWindow(640, 420, 8, 32);
    // Preferred side: +z (azimuth 0), which the ridge blocks at the lowest elevation.
    const pose = framePath(path, at, surfacePoints(heights, R, 1), { fovDegrees: 38, aspect: 640 / 420, window, preferAzimuth: 0 })!;
    expect(occludedCount(path, pose.position, at)).toBe(0);
    for (const p of surfacePoints(heights, R, 1)) {
      const [x, y] = projectPoint(p, pose, 38, 640 / 420);
      expect(Math.abs(x)).toBeLessThanOrEqual(1);
      expect(Math.abs(y)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the preferred side when nothing hides the path, and without a path', () => {
    const heights = grid(() => 0);
    const at = gridHeightAt(heights, R, 1);
    const options = { fovDegrees: 38, aspect: 1.5, window: viewWindow(600, 400, 8, 32), preferAzimuth: 0.7 };
    for (const path of [[[0, 0, 0], [0.2, 0, 0.2]] as Vec3[], []]) {
      const pose = framePath(path, at, surfacePoints(heights, R, 1), options)!;
      const azimuth = Math.atan2(pose.position[0] - pose.target[0], pose.position[2] - pose.target[2]);
      expect(azimuth).toBeCloseTo(0.7, 6);
    }
  });

  it('has no pose without a surface', () => {
    expect(framePath([], () => 0, [], { fovDegrees: 38, aspect: 1, window: viewWindow(100, 100, 0, 0), preferAzimuth: 0 })).toBeNull();
  });
});

// Where the 3-D camera looks from so the optimizer's path is in view: aimed at the path's middle,
// near enough that the path fills a good part of the picture, and from the side (and height) from
// which the surface hides the fewest of its points. Pure geometry on a height field, no three.js,
// so it is tested in Node and cheap enough (a few thousand height lookups) to run on every surface.

export type Vec3 = [number, number, number];

/** The surface's drawn height at scene (x, z); x and z span [−1, 1]. */
export type HeightAt = (x: number, z: number) => number;

export interface FramePose {
  position: Vec3;
  target: Vec3;
}

/** Bilinear height of a row-major R×R grid drawn over [−1, 1]² (row i at z = 1 − 2i/(R−1), column j at x = 2j/(R−1) − 1). */
export function gridHeightAt(heights: ArrayLike<number>, R: number, scale: number): HeightAt {
  return (x, z) => {
    const fj = Math.min(R - 1, Math.max(0, ((x + 1) / 2) * (R - 1)));
    const fi = Math.min(R - 1, Math.max(0, ((1 - z) / 2) * (R - 1)));
    const j = Math.min(R - 2, Math.floor(fj));
    const i = Math.min(R - 2, Math.floor(fi));
    const tj = fj - j;
    const ti = fi - i;
    const h = (a: number, b: number): number => heights[a * R + b] ?? 0;
    const top = h(i, j) * (1 - tj) + h(i, j + 1) * tj;
    const bottom = h(i + 1, j) * (1 - tj) + h(i + 1, j + 1) * tj;
    return (top * (1 - ti) + bottom * ti) * scale;
  };
}

/** How many of the points the surface hides from the eye: the straight line to each is marched over the grid. */
export function occludedCount(points: readonly Vec3[], eye: Vec3, heightAt: HeightAt, steps = 40): number {
  let hidden = 0;
  for (const p of points) {
    for (let k = 1; k < steps; k++) {
      const t = k / steps;
      const x = p[0] + (eye[0] - p[0]) * t;
      const z = p[2] + (eye[2] - p[2]) * t;
      if (x < -1 || x > 1 || z < -1 || z > 1) break; // off the surface: nothing more can hide it
      const y = p[1] + (eye[1] - p[1]) * t;
      if (heightAt(x, z) > y + 0.01) {
        hidden++;
        break;
      }
    }
  }
  return hidden;
}

const AZIMUTHS = 12;
const ELEVATIONS = [0.6, 0.85, 1.1];

/**
 * The pose that frames the path: target at the middle of its bounding box, distance so the box
 * (never less than half the surface) fits the field of view, and of the candidate sides and
 * heights the one that hides fewest path points; ties go to the lower view, then to the side
 * nearest `preferAzimuth` (radians, as three's OrbitControls measure it: atan2(x, z)).
 */
export function framePath(path: readonly Vec3[], heightAt: HeightAt, options: { fovDegrees: number; maxDistance: number; preferAzimuth: number }): FramePose | null {
  if (path.length === 0) return null;
  const lo: Vec3 = [Infinity, Infinity, Infinity];
  const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const p of path) {
    for (let a = 0; a < 3; a++) {
      lo[a] = Math.min(lo[a]!, p[a]!);
      hi[a] = Math.max(hi[a]!, p[a]!);
    }
  }
  const target: Vec3 = [(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2];
  // Never nearer than a view of half the surface: a short path is seen with the ground around it.
  const radius = Math.max(1, Math.hypot(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]) / 2 + 0.2);
  const distance = Math.min(options.maxDistance, radius / Math.tan(((options.fovDegrees / 2) * Math.PI) / 180));
  // Every path point is tested when there are few; an even sample of 24 otherwise.
  const sample = path.length <= 24 ? path : Array.from({ length: 24 }, (_, k) => path[Math.round((k * (path.length - 1)) / 23)]!);
  let best: { pose: FramePose; score: number } | null = null;
  for (const elevation of ELEVATIONS) {
    for (let k = 0; k < AZIMUTHS; k++) {
      const azimuth = options.preferAzimuth + (2 * Math.PI * k) / AZIMUTHS;
      const horizontal = distance * Math.cos(elevation);
      const eye: Vec3 = [target[0] + horizontal * Math.sin(azimuth), target[1] + distance * Math.sin(elevation), target[2] + horizontal * Math.cos(azimuth)];
      const turn = Math.min(k, AZIMUTHS - k);
      // Hidden points dominate; then a lower view (reads heights better); then the usual side.
      const score = occludedCount(sample, eye, heightAt) * 1000 + ELEVATIONS.indexOf(elevation) * 20 + turn;
      if (!best || score < best.score) best = { pose: { position: eye, target }, score };
    }
  }
  return best!.pose;
}

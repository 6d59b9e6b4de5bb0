// Where the 3-D camera looks from: the whole surface inside the picture (whatever the canvas's
// shape), seen from the side (and height) from which the surface hides the fewest of the
// optimizer's path points. Pure geometry on a height field, no three.js, so it is tested in Node
// and cheap enough to run on every surface and every resize.

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
 * The part of the picture the surface may fill, in normalised device coordinates (−1 to 1, y up):
 * a margin all round, and a wider one at the foot, where the view's bar lies over the canvas.
 */
export interface ViewWindow {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** The window of a canvas `width`×`height` CSS pixels that keeps `margin` pixels free all round and `foot` pixels at the bottom. */
export function viewWindow(width: number, height: number, margin: number, foot: number): ViewWindow {
  // Never less than a fifth of the picture left on either axis, however small the canvas.
  const fx = Math.min(0.4, margin / Math.max(1, width));
  const fy = Math.min(0.4, margin / Math.max(1, height));
  const fFoot = Math.min(0.4, Math.max(margin, foot) / Math.max(1, height));
  return { left: -1 + 2 * fx, right: 1 - 2 * fx, bottom: -1 + 2 * fFoot, top: 1 - 2 * fy };
}

export interface FrameOptions {
  /** Vertical field of view, degrees. */
  fovDegrees: number;
  /** Width over height of the picture. */
  aspect: number;
  window: ViewWindow;
  /** Radians, as three's OrbitControls measure it: atan2(x, z). */
  preferAzimuth: number;
}

const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * The nearest eye, looking along −`back` (a unit vector; "up" stays the world's y, as three's
 * lookAt keeps it), that sees every point inside the window; and a target on its line of sight,
 * level with the points' middle. Exact, not searched: in the camera's frame (right r, up u, back b)
 * a point p is inside the window's right edge while p·r − e·r ≤ R·tanH·(e·b − p·b), a bound linear
 * in the eye e; each edge bounds e·r (or e·u) from one side, and the two sides meet no nearer than
 * e·b = (max(p·r + R·tanH·p·b) − min(p·r + L·tanH·p·b)) / ((R − L)·tanH). The eye sits there (or
 * farther, for the other axis), centred between the bounds that remain.
 */
export function fitEye(points: readonly Vec3[], back: Vec3, options: Pick<FrameOptions, 'fovDegrees' | 'aspect' | 'window'>): FramePose {
  const tanV = Math.tan(((options.fovDegrees / 2) * Math.PI) / 180);
  const tanH = tanV * options.aspect;
  // right = up × back, normalised; up' = back × right (three's Matrix4.lookAt).
  const flat = Math.hypot(back[0], back[2]) || 1e-9;
  const right: Vec3 = [back[2] / flat, 0, -back[0] / flat];
  const up: Vec3 = [back[1] * right[2] - back[2] * right[1], back[2] * right[0] - back[0] * right[2], back[0] * right[1] - back[1] * right[0]];
  const { left, right: rightEdge, bottom, top } = options.window;
  const bounds = (axis: Vec3, lo: number, hi: number, tan: number): { hiBound: number; loBound: number; a: number; b: number } => {
    const a = hi * tan;
    const b = lo * tan;
    let hiBound = -Infinity;
    let loBound = Infinity;
    for (const p of points) {
      const pa = dot(p, axis);
      const pb = dot(p, back);
      hiBound = Math.max(hiBound, pa + a * pb);
      loBound = Math.min(loBound, pa + b * pb);
    }
    return { hiBound, loBound, a, b };
  };
  const h = bounds(right, left, rightEdge, tanH);
  const v = bounds(up, bottom, top, tanV);
  let depth = -Infinity;
  for (const p of points) depth = Math.max(depth, dot(p, back));
  // At least a little in front of the nearest point, so it is never behind the eye.
  const eb = Math.max((h.hiBound - h.loBound) / (h.a - h.b), (v.hiBound - v.loBound) / (v.a - v.b), depth + 0.05);
  // e·r lies in [hiBound − a·e·b, loBound − b·e·b]: its middle centres the points between the edges.
  const er = (h.hiBound - h.a * eb + (h.loBound - h.b * eb)) / 2;
  const eu = (v.hiBound - v.a * eb + (v.loBound - v.b * eb)) / 2;
  const position: Vec3 = [0, 1, 2].map((k) => er * right[k]! + eu * up[k]! + eb * back[k]!) as Vec3;
  // The target on the line of sight, at the depth of the points' middle (OrbitControls turns about it).
  let mean = 0;
  for (const p of points) mean += dot(p, back);
  mean /= Math.max(1, points.length);
  const along = Math.max(0.1, eb - mean);
  const target: Vec3 = [0, 1, 2].map((k) => position[k]! - along * back[k]!) as Vec3;
  return { position, target };
}

/** Where a point falls in the picture, in normalised device coordinates, for a camera at `pose` (for tests and checks). */
export function projectPoint(p: Vec3, pose: FramePose, fovDegrees: number, aspect: number): [number, number] {
  const d: Vec3 = [pose.position[0] - pose.target[0], pose.position[1] - pose.target[1], pose.position[2] - pose.target[2]];
  const n = Math.hypot(...d);
  const back: Vec3 = [d[0] / n, d[1] / n, d[2] / n];
  const flat = Math.hypot(back[0], back[2]) || 1e-9;
  const right: Vec3 = [back[2] / flat, 0, -back[0] / flat];
  const up: Vec3 = [back[1] * right[2] - back[2] * right[1], back[2] * right[0] - back[0] * right[2], back[0] * right[1] - back[1] * right[0]];
  const rel: Vec3 = [p[0] - pose.position[0], p[1] - pose.position[1], p[2] - pose.position[2]];
  const depth = -dot(rel, back);
  const tanV = Math.tan(((fovDegrees / 2) * Math.PI) / 180);
  return [dot(rel, right) / (depth * tanV * aspect), dot(rel, up) / (depth * tanV)];
}

/**
 * The pose that shows the whole surface inside the window (`surface`: points of the mesh, the
 * floor's corners), from the side and height that hide the fewest of the path's points; ties go to
 * the lower view, then to the side nearest `preferAzimuth`. Without a path, the preferred side at
 * the lowest height. The surface, not the path, sets the distance: a path that ran off the grid is
 * left out of the mesh, and a view zoomed onto the path cut the surface at the canvas's edges,
 * worst on wide, short canvases.
 */
export function framePath(path: readonly Vec3[], heightAt: HeightAt, surface: readonly Vec3[], options: FrameOptions): FramePose | null {
  if (surface.length === 0) return null;
  // Every path point is tested when there are few; an even sample of 24 otherwise.
  const sample = path.length <= 24 ? path : Array.from({ length: 24 }, (_, k) => path[Math.round((k * (path.length - 1)) / 23)]!);
  let best: { pose: FramePose; score: number } | null = null;
  for (const elevation of ELEVATIONS) {
    for (let k = 0; k < AZIMUTHS; k++) {
      const turn = Math.min(k, AZIMUTHS - k);
      // Without a path to keep in sight, only the preferred side's lowest view is wanted.
      if (sample.length === 0 && (turn > 0 || elevation !== ELEVATIONS[0])) continue;
      const azimuth = options.preferAzimuth + (2 * Math.PI * k) / AZIMUTHS;
      const back: Vec3 = [Math.cos(elevation) * Math.sin(azimuth), Math.sin(elevation), Math.cos(elevation) * Math.cos(azimuth)];
      const pose = fitEye(surface, back, options);
      // Hidden points dominate; then a lower view (reads heights better); then the usual side.
      const score = occludedCount(sample, pose.position, heightAt) * 1000 + ELEVATIONS.indexOf(elevation) * 20 + turn;
      if (!best || score < best.score) best = { pose, score };
    }
  }
  return best!.pose;
}

/**
 * The points the camera is fitted to: every vertex of a row-major R×R grid of heights drawn over
 * [−1, 1]² (as gridHeightAt places them; the mesh's outline in any view is made of its vertices)
 * and the floor's four corners. 2 605 points for 51×51: fitting 36 views to them takes ~1 ms.
 */
export function surfacePoints(heights: ArrayLike<number>, R: number, scale: number): Vec3[] {
  const points: Vec3[] = [
    [-1, 0, -1],
    [1, 0, -1],
    [-1, 0, 1],
    [1, 0, 1],
  ];
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < R; j++) points.push([(2 * j) / Math.max(1, R - 1) - 1, (heights[i * R + j] ?? 0) * scale, 1 - (2 * i) / Math.max(1, R - 1)]);
  }
  return points;
}

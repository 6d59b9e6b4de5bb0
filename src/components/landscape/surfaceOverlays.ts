// What the 3-D surface draws on top of the mesh: contour lines, the optimizer's path as a tube
// (with a faint copy that shows through ridges), its start and the current point. Each part is
// rebuilt only when what it depends on changed: live surfaces and path points arrive several
// times a second per run, and recomputing every contour (marching squares) and tube on each of
// them kept the main thread busy while the picture stayed the same.
import * as THREE from 'three';
import type { SurfaceSpec } from '../../workers/surveyorProtocol';
import { contourLevels, contourLines, gridIndex, gridSample, heightFraction, type HeightField } from './surfaceField';
import type { SurfaceScene } from './surfaceScene';

/** Drawn height of the highest point; the base square spans [−1, 1]². */
export const SURFACE_HEIGHT = 0.9;

/** Scene position of (α, β) at a height fraction h. */
export function surfacePlace(spec: SurfaceSpec, alpha: number, beta: number, h: number): THREE.Vector3 {
  const R = spec.resolution;
  const x = (gridIndex(spec.alpha, R, alpha) / (R - 1)) * 2 - 1;
  const z = 1 - (gridIndex(spec.beta, R, beta) / (R - 1)) * 2;
  return new THREE.Vector3(x, h * SURFACE_HEIGHT, z);
}

/** Contour lines on the surface as line-segment end points, lifted slightly so they are not hidden in it. */
function contourPositions(spec: SurfaceSpec, field: HeightField): Float32Array {
  const points: number[] = [];
  const R = spec.resolution;
  const onEdge = ([a, b]: [number, number]): boolean => {
    const x = gridIndex(spec.alpha, R, a);
    const y = gridIndex(spec.beta, R, b);
    return x < 1e-6 || y < 1e-6 || x > R - 1 - 1e-6 || y > R - 1 - 1e-6;
  };
  const push = ([a, b]: [number, number], h: number): void => {
    const p = surfacePlace(spec, a, b, h);
    points.push(p.x, p.y, p.z);
  };
  for (const { level, lines } of contourLines(spec, field.heights, contourLevels(field.lo, field.hi, 12))) {
    const h = heightFraction(field, level) + 0.004;
    for (const line of lines) {
      for (let k = 0; k + 1 < line.length; k++) {
        if (onEdge(line[k]!) && onEdge(line[k + 1]!)) continue;
        push(line[k]!, h);
        push(line[k + 1]!, h);
      }
    }
  }
  return Float32Array.from(points);
}

type PathPoints = SurfaceScene['path'];

function samePath(a: PathPoints, b: PathPoints): boolean {
  if (a === b) return true;
  if (!a || !b || a.alpha.length !== b.alpha.length || a.beta.length !== b.beta.length) return false;
  for (let t = 0; t < a.alpha.length; t++) if (a.alpha[t] !== b.alpha[t] || a.beta[t] !== b.beta[t]) return false;
  return true;
}

export interface OverlaysDrawn {
  path: readonly THREE.Vector3[];
  pathChanged: boolean;
  changed: boolean;
}

export interface SurfaceOverlays {
  group: THREE.Group;
  /**
   * Brings the overlays up to date with a scene. `pathChanged` says the path's drawn points
   * changed (a new path, or the same one on a new surface); `changed` says anything drawn did.
   */
  update(s: SurfaceScene): OverlaysDrawn;
  /** The contours alone (true when they changed); `update` does this and `updatePath`. */
  updateContours(s: SurfaceScene): boolean;
  /** The path, its start and the current point, without the contours. */
  updatePath(s: SurfaceScene): OverlaysDrawn;
  dispose(): void;
}

export function surfaceOverlaysCreate(): SurfaceOverlays {
  // Materials and the spheres' geometries are made once: disposing a material frees its shader
  // program, and compiling it again for every new path stalled the page on a software GPU.
  const materials = {
    contour: new THREE.LineBasicMaterial({ color: 0x14202e, transparent: true, opacity: 0.45 }),
    path: new THREE.MeshBasicMaterial({ color: 0xe69f00 }),
    ghost: new THREE.MeshBasicMaterial({ color: 0xe69f00, transparent: true, opacity: 0.35, depthTest: false, depthWrite: false }),
    start: new THREE.MeshBasicMaterial({ color: 0xffffff }),
    // Red, as the caption says: the Okabe–Ito vermillion (0xd55e00) read as the path's orange.
    marker: new THREE.MeshBasicMaterial({ color: 0xd1202a }),
  };
  const group = new THREE.Group();
  const contours = new THREE.LineSegments(new THREE.BufferGeometry(), materials.contour);
  const tube = new THREE.Mesh(new THREE.BufferGeometry(), materials.path);
  // The same tube drawn over everything, faint: the stretches behind a ridge stay visible. It
  // shares the tube's geometry, so a new path is built and uploaded once.
  const ghost = new THREE.Mesh(tube.geometry, materials.ghost);
  ghost.renderOrder = 1;
  const start = new THREE.Mesh(new THREE.SphereGeometry(0.022, 16, 12), materials.start);
  const marker = new THREE.Mesh(new THREE.SphereGeometry(0.04, 20, 14), materials.marker);
  group.add(contours, tube, ghost, start, marker);
  for (const part of [contours, tube, ghost, start, marker]) part.visible = false;

  let contourKey: { spec: SurfaceSpec; field: HeightField } | null = null;
  let pathKey: { spec: SurfaceSpec; field: HeightField; path: PathPoints } | null = null;
  let path: THREE.Vector3[] = [];
  let markerKey: { spec: SurfaceSpec; field: HeightField; current: readonly [number, number] } | null = null;

  const setGeometry = (target: THREE.Mesh | THREE.LineSegments, geometry: THREE.BufferGeometry): void => {
    target.geometry.dispose();
    target.geometry = geometry;
  };

  const updateContours = ({ spec, field, contours: wanted }: SurfaceScene): boolean => {
    // Contours depend on the grid and its height scale only, not on the path.
    const wantContours = wanted ? { spec, field } : null;
    if (wantContours?.spec === contourKey?.spec && wantContours?.field === contourKey?.field) return false;
    contourKey = wantContours;
    const geometry = new THREE.BufferGeometry();
    if (wantContours) geometry.setAttribute('position', new THREE.BufferAttribute(contourPositions(spec, field), 3));
    setGeometry(contours, geometry);
    contours.visible = wantContours !== null;
    return true;
  };

  const updatePath = (s: SurfaceScene): OverlaysDrawn => {
    const { spec, field } = s;
    let changed = false;
    const heightAt = (alpha: number, beta: number): number => {
      const raw = gridSample(spec, field.heights, alpha, beta);
      return Number.isFinite(raw) ? heightFraction(field, raw) : Number.NaN;
    };

    const pathChanged = !pathKey || pathKey.spec !== spec || pathKey.field !== field || !samePath(pathKey.path, s.path);
    if (pathChanged) {
      changed = true;
      pathKey = { spec, field, path: s.path };
      path = [];
      if (s.path) {
        for (let t = 0; t < s.path.alpha.length; t++) {
          const alpha = s.path.alpha[t]!;
          const beta = s.path.beta[t]!;
          const h = heightAt(alpha, beta);
          if (Number.isFinite(h)) path.push(surfacePlace(spec, alpha, beta, h + 0.012));
        }
      }
      const drawn = path.length >= 2;
      if (drawn) {
        const curve = new THREE.CatmullRomCurve3(path, false, 'centripetal');
        setGeometry(tube, new THREE.TubeGeometry(curve, Math.min(600, path.length * 4), 0.011, 6, false));
        ghost.geometry = tube.geometry;
        start.position.copy(path[0]!);
      }
      tube.visible = ghost.visible = start.visible = drawn;
    }

    const current = s.current;
    if (!markerKey || markerKey.spec !== spec || markerKey.field !== field || markerKey.current[0] !== current[0] || markerKey.current[1] !== current[1]) {
      changed = true;
      markerKey = { spec, field, current };
      const h = heightAt(current[0], current[1]);
      marker.visible = Number.isFinite(h);
      if (marker.visible) marker.position.copy(surfacePlace(spec, current[0], current[1], h + 0.02));
    }
    return { path, pathChanged, changed };
  };

  const update = (s: SurfaceScene): OverlaysDrawn => {
    const contoursChanged = updateContours(s);
    const drawn = updatePath(s);
    return { ...drawn, changed: drawn.changed || contoursChanged };
  };

  return {
    group,
    update,
    updateContours,
    updatePath,
    dispose: () => {
      for (const part of [contours, tube, start, marker]) part.geometry.dispose();
      for (const material of Object.values(materials)) material.dispose();
    },
  };
}

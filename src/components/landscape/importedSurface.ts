// An imported surface (app/export/surfaceFile.ts) as scenes for the 3-D and contour views, and
// what it is in words. A PyTorch grid can be far finer than the app's own 51×51: the 3-D mesh
// draws at most MESH_MAX points a side (every k-th point of the grid), which keeps orbiting
// smooth on a software-rendered page; the contour view and its hover read the whole grid.
import type { SurfaceImport } from '../../app/export/surfaceFile';
import type { SurfaceSpec } from '../../workers/surveyorProtocol';
import { heightField } from './surfaceField';
import type { SurfaceScene } from './surfaceScene';

/** The 3-D mesh's most points a side: 101² vertices, 20 000 triangles. */
export const MESH_MAX = 101;

export interface MeshGrid {
  spec: SurfaceSpec;
  values: Float32Array;
  /** Every `stride`-th point of the grid in each direction (1: all of them). */
  stride: number;
}

/**
 * Every k-th row and column, k the least stride that leaves at most `max` points a side. The
 * points kept are grid points (no interpolation); when k does not divide R − 1, the last kept
 * row and column fall short of the edge and the ranges shrink to match, so every drawn point
 * stays where it was computed.
 */
export function meshGrid(spec: SurfaceSpec, values: Float32Array, max = MESH_MAX): MeshGrid {
  const R = spec.resolution;
  if (R <= max) return { spec, values, stride: 1 };
  const stride = Math.ceil((R - 1) / (max - 1));
  const M = Math.floor((R - 1) / stride) + 1;
  const out = new Float32Array(M * M);
  for (let i = 0; i < M; i++) for (let j = 0; j < M; j++) out[i * M + j] = values[i * stride * R + j * stride]!;
  const last = (M - 1) * stride;
  const end = ([lo, hi]: [number, number]): [number, number] => [lo, lo + ((hi - lo) * last) / (R - 1)];
  return { spec: { resolution: M, alpha: end(spec.alpha), beta: end(spec.beta) }, values: out, stride };
}

/** The 3-D scene (on the mesh grid) and the contour scene (on the whole grid) of an import. */
export function importedScenes(surface: SurfaceImport, logHeight: boolean): { mesh: MeshGrid; surface: SurfaceScene; contour: SurfaceScene } {
  const mesh = meshGrid(surface.spec, surface.values);
  const path = surface.path ? { alpha: surface.path.alpha, beta: surface.path.beta } : null;
  // landscape.py centres the plane on the last checkpoint.
  const current = [0, 0] as const;
  const full: SurfaceScene = { spec: surface.spec, values: surface.values, field: heightField(surface.values, logHeight), path, current, contours: true };
  const coarse: SurfaceScene = mesh.stride === 1 ? full : { spec: mesh.spec, values: mesh.values, field: heightField(mesh.values, logHeight), path, current, contours: true };
  return { mesh, surface: coarse, contour: full };
}

function directionsText(directions: string | null, keepBias: boolean | null): string | null {
  if (directions === 'random') return `filter-normalised random directions${keepBias ? ' (biases kept)' : ''}`;
  if (directions === 'pca') return 'PCA directions of the trajectory';
  return directions ? `${directions} directions` : null;
}

/**
 * Where the surface came from, as one sentence: "Imported from PyTorch (surface.json): 201×201,
 * filter-normalised random directions, Cross-entropy, model 2-8-8-2, after 200 steps of run A,
 * computed by 2 processes; its path has 21 checkpoints."
 */
export function importedProvenance(surface: SurfaceImport, lossName: string | null): string {
  const R = surface.spec.resolution;
  const parts = [`${R}×${R}`];
  const directions = directionsText(surface.directions, surface.keepBias);
  if (directions) parts.push(directions);
  if (lossName ?? surface.loss) parts.push(`loss ${lossName ?? surface.loss}`);
  if (surface.sizes) parts.push(surface.experts ? `a mixture of ${surface.experts} experts, each ${surface.sizes.join('-')}` : `model ${surface.sizes.join('-')}`);
  if (surface.step !== null) parts.push(`after ${surface.step.toLocaleString('en')} steps${surface.run !== null ? ` of run ${String.fromCharCode(65 + surface.run)}` : ''}`);
  if (surface.processes !== null && surface.processes > 1) parts.push(`computed by ${surface.processes} processes`);
  const path = surface.path ? `its path has ${surface.path.steps.length} checkpoints` : 'the file has no path';
  return `Imported from PyTorch (${surface.fileName}): ${parts.join(', ')}; ${path}.`;
}

/** What the views draw of the grid, when that is not all of it; and points at infinity. */
export function importedDrawingNote(surface: SurfaceImport, mesh: MeshGrid): string {
  const R = surface.spec.resolution;
  const notes: string[] = [];
  if (mesh.stride > 1) {
    const M = mesh.spec.resolution;
    notes.push(`The 3-D view draws ${M}×${M} of its points (every ${mesh.stride === 2 ? 'second' : mesh.stride === 3 ? 'third' : `${mesh.stride}th`} in each direction) to stay smooth; the contour view draws all ${R}×${R}.`);
  }
  if (surface.infinite > 0) notes.push(`${surface.infinite.toLocaleString('en')} points have an infinite loss and are drawn at the top.`);
  return notes.join(' ');
}

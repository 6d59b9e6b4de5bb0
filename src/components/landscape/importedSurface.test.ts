import { describe, expect, it } from 'vitest';
import type { SurfaceImport } from '../../app/export/surfaceFile';
import { importedDrawingNote, importedProvenance, importedScenes, meshGrid } from './importedSurface';

function grid(R: number): Float32Array {
  return Float32Array.from({ length: R * R }, (_, k) => 1000 * Math.floor(k / R) + (k % R));
}

function imported(R: number, extra: Partial<SurfaceImport> = {}): SurfaceImport {
  return {
    fileName: 'surface.json',
    spec: { resolution: R, alpha: [-1, 1], beta: [-2, 2] },
    values: grid(R),
    min: 0,
    max: 1001 * (R - 1),
    infinite: 0,
    loss: 'ce',
    directions: 'random',
    keepBias: false,
    step: 200,
    run: 0,
    sizes: [2, 8, 8, 2],
    experts: null,
    processes: 2,
    trainingSteps: 200,
    path: { steps: [0, 100, 200], alpha: Float32Array.of(0.5, 0.2, 0), beta: Float32Array.of(0.1, 0, 0) },
    ...extra,
  };
}

describe('meshGrid', () => {
  it('keeps a grid of at most the limit as it is', () => {
    const values = grid(51);
    const mesh = meshGrid({ resolution: 51, alpha: [-1, 1], beta: [-1, 1] }, values, 101);
    expect(mesh.stride).toBe(1);
    expect(mesh.values).toBe(values);
  });

  it('draws 201×201 as every second point, 101×101, over the same ranges', () => {
    const mesh = meshGrid({ resolution: 201, alpha: [-1, 1], beta: [-2, 2] }, grid(201), 101);
    expect(mesh.stride).toBe(2);
    expect(mesh.spec).toEqual({ resolution: 101, alpha: [-1, 1], beta: [-2, 2] });
    // Mesh point (i, j) is grid point (2i, 2j): value 1000·2i + 2j.
    expect(mesh.values[0]).toBe(0);
    expect(mesh.values[1]).toBe(2);
    expect(mesh.values[101]).toBe(2000);
    expect(mesh.values[101 * 101 - 1]).toBe(200_200);
  });

  it('with a stride that does not divide R − 1, keeps grid points and shortens the ranges to the last one kept', () => {
    // R = 8, at most 4 a side: stride ⌈7/3⌉ = 3, points 0, 3, 6 of 0…7.
    const mesh = meshGrid({ resolution: 8, alpha: [0, 7], beta: [-7, 0] }, grid(8), 4);
    expect(mesh.stride).toBe(3);
    expect(mesh.spec).toEqual({ resolution: 3, alpha: [0, 6], beta: [-7, -1] });
    expect(Array.from(mesh.values)).toEqual([0, 3, 6, 3000, 3003, 3006, 6000, 6003, 6006]);
  });
});

describe('importedScenes', () => {
  it('gives the 3-D view the mesh grid and the contour view the whole grid, both with the path, centred at (0, 0)', () => {
    const scenes = importedScenes(imported(201), false);
    expect(scenes.surface.spec.resolution).toBe(101);
    expect(scenes.surface.field.heights).toHaveLength(101 * 101);
    expect(scenes.contour.spec.resolution).toBe(201);
    expect(scenes.contour.values).toHaveLength(201 * 201);
    expect(scenes.surface.path!.alpha).toEqual(Float32Array.of(0.5, 0.2, 0));
    expect(scenes.contour.current).toEqual([0, 0]);
  });
});

describe('importedProvenance', () => {
  it('says where the surface came from, in one sentence', () => {
    expect(importedProvenance(imported(201), 'Cross-entropy')).toBe(
      'Imported from PyTorch (surface.json): 201×201, filter-normalised random directions, loss Cross-entropy, model 2-8-8-2, after 200 steps of run A, computed by 2 processes; its path has 3 checkpoints.',
    );
    const bare = imported(21, { directions: 'pca', loss: 'huber', sizes: null, step: null, run: null, processes: 1, path: null });
    expect(importedProvenance(bare, null)).toBe('Imported from PyTorch (surface.json): 21×21, PCA directions of the trajectory, loss huber; the file has no path.');
    // A mixture's sizes are each expert's layers.
    expect(importedProvenance(imported(21, { sizes: [2, 4, 2], experts: 3, processes: 1 }), 'Cross-entropy')).toBe(
      'Imported from PyTorch (surface.json): 21×21, filter-normalised random directions, loss Cross-entropy, a mixture of 3 experts, each 2-4-2, after 200 steps of run A; its path has 3 checkpoints.',
    );
  });

  it('says when the 3-D view draws fewer points than the grid has, and counts infinite losses', () => {
    const big = imported(201, { infinite: 3 });
    expect(importedDrawingNote(big, importedScenes(big, false).mesh)).toBe(
      'The 3-D view draws 101×101 of its points (every second in each direction) to stay smooth; the contour view draws all 201×201. 3 points have an infinite loss and are drawn at the top.',
    );
    const small = imported(51);
    expect(importedDrawingNote(small, importedScenes(small, false).mesh)).toBe('');
  });
});

import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { heightFieldsShared, viridisRgb } from './surfaceField';
import { surfaceMeshFill } from './surfaceMesh';
import type { SurfaceScene } from './surfaceScene';

function bowl(R: number): SurfaceScene {
  const spec = { resolution: R, alpha: [-1, 1] as [number, number], beta: [-1, 1] as [number, number] };
  const values = Float32Array.from({ length: R * R }, (_, k) => ((k % R) - (R - 1) / 2) ** 2 + (Math.floor(k / R) - (R - 1) / 2) ** 2);
  return { spec, values, field: heightFieldsShared([values], false)[0]!, path: null, current: [0, 0], contours: false };
}

describe('surfaceMeshFill', () => {
  it('places a vertex per grid point at its height, coloured by it, two triangles a cell', () => {
    const geometry = new THREE.BufferGeometry();
    surfaceMeshFill(geometry, bowl(3), 0.9);
    const position = geometry.getAttribute('position');
    expect(position.count).toBe(9);
    expect(geometry.getIndex()!.count).toBe(2 * 2 * 2 * 3);
    // Grid point (row 0, column 0) is α = −1, β = −1: the near left corner, at the bowl's top.
    expect([position.getX(0), position.getY(0), position.getZ(0)]).toEqual([-1, expect.closeTo(0.9, 6), 1]);
    // The centre is the bowl's bottom.
    expect([position.getX(4), position.getY(4), position.getZ(4)]).toEqual([0, 0, 0]);
    const colour = geometry.getAttribute('color');
    expect([colour.getX(4), colour.getY(4), colour.getZ(4)].map((c) => Math.fround(c))).toEqual(viridisRgb(0).map((c) => Math.fround(c)));
    expect(geometry.getAttribute('normal').count).toBe(9);
  });

  it('makes new buffers for a new resolution and reuses them for the same one', () => {
    const geometry = new THREE.BufferGeometry();
    surfaceMeshFill(geometry, bowl(3), 1);
    const first = geometry.getAttribute('position');
    surfaceMeshFill(geometry, bowl(3), 1);
    expect(geometry.getAttribute('position')).toBe(first);
    surfaceMeshFill(geometry, bowl(5), 1);
    expect(geometry.getAttribute('position').count).toBe(25);
    expect(geometry.getIndex()!.count).toBe(4 * 4 * 6);
  });
});

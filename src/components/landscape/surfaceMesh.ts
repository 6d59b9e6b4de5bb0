// The surface's mesh: one vertex per grid point on [−1, 1]² (α to the right, β away from the
// viewer), lifted by its height fraction and coloured by viridis, two triangles per grid cell.
import * as THREE from 'three';
import { heightFraction, viridisRgb } from './surfaceField';
import type { SurfaceScene } from './surfaceScene';

/** The triangles and (empty) vertex buffers for an R×R grid. */
function meshBuffersFor(geometry: THREE.BufferGeometry, R: number): void {
  const index: number[] = [];
  for (let i = 0; i + 1 < R; i++) {
    for (let j = 0; j + 1 < R; j++) {
      const a = i * R + j;
      index.push(a, a + 1, a + R, a + 1, a + R + 1, a + R);
    }
  }
  geometry.setIndex(index);
  geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(R * R * 3), 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(new Float32Array(R * R * 3), 3));
}

/** Writes a scene's vertices and colours into the geometry's buffers (new ones only for a new resolution). */
export function surfaceMeshFill(geometry: THREE.BufferGeometry, { spec, field }: SurfaceScene, height: number): void {
  const R = spec.resolution;
  if (geometry.getAttribute('position')?.count !== R * R) meshBuffersFor(geometry, R);
  const position = geometry.getAttribute('position') as THREE.BufferAttribute;
  const colour = geometry.getAttribute('color') as THREE.BufferAttribute;
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < R; j++) {
      const k = i * R + j;
      const h = heightFraction(field, field.heights[k]!);
      position.setXYZ(k, (j / (R - 1)) * 2 - 1, h * height, 1 - (i / (R - 1)) * 2);
      const [r, g, b] = viridisRgb(h);
      colour.setXYZ(k, r, g, b);
    }
  }
  position.needsUpdate = true;
  colour.needsUpdate = true;
  geometry.computeVertexNormals();
  geometry.computeBoundingSphere();
}

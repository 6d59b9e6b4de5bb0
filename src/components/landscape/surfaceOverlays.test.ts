import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { heightFieldsShared } from './surfaceField';
import { surfaceOverlaysCreate, surfacePlace, SURFACE_HEIGHT } from './surfaceOverlays';
import type { SurfaceScene } from './surfaceRender';

// A 5×5 bowl, loss = α² + β² on [−1, 1]², so the contours are rings around the centre.
const spec = { resolution: 5, alpha: [-1, 1] as [number, number], beta: [-1, 1] as [number, number] };
const values = Float32Array.from({ length: 25 }, (_, k) => {
  const a = -1 + (k % 5) * 0.5;
  const b = -1 + Math.floor(k / 5) * 0.5;
  return a * a + b * b;
});
const field = heightFieldsShared([values], false)[0]!;
const scene = (path: SurfaceScene['path'], current: readonly [number, number] = [0, 0]): SurfaceScene => ({ spec, values, field, path, current, contours: true });

describe('surfaceOverlaysCreate', () => {
  it('rebuilds the contours only for a new surface, and the tube only for a changed path', () => {
    const overlays = surfaceOverlaysCreate();
    const [contours, tube, ghost, start, marker] = overlays.group.children as THREE.Mesh[];
    const path = { alpha: [-0.5, 0, 0.5], beta: [0.5, 0, -0.5] };
    const first = overlays.update(scene(path));
    expect(first.changed && first.pathChanged).toBe(true);
    expect(first.path).toHaveLength(3);
    // (0, 0) is the bowl's bottom: height fraction 0, lifted by the tube's 0.012.
    expect(first.path[1]!.toArray()).toEqual(surfacePlace(spec, 0, 0, 0.012).toArray());
    expect(first.path[1]!.y).toBeCloseTo(0.012 * SURFACE_HEIGHT, 6);
    const contourGeometry = contours!.geometry;
    const tubeGeometry = tube!.geometry;
    expect(contourGeometry.getAttribute('position').count).toBeGreaterThan(0);
    expect(ghost!.geometry).toBe(tubeGeometry);
    expect([tube!.visible, start!.visible, marker!.visible]).toEqual([true, true, true]);

    // The same path in new arrays, on the same surface: nothing to redo or redraw.
    const again = overlays.update(scene({ alpha: [...path.alpha], beta: [...path.beta] }));
    expect([again.changed, again.pathChanged]).toEqual([false, false]);
    expect(tube!.geometry).toBe(tubeGeometry);

    // One more path point: a new tube, the same contours.
    const longer = overlays.update(scene({ alpha: [...path.alpha, 0.75], beta: [...path.beta, -0.75] }));
    expect(longer.pathChanged).toBe(true);
    expect(tube!.geometry).not.toBe(tubeGeometry);
    expect(ghost!.geometry).toBe(tube!.geometry);
    expect(contours!.geometry).toBe(contourGeometry);

    // The current point moves: only the marker, at the bowl's height there (0.5 of the range 0…2 → 0.25).
    const moved = overlays.update(scene({ alpha: [...path.alpha, 0.75], beta: [...path.beta, -0.75] }, [1, 0]));
    expect([moved.changed, moved.pathChanged]).toEqual([true, false]);
    expect(marker!.position.y).toBeCloseTo((0.5 + 0.02) * SURFACE_HEIGHT, 6);

    // A new height scale (the same grid, log heights) redoes the contours.
    overlays.update({ ...scene(null), field: heightFieldsShared([values], true)[0]! });
    expect(contours!.geometry).not.toBe(contourGeometry);
    expect(tube!.visible).toBe(false);
    overlays.dispose();
  });
});

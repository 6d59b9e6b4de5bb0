import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { rgb } from 'd3-color';
import { interpolateViridis } from 'd3-scale-chromatic';
import { heightField, heightFieldsMemo, heightFieldsShared, viridisRgb } from './surfaceField';
import { surfaceOrbitByKey } from './surfaceKeys';

describe('heightFieldsShared', () => {
  it('puts every grid on one scale, and one grid on the same scale as heightField', () => {
    const a = [0.1, 0.2, 0.3, 0.4];
    const b = [1, 2, 2.5, Number.NaN];
    const [fa, fb] = heightFieldsShared([a, b], false);
    expect([fa!.lo, fa!.hi]).toEqual([fb!.lo, fb!.hi]);
    expect(fa!.lo).toBeCloseTo(0.1, 6);
    expect(fb!.hi).toBe(2.5);
    expect(fb!.heights[3]).toBe(2.5); // a missing value sits at the top
    const alone = heightField(a, true);
    const shared = heightFieldsShared([a], true)[0]!;
    expect([shared.lo, shared.hi, Array.from(shared.heights)]).toEqual([alone.lo, alone.hi, Array.from(alone.heights)]);
  });
});

describe('heightFieldsMemo', () => {
  // A 5×5 bowl, loss = α² + β² on [−1, 1]².
  const values = Float32Array.from({ length: 25 }, (_, k) => (-1 + (k % 5) * 0.5) ** 2 + (-1 + Math.floor(k / 5) * 0.5) ** 2);

  it('answers with the same fields while the grids and the log setting stay the same', () => {
    const fieldsOf = heightFieldsMemo();
    const other = Float32Array.from(values, (v) => 2 * v);
    const first = fieldsOf([values, other], false);
    expect(fieldsOf([values, other], false)).toBe(first);
    expect(first[1]!.hi).toBe(4); // the shared scale: other's top, 2·(1 + 1)
    expect(fieldsOf([values, other], true)).not.toBe(first);
    const renewed = fieldsOf([values, Float32Array.from(other)], true);
    expect(renewed[0]!.lo).toBeCloseTo(Math.log10(1e-6), 6); // the bowl's floor, 0, at the log floor
  });
});

describe('surfaceOrbitByKey', () => {
  const setup = () => {
    const camera = new THREE.PerspectiveCamera();
    camera.position.set(2, 1, 2);
    let updates = 0;
    const controls = { target: new THREE.Vector3(0, 0, 0), minDistance: 0.8, maxDistance: 8, update: () => (updates++, true) };
    return { camera, controls, updates: () => updates };
  };

  it('turns around the target with the arrow keys, keeping the distance, and zooms within the limits', () => {
    const { camera, controls, updates } = setup();
    const distance = camera.position.length();
    const azimuth = Math.atan2(camera.position.x, camera.position.z);
    expect(surfaceOrbitByKey(camera, controls, 'ArrowLeft')).toBe(true);
    expect(Math.atan2(camera.position.x, camera.position.z)).toBeCloseTo(azimuth + Math.PI / 24, 6);
    expect(camera.position.length()).toBeCloseTo(distance, 6);
    surfaceOrbitByKey(camera, controls, '+');
    expect(camera.position.length()).toBeLessThan(distance);
    for (let k = 0; k < 50; k++) surfaceOrbitByKey(camera, controls, '-');
    expect(camera.position.length()).toBeCloseTo(8, 6);
    expect(surfaceOrbitByKey(camera, controls, 'a')).toBe(false);
    expect(updates()).toBe(52);
  });
});

describe('viridisRgb', () => {
  it("gives d3's viridis, clamped to [0, 1]", () => {
    for (let k = 0; k <= 997; k++) {
      const t = k / 997;
      const c = rgb(interpolateViridis(t));
      const [r, g, b] = viridisRgb(t);
      expect(Math.max(Math.abs(r - c.r / 255), Math.abs(g - c.g / 255), Math.abs(b - c.b / 255))).toBeLessThan(1e-6);
    }
    const low = rgb(interpolateViridis(0));
    const high = rgb(interpolateViridis(1));
    expect(viridisRgb(-3)).toEqual(viridisRgb(0));
    expect(viridisRgb(Number.NaN)).toEqual(viridisRgb(0));
    expect(viridisRgb(0)[0]).toBeCloseTo(low.r / 255, 6);
    expect(viridisRgb(7)[1]).toBeCloseTo(high.g / 255, 6);
  });
});

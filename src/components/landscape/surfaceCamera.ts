// The 3-D surface's camera: where it starts and looks, its field of view at any aspect, and how far it may frame the path.
import * as THREE from 'three';

export const CAMERA_START = new THREE.Vector3(2.1, 1.9, 2.3);
export const TARGET = new THREE.Vector3(0, 0.3, 0);
export const FOV = 38;
/** The aspect the scene was composed for; narrower canvases widen the vertical field of view to keep the sides. */
const ASPECT = 640 / 420;

/** Vertical field of view (degrees) that shows at least what FOV shows at ASPECT, horizontally too. */
export function fovFor(aspect: number): number {
  if (aspect >= ASPECT) return FOV;
  const halfWidth = Math.tan(((FOV / 2) * Math.PI) / 180) * ASPECT;
  return (2 * Math.atan(halfWidth / aspect) * 180) / Math.PI;
}
/** CSS pixels kept free round the framed surface. */
export const FRAME_MARGIN_PX = 8;
/** CSS pixels kept free at the foot, where the bar (hover readout, Reset camera) lies over the canvas. */
export const FRAME_FOOT_PX = 32;
export const PREFER_AZIMUTH = Math.atan2(CAMERA_START.x - TARGET.x, CAMERA_START.z - TARGET.z);

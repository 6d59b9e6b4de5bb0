// Keyboard orbit and zoom for the 3-D surface, for people who do not use a mouse: arrow keys
// turn the camera around the target, + and − move it nearer and farther, within the controls'
// limits. Pure geometry on the camera; the controls' update() then redraws.
import * as THREE from 'three';

/** One key press turns the camera by this much (radians), or scales its distance by this factor. */
const TURN = Math.PI / 24;
const ZOOM = 1.15;
const POLAR_MARGIN = 0.05;

export interface OrbitTarget {
  target: THREE.Vector3;
  minDistance: number;
  maxDistance: number;
  update(): boolean;
}

/** The camera move for a key, or null when the key is not one of ours. */
export function surfaceKeyMove(key: string): { theta: number; phi: number; zoom: number } | null {
  switch (key) {
    case 'ArrowLeft':
      return { theta: TURN, phi: 0, zoom: 1 };
    case 'ArrowRight':
      return { theta: -TURN, phi: 0, zoom: 1 };
    case 'ArrowUp':
      return { theta: 0, phi: -TURN, zoom: 1 };
    case 'ArrowDown':
      return { theta: 0, phi: TURN, zoom: 1 };
    case '+':
    case '=':
      return { theta: 0, phi: 0, zoom: 1 / ZOOM };
    case '-':
    case '_':
      return { theta: 0, phi: 0, zoom: ZOOM };
    default:
      return null;
  }
}

/** Moves the camera for a key; true when the key was handled. */
export function surfaceOrbitByKey(camera: THREE.Camera, controls: OrbitTarget, key: string): boolean {
  const move = surfaceKeyMove(key);
  if (!move) return false;
  const offset = camera.position.clone().sub(controls.target);
  const spherical = new THREE.Spherical().setFromVector3(offset);
  spherical.theta += move.theta;
  spherical.phi = Math.min(Math.PI - POLAR_MARGIN, Math.max(POLAR_MARGIN, spherical.phi + move.phi));
  spherical.radius = Math.min(controls.maxDistance, Math.max(controls.minDistance, spherical.radius * move.zoom));
  offset.setFromSpherical(spherical);
  camera.position.copy(controls.target).add(offset);
  controls.update();
  return true;
}

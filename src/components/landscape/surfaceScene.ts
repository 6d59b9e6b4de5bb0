// The 3-D and contour views' shared types: the scene they draw, the hover they report and the renderer they expose.
import type { SurfaceSpec } from '../../workers/surveyorProtocol';
import type { CameraPose } from './cameraLink';
import type { HeightField } from './surfaceField';

export interface SurfaceHover {
  alpha: number;
  beta: number;
  loss: number;
}

export interface SurfaceScene {
  spec: SurfaceSpec;
  /** Raw losses, for hover. */
  values: Float32Array;
  field: HeightField;
  /** The path's (α, β) points, oldest first; points off the grid are left out. */
  path: { alpha: ArrayLike<number>; beta: ArrayLike<number> } | null;
  current: readonly [number, number];
  contours: boolean;
}

export interface SurfaceRenderer {
  update(scene: SurfaceScene): void;
  /** Draws at a new size in CSS pixels (the canvas fills a box of the layout). */
  resize(width: number, height: number): void;
  resetCamera(): void;
  /** The camera's angle around the vertical axis, in radians (tests check that orbiting moves it). */
  azimuth(): number;
  pose(): CameraPose;
  /** Moves the camera to another surface's pose (reported to onCamera as not from this one). */
  setPose(pose: CameraPose): void;
  dispose(): void;
}

export interface SurfaceOptions {
  /** Aim the camera at the optimizer's path on each new surface until the user moves it. */
  framePath?: boolean;
}

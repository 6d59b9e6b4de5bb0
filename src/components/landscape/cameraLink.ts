// Linked cameras for the small multiples of a comparison: the surface a person orbits publishes
// its camera here, and every other surface takes it, so all of them are seen from one angle.
import { create } from 'zustand';

/** Where the camera is and what it looks at, in scene coordinates. */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
}

interface CameraLinkState {
  pose: CameraPose | null;
  /** Which surface moved it (its own updates are not applied back to it). */
  source: string | null;
}

export const useCameraLink = create<CameraLinkState>(() => ({ pose: null, source: null }));

export function cameraLinkPublish(source: string, pose: CameraPose): void {
  useCameraLink.setState({ pose, source });
}

import { useEffect, useRef, useState } from 'react';
import { cameraLinkPublish, useCameraLink, type CameraPose } from './cameraLink';
import { surfaceCreate, type SurfaceHover, type SurfaceRenderer, type SurfaceScene } from './surfaceRender';

const WIDTH = 640;
const HEIGHT = 420;

function poseDistance({ position, target }: CameraPose): number {
  return Math.hypot(position[0] - target[0], position[1] - target[1], position[2] - target[2]);
}

export interface SurfaceViewOptions {
  width?: number;
  height?: number;
  testId?: string;
  /** What the surface shows, for the canvas's accessible name. */
  label?: string;
  /** Surfaces with a link key share one camera: orbiting one orbits all (the key names this one). */
  link?: string;
  /** Leave out the line of mouse and key hints (small multiples say it once for all). */
  compact?: boolean;
}

/** The three.js surface: drag or arrow keys to orbit, wheel or +/− to zoom, a button to reset the camera. */
export function SurfaceView({ scene, onHover, options = {} }: { scene: SurfaceScene | null; onHover(hover: SurfaceHover | null): void; options?: SurfaceViewOptions }) {
  const { width = WIDTH, height = HEIGHT, testId = 'landscape-surface', label = 'Loss surface in 3-D', link, compact = false } = options;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<SurfaceRenderer | null>(null);
  const hoverRef = useRef(onHover);
  const [failure, setFailure] = useState<string | null>(null);
  const [azimuth, setAzimuth] = useState(0);
  const [distance, setDistance] = useState(0);

  useEffect(() => {
    hoverRef.current = onHover;
  }, [onHover]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onCamera = (own: boolean): void => {
      const r = renderer.current;
      if (!r) return;
      setAzimuth(r.azimuth());
      setDistance(poseDistance(r.pose()));
      if (own && link !== undefined) cameraLinkPublish(link, r.pose());
    };
    try {
      renderer.current = surfaceCreate(canvas, width, height, (hover) => hoverRef.current(hover), onCamera);
    } catch (error) {
      // Without WebGL the 2-D contour view still works; say so rather than show a blank box.
      queueMicrotask(() => setFailure(error instanceof Error ? error.message : String(error)));
    }
    // A surface that joins a linked set takes the set's camera; then follows it.
    const follow = ({ pose, source }: { pose: CameraPose | null; source: string | null }): void => {
      if (pose && source !== link) renderer.current?.setPose(pose);
    };
    const unsubscribe = link === undefined ? () => {} : useCameraLink.subscribe(follow);
    const joined = link === undefined ? null : useCameraLink.getState().pose;
    if (joined) renderer.current?.setPose(joined);
    queueMicrotask(() => {
      const r = renderer.current;
      setAzimuth(r?.azimuth() ?? 0);
      setDistance(r ? poseDistance(r.pose()) : 0);
    });
    return () => {
      unsubscribe();
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, [width, height, link]);

  useEffect(() => {
    if (scene) renderer.current?.update(scene);
  }, [scene]);

  return (
    <div className="landscape-figure">
      {failure && (
        <p className="warning" data-testid="landscape-webgl-failed">
          The 3-D view needs WebGL, which failed here ({failure}). The contour view shows the same grid.
        </p>
      )}
      <canvas
        ref={canvasRef}
        className="landscape-canvas"
        width={width}
        height={height}
        style={{ maxWidth: width, aspectRatio: `${width} / ${height}` }}
        data-testid={testId}
        data-azimuth={azimuth.toFixed(3)}
        data-distance={distance.toFixed(3)}
        data-z-lo={scene ? scene.field.lo : undefined}
        data-z-hi={scene ? scene.field.hi : undefined}
        tabIndex={0}
        role="img"
        aria-label={`${label}: drag or use the arrow keys to orbit, scroll or press + and − to zoom`}
      />
      <div className="landscape-figure-bar" style={{ maxWidth: width }}>
        <span className="note">{compact ? '' : 'drag or arrow keys: orbit · scroll or + −: zoom · right-drag: pan'}</span>
        <button
          type="button"
          data-testid={`${testId === 'landscape-surface' ? 'landscape' : testId}-reset-camera`}
          onClick={() => {
            renderer.current?.resetCamera();
            setAzimuth(renderer.current?.azimuth() ?? 0);
          }}
        >
          Reset camera
        </button>
      </div>
    </div>
  );
}

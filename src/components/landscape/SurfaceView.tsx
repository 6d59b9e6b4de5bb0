import { useEffect, useRef, useState, type ReactNode } from 'react';
import { cameraLinkPublish, useCameraLink, type CameraPose } from './cameraLink';
import type { SurfaceHover, SurfaceRenderer, SurfaceScene } from './surfaceScene';
import { useBoxSize } from '../layout/useBoxSize';
import { afterInteractive } from '../../app/afterInteractive';

const WIDTH = 640;
const HEIGHT = 420;

function poseDistance({ position, target }: CameraPose): number {
  return Math.hypot(position[0] - target[0], position[1] - target[1], position[2] - target[2]);
}

export interface SurfaceViewOptions {
  /** The drawing size until the box it fills has been measured. */
  width?: number;
  height?: number;
  testId?: string;
  /** What the surface shows, for the canvas's accessible name. */
  label?: string;
  /** Surfaces with a link key share one camera: orbiting one orbits all (the key names this one). */
  link?: string;
  /** Leave out the line of mouse and key hints (small multiples say it once for all). */
  compact?: boolean;
  /** Shown in the bar under the canvas instead of the key hints (the hover readout). */
  caption?: ReactNode;
}

const KEY_HINTS = 'drag or arrow keys: orbit · scroll or + −: zoom · right-drag: pan';

/**
 * The three.js surface, filling its box: drag or arrow keys to orbit, wheel or +/− to zoom, a
 * button to reset the camera. three.js is loaded once Play can be pressed, not with the page.
 */
export function SurfaceView({ scene, onHover, options = {} }: { scene: SurfaceScene | null; onHover(hover: SurfaceHover | null): void; options?: SurfaceViewOptions }) {
  const { width = WIDTH, height = HEIGHT, testId = 'landscape-surface', label = 'Loss surface in 3-D', link, compact = false, caption } = options;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<SurfaceRenderer | null>(null);
  const hoverRef = useRef(onHover);
  const sceneRef = useRef(scene);
  const [box, boxRef] = useBoxSize<HTMLDivElement>();
  const sizeRef = useRef({ width, height });
  const [failure, setFailure] = useState<string | null>(null);
  const [azimuth, setAzimuth] = useState(0);
  const [distance, setDistance] = useState(0);

  useEffect(() => {
    hoverRef.current = onHover;
  }, [onHover]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let disposed = false;
    let unsubscribe = (): void => {};
    let size = sizeRef.current;
    const onCamera = (own: boolean): void => {
      const r = renderer.current;
      if (!r) return;
      setAzimuth(r.azimuth());
      setDistance(poseDistance(r.pose()));
      if (own && link !== undefined) cameraLinkPublish(link, r.pose());
    };
    afterInteractive()
      .then(() => import('./surfaceRender'))
      .then(({ surfaceCreate }) => {
        if (disposed) return null;
        size = sizeRef.current;
        // Linked surfaces share one camera, so none of them frames its own path.
        return surfaceCreate(canvas, size.width, size.height, (hover) => hoverRef.current(hover), onCamera, { framePath: link === undefined });
      })
      .then((created) => {
        if (!created) return;
        // Made in several tasks: the view may have gone meanwhile.
        if (disposed) return created.dispose();
        renderer.current = created;
        // The box may have been measured anew while the renderer was being made.
        if (sizeRef.current !== size) created.resize(sizeRef.current.width, sizeRef.current.height);
        // A surface that joins a linked set takes the set's camera; then follows it.
        const follow = ({ pose, source }: { pose: CameraPose | null; source: string | null }): void => {
          if (pose && source !== link) renderer.current?.setPose(pose);
        };
        if (link !== undefined) unsubscribe = useCameraLink.subscribe(follow);
        const joined = link === undefined ? null : useCameraLink.getState().pose;
        if (joined) renderer.current.setPose(joined);
        if (sceneRef.current) renderer.current.update(sceneRef.current);
        setAzimuth(renderer.current.azimuth());
        setDistance(poseDistance(renderer.current.pose()));
      })
      .catch((error: unknown) => {
        // Without WebGL the 2-D contour view still works; say so rather than show a blank box.
        if (!disposed) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      disposed = true;
      unsubscribe();
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, [link]);

  useEffect(() => {
    sceneRef.current = scene;
    if (scene) renderer.current?.update(scene);
  }, [scene]);

  useEffect(() => {
    if (!box || box.width < 2 || box.height < 2) return;
    sizeRef.current = { width: Math.round(box.width), height: Math.round(box.height) };
    renderer.current?.resize(sizeRef.current.width, sizeRef.current.height);
  }, [box]);

  return (
    <div className="landscape-figure">
      {failure && (
        <p className="warning" data-testid="landscape-webgl-failed">
          The 3-D view needs WebGL, which failed here ({failure}). The contour view shows the same grid.
        </p>
      )}
      <div className="landscape-canvas-box" ref={boxRef}>
        <canvas
          ref={canvasRef}
          className="landscape-canvas"
          width={width}
          height={height}
          data-testid={testId}
          data-azimuth={azimuth.toFixed(3)}
          data-distance={distance.toFixed(3)}
          data-z-lo={scene ? scene.field.lo : undefined}
          data-z-hi={scene ? scene.field.hi : undefined}
          tabIndex={0}
          role="img"
          title={KEY_HINTS}
          aria-label={`${label}: drag or use the arrow keys to orbit, scroll or press + and − to zoom`}
        />
        {/* Over the canvas's foot, so the picture keeps every pixel of height the layout gives it. */}
        <div className={compact ? 'landscape-figure-bar landscape-figure-bar-compact' : 'landscape-figure-bar'}>
          {caption ?? <span className="note">{compact ? '' : KEY_HINTS}</span>}
          <button
            type="button"
            aria-label={compact ? 'Reset camera' : undefined}
            title="Reset camera"
            className={compact ? 'landscape-reset landscape-reset-compact' : 'landscape-reset'}
            data-testid={`${testId === 'landscape-surface' ? 'landscape' : testId}-reset-camera`}
            onClick={() => {
              renderer.current?.resetCamera();
              setAzimuth(renderer.current?.azimuth() ?? 0);
            }}
          >
            {compact ? '↺' : 'Reset camera'}
          </button>
        </div>
      </div>
    </div>
  );
}

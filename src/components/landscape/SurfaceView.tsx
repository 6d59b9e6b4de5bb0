import { useEffect, useRef, useState } from 'react';
import { surfaceCreate, type SurfaceHover, type SurfaceRenderer, type SurfaceScene } from './surfaceRender';

const WIDTH = 640;
const HEIGHT = 420;

/** The three.js surface: drag to orbit, wheel to zoom, a button to reset the camera. */
export function SurfaceView({ scene, onHover }: { scene: SurfaceScene | null; onHover(hover: SurfaceHover | null): void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<SurfaceRenderer | null>(null);
  const hoverRef = useRef(onHover);
  const [failure, setFailure] = useState<string | null>(null);
  const [azimuth, setAzimuth] = useState(0);

  useEffect(() => {
    hoverRef.current = onHover;
  }, [onHover]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    try {
      renderer.current = surfaceCreate(canvas, WIDTH, HEIGHT, (hover) => hoverRef.current(hover));
    } catch (error) {
      // Without WebGL the 2-D contour view still works; say so rather than show a blank box.
      queueMicrotask(() => setFailure(error instanceof Error ? error.message : String(error)));
    }
    const onEnd = (): void => setAzimuth(renderer.current?.azimuth() ?? 0);
    queueMicrotask(onEnd);
    canvas.addEventListener('pointerup', onEnd);
    canvas.addEventListener('wheel', onEnd, { passive: true });
    return () => {
      canvas.removeEventListener('pointerup', onEnd);
      canvas.removeEventListener('wheel', onEnd);
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, []);

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
        width={WIDTH}
        height={HEIGHT}
        data-testid="landscape-surface"
        data-azimuth={azimuth.toFixed(3)}
        role="img"
        aria-label="Loss surface in 3-D: drag to orbit, scroll to zoom"
      />
      <div className="landscape-figure-bar">
        <span className="note">drag: orbit · scroll: zoom · right-drag: pan</span>
        <button
          type="button"
          data-testid="landscape-reset-camera"
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

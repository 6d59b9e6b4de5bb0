import { useEffect, useRef } from 'react';
import { contourCreate, type ContourRenderer } from './contourRender';
import type { SurfaceHover, SurfaceScene } from './surfaceRender';

const WIDTH = 560;
const HEIGHT = 460;

/** The grid as filled contours in the (α, β) plane, with the path on top. */
export function ContourView({ scene, onHover }: { scene: SurfaceScene | null; onHover(hover: SurfaceHover | null): void }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<ContourRenderer | null>(null);
  const hoverRef = useRef(onHover);

  useEffect(() => {
    hoverRef.current = onHover;
  }, [onHover]);

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = contourCreate(svgRef.current, WIDTH, HEIGHT, (hover) => hoverRef.current(hover));
    return () => renderer.current?.dispose();
  }, []);

  useEffect(() => {
    if (scene) renderer.current?.update(scene);
  }, [scene]);

  return (
    <div className="landscape-figure">
      <svg ref={svgRef} className="landscape-contour" data-testid="landscape-contour" />
    </div>
  );
}

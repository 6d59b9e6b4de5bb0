import { useEffect, useRef } from 'react';
import { contourCreate, type ContourRenderer } from './contourRender';
import type { SurfaceHover, SurfaceScene } from './surfaceScene';

const WIDTH = 560;
const HEIGHT = 460;

/** The grid as filled contours in the (α, β) plane, with the path on top. */
export function ContourView({ scene, onHover, options = {} }: { scene: SurfaceScene | null; onHover(hover: SurfaceHover | null): void; options?: { width?: number; height?: number; testId?: string } }) {
  const { width = WIDTH, height = HEIGHT, testId = 'landscape-contour' } = options;
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<ContourRenderer | null>(null);
  const hoverRef = useRef(onHover);

  useEffect(() => {
    hoverRef.current = onHover;
  }, [onHover]);

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = contourCreate(svgRef.current, width, height, (hover) => hoverRef.current(hover));
    return () => renderer.current?.dispose();
  }, [width, height]);

  useEffect(() => {
    if (scene) renderer.current?.update(scene);
  }, [scene, width, height]);

  return (
    <div className="landscape-figure">
      <svg ref={svgRef} className="landscape-contour" data-testid={testId} data-z-lo={scene ? scene.field.lo : undefined} data-z-hi={scene ? scene.field.hi : undefined} />
    </div>
  );
}

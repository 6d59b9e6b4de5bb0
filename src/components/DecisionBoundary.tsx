import { useSelectedRunState } from '../app/selectedRunState';
import { useEffect, useRef } from 'react';
import { useTrainingStore } from '../app/trainingStore';
import { boundaryCreate, type BoundaryRenderer } from './boundaryRender';
import { ExportPngButton } from './export/ExportPngButton';

const SIZE = 420;

/** The data on the plane with the model's predicted class and confidence behind it. */
export function DecisionBoundary() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<BoundaryRenderer | null>(null);
  const points = useTrainingStore((s) => s.points);
  const boundary = useSelectedRunState((r) => r.boundary);
  const flippedCount = points ? points.flipped.reduce((a, b) => a + b, 0) : 0;

  useEffect(() => {
    if (!canvasRef.current) return;
    renderer.current = boundaryCreate(canvasRef.current, SIZE);
    return () => renderer.current?.dispose();
  }, []);

  useEffect(() => {
    renderer.current?.update(points, boundary);
  }, [points, boundary]);

  return (
    <section className="panel boundary" aria-label="Decision boundary">
      <header className="chart-header">
        <h2>Decision boundary</h2>
        <span className="legend">
          filled: train · rings: validation and test · shade: confidence
          {flippedCount > 0 && <span data-testid="flipped-count"> · ×: {flippedCount} flipped labels</span>}
        </span>
        <ExportPngButton chart="boundary" label="the decision boundary" />
      </header>
      <canvas
        ref={canvasRef}
        data-testid="boundary"
        data-points={points?.y.length ?? 0}
        role="img"
        aria-label={`${points?.y.length ?? 0} points and the predicted class over the plane`}
      />
    </section>
  );
}

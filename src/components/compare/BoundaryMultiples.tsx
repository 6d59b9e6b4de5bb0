import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRunLabels } from '../../app/runLabelHooks';
import { useTrainingStore } from '../../app/trainingStore';
import type { BoundaryGrid, DataPoints } from '../../workers/protocol';
import { boundaryCreate, type BoundaryRenderer } from '../boundaryRender';
import { runColour, runLetter } from '../palette';

const SIZE = 180;

function SmallBoundary({ points, boundary, run, label }: { points: DataPoints | null; boundary: BoundaryGrid | null; run: number; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<BoundaryRenderer | null>(null);
  useEffect(() => {
    if (!canvasRef.current) return;
    renderer.current = boundaryCreate(canvasRef.current, SIZE);
    return () => renderer.current?.dispose();
  }, []);
  useEffect(() => renderer.current?.update(points, boundary), [points, boundary]);
  return (
    <figure className="multiple">
      <canvas ref={canvasRef} data-testid="boundary-multiple" data-run={run} role="img" aria-label={`Decision boundary of run ${label}`} />
      <figcaption style={{ color: runColour(run) }} data-testid="boundary-multiple-caption">
        {label}
      </figcaption>
    </figure>
  );
}

/** The runs' decision boundaries side by side, on the same data. */
export function BoundaryMultiples() {
  const points = useTrainingStore((s) => s.points);
  const boundaries = useTrainingStore(useShallow((s) => s.runs.map((r) => r.boundary)));
  const labels = useRunLabels();
  return (
    <div className="multiples">
      {boundaries.map((boundary, i) => (
        <SmallBoundary key={i} run={i} points={points} boundary={boundary} label={labels[i]?.text ?? runLetter(i)} />
      ))}
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRunLabels } from '../../app/runLabelHooks';
import { useTrainingStore } from '../../app/trainingStore';
import type { BoundaryGrid, DataPoints } from '../../workers/protocol';
import { boundaryCreate, type BoundaryRenderer } from '../boundaryRender';
import { runColour, runLetter } from '../palette';
import { useConfigStore } from '../../app/configStore';
import { regressionDraw } from '../regression/regressionRender';
import type { RegressionEvaluation } from '../../workers/protocol';

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

/** One run's regression fit: the data with the run's predicted curve (one input) or its values over the plane (two). */
function SmallFit({ points, boundary, evaluation, run, label }: { points: DataPoints | null; boundary: BoundaryGrid | null; evaluation: RegressionEvaluation | null; run: number; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvasRef.current) regressionDraw(canvasRef.current, SIZE, { view: 'fit', points, grid: boundary, evaluation });
  }, [points, boundary, evaluation]);
  return (
    <figure className="multiple">
      <canvas ref={canvasRef} data-testid="fit-multiple" data-run={run} data-fitted={evaluation ? 'yes' : 'no'} role="img" aria-label={`Regression fit of run ${label}`} />
      <figcaption style={{ color: runColour(run) }} data-testid="boundary-multiple-caption">
        {label}
      </figcaption>
    </figure>
  );
}

/**
 * Each run's output side by side, on the same data: its decision boundary (classification), or its fit (regression; the output panel shows one
 * run's fit at a time, so the multiples are where the runs' fits are seen together).
 */
export function BoundaryMultiples() {
  const regression = useConfigStore((s) => s.config.task === 'regression');
  return regression ? <FitMultiples /> : <BoundaryGrids />;
}

function FitMultiples() {
  const points = useTrainingStore((s) => s.points);
  const fits = useTrainingStore(useShallow((s) => s.runs.flatMap((r) => [r.boundary, r.evaluation?.regression ?? null])));
  const labels = useRunLabels();
  return (
    <div className="multiples">
      {Array.from({ length: fits.length / 2 }, (_, i) => (
        <SmallFit
          key={i}
          run={i}
          points={points}
          boundary={fits[2 * i] as BoundaryGrid | null}
          evaluation={fits[2 * i + 1] as RegressionEvaluation | null}
          label={labels[i]?.text ?? runLetter(i)}
        />
      ))}
    </div>
  );
}

function BoundaryGrids() {
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

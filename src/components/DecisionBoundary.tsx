import { useSelectedRunState } from '../app/selectedRunState';
import { useEffect, useRef, useState } from 'react';
import { useConfigStore } from '../app/configStore';
import { useTrainingStore } from '../app/trainingStore';
import { datasetIsGenerated } from '../engine/datasets';
import { LIMITS } from '../engine/config';
import { boundaryCreate, type BoundaryRenderer } from './boundaryRender';
import { ExportPngButton } from './export/ExportPngButton';
import { AddPointControls, addedPointAppend } from './data/AddPointControls';
import { BoundaryViewControls } from './data/BoundaryViewControls';
import { useBoxSize } from './layout/useBoxSize';
import { ShowingRun } from './compare/ShowingRun';

/** Drawing size until the box is measured, and the bounds of a square that fills the box. */
const SIZE = 420;
const MIN_SIZE = 160;
const MAX_SIZE = 900;

/** The largest square that fits the box, in whole pixels. */
export function squareFitting(box: { width: number; height: number } | null): number {
  if (!box) return SIZE;
  const side = box.height > 0 ? Math.min(box.width, box.height) : box.width;
  return Math.round(Math.min(MAX_SIZE, Math.max(MIN_SIZE, side)));
}

/**
 * The data on the plane with the model's predicted class and confidence behind it. With more
 * than two features, the plane is chosen (two features or a PCA); on generated 2-D data a click
 * adds a training point of the chosen class.
 */
export function DecisionBoundary() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<BoundaryRenderer | null>(null);
  const points = useTrainingStore((s) => s.points);
  const boundary = useSelectedRunState((r) => r.boundary);
  const kind = useConfigStore((s) => s.config.data.kind);
  const added = useConfigStore((s) => s.config.data.added.length / 3);
  const [addClass, setAddClass] = useState(0);
  const flippedCount = points ? points.flipped.reduce((a, b) => a + b, 0) : 0;
  const addable = points !== null && points.features === 2 && datasetIsGenerated(kind);
  const selectedClass = points ? Math.min(addClass, points.classes - 1) : 0;
  // The canvas is the largest square its box holds: the box takes what the layout leaves.
  const [box, boxRef] = useBoxSize<HTMLDivElement>();
  const size = squareFitting(box);
  const latest = useRef({ points, boundary });
  useEffect(() => {
    latest.current = { points, boundary };
  }, [points, boundary]);

  useEffect(() => {
    if (!canvasRef.current) return;
    renderer.current = boundaryCreate(canvasRef.current, size);
    renderer.current.update(latest.current.points, latest.current.boundary);
    return () => renderer.current?.dispose();
  }, [size]);

  useEffect(() => {
    renderer.current?.update(points, boundary);
  }, [points, boundary]);

  const onClick = (event: React.MouseEvent<HTMLCanvasElement>) => {
    if (!addable || added >= LIMITS.addedPoints.max) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const at = renderer.current?.planeAt(event.clientX - rect.left, event.clientY - rect.top);
    if (at) addedPointAppend(at[0], at[1], selectedClass);
  };

  const count = points?.y.length ?? 0;
  return (
    <section className="panel boundary" aria-label="Decision boundary">
      <header className="chart-header">
        <h2>Decision boundary</h2>
        <ShowingRun />
        <ExportPngButton chart="boundary" label="the decision boundary" />
      </header>
      {points && points.features > 2 && <BoundaryViewControls points={points} />}
      <div className="boundary-plot">
        <span className="boundary-axis boundary-axis-y" data-testid="boundary-y-axis">
          {points?.axes[1] ?? ''} ↑
        </span>
        <div className="boundary-canvas-box" ref={boxRef}>
          <canvas
            ref={canvasRef}
            data-testid="boundary"
            data-points={count}
            data-addable={addable}
            className={addable ? 'addable' : undefined}
            role="img"
            aria-label={`${count} points and the predicted class over the plane${points ? ` of ${points.axes[0]} and ${points.axes[1]}` : ''}`}
            onClick={onClick}
          />
        </div>
        <span className="boundary-axis boundary-axis-x" data-testid="boundary-x-axis">
          {points?.axes[0] ?? ''} →
        </span>
      </div>
      <p className="legend boundary-legend">
        filled: train · rings: validation and test · shade: confidence
        {points && points.added > 0 && <span data-testid="added-count"> · squares: {points.added} added</span>}
        {flippedCount > 0 && <span data-testid="flipped-count"> · ×: {flippedCount} flipped labels</span>}
      </p>
      {addable && points && <AddPointControls classNames={points.classNames} selected={selectedClass} onSelect={setAddClass} added={added} />}
    </section>
  );
}

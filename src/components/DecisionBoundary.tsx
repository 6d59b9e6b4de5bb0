import { useSelectedRunState } from '../app/selectedRunState';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useConfigStore } from '../app/configStore';
import { useTrainingStore } from '../app/trainingStore';
import { datasetIsGenerated } from '../engine/datasets';
import { LIMITS } from '../engine/config';
import { boundaryCellAt, boundaryCreate, type BoundaryRenderer } from './boundaryRender';
import { BoundaryStyleToggles } from './playground/BoundaryStyleToggles';
import { ExportPngButton } from './export/ExportPngButton';
import { AddPointControls, addedPointAppend } from './data/AddPointControls';
import { BoundaryViewControls } from './data/BoundaryViewControls';
import { useBoxSize } from './layout/useBoxSize';
import { ShowingRun } from './compare/ShowingRun';
import { PreferencePlaneLegend } from './preference/PreferencePlaneLegend';

/** Drawing size until the box is measured (the canvas stays hidden until then), and the largest square drawn. */
const SIZE = 420;
const MAX_SIZE = 900;
/** Below this a plane is not worth drawing; the layout (styles.css) gives the box at least this much. */
const MIN_SIZE = 48;

/**
 * The largest square that fits the box, in whole pixels: never larger than the box, so the plane
 * is never cut; the layout keeps the box at a usable minimum (styles.css, `.boundary-canvas-box`).
 */
export function squareFitting(box: { width: number; height: number } | null): number {
  if (!box) return SIZE;
  const side = box.height > 0 ? Math.min(box.width, box.height) : box.width;
  return Math.floor(Math.min(MAX_SIZE, Math.max(MIN_SIZE, side)));
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
  const preference = useConfigStore((s) => s.config.task === 'preference');
  const added = useConfigStore((s) => s.config.data.added.length / 3);
  const [addClass, setAddClass] = useState(0);
  const style = useConfigStore((s) => s.config.boundary);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const flippedCount = points ? points.flipped.reduce((a, b) => a + b, 0) : 0;
  const classes = useConfigStore((s) => s.config.data.classes);
  // Generated data is 2-D: its add-point controls are known from the config and take their place
  // from the first paint, so the plane does not shrink when the data arrives.
  const addable = points === null ? datasetIsGenerated(kind) && !preference : points.features === 2 && datasetIsGenerated(kind);
  const classNames = points?.classNames ?? Array.from({ length: classes }, (_, k) => `class ${k + 1}`);
  const selectedClass = Math.min(addClass, classNames.length - 1);
  // The canvas is the largest square its box holds: the box takes what the layout leaves.
  const [box, boxRef] = useBoxSize<HTMLDivElement>();
  const size = squareFitting(box);
  const latest = useRef({ points, boundary, style });
  useEffect(() => {
    latest.current = { points, boundary, style };
  }, [points, boundary, style]);

  // Before paint, so the canvas never shows a frame at its old size when its box is measured.
  useLayoutEffect(() => {
    if (!canvasRef.current) return;
    renderer.current = boundaryCreate(canvasRef.current, size);
    renderer.current.update(latest.current.points, latest.current.boundary, latest.current.style);
    return () => renderer.current?.dispose();
  }, [size]);

  useEffect(() => {
    renderer.current?.update(points, boundary, style);
  }, [points, boundary, style]);

  const onClick = (event: React.MouseEvent<HTMLCanvasElement>) => {
    if (!addable || !points || added >= LIMITS.addedPoints.max) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const at = renderer.current?.planeAt(event.clientX - rect.left, event.clientY - rect.top);
    if (at) addedPointAppend(at[0], at[1], selectedClass);
  };

  const onMove = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setHover(renderer.current?.planeAt(event.clientX - rect.left, event.clientY - rect.top) ?? null);
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
            data-forget={points?.forget ? points.forget.reduce((a, b) => a + b, 0) : undefined}
            data-addable={addable && points !== null}
            className={addable ? 'addable' : undefined}
            style={box ? undefined : { visibility: 'hidden' }}
            role="img"
            aria-label={`${count} points and the predicted class over the plane${points ? ` of ${points.axes[0]} and ${points.axes[1]}` : ''}`}
            onClick={onClick}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
          />
        </div>
        <span className="boundary-axis boundary-axis-x" data-testid="boundary-x-axis">
          {points?.axes[0] ?? ''} →
        </span>
      </div>
      {preference ? (
        <PreferencePlaneLegend points={points} />
      ) : (
        <p className="legend boundary-legend" title="filled: train · rings: validation and test · shade: confidence">
          filled: train · rings: validation and test · shade: confidence
          {points && points.added > 0 && <span data-testid="added-count"> · squares: {points.added} added</span>}
          {flippedCount > 0 && <span data-testid="flipped-count"> · ×: {flippedCount} flipped labels</span>}
        </p>
      )}
      <BoundaryStyleToggles />
      <BoundaryReadout at={hover} />
      {addable && <AddPointControls classNames={classNames} selected={selectedClass} onSelect={setAddClass} added={added} />}
    </section>
  );
}

/** The model's output under the pointer, as the heatmap shows it (its grid cell). */
function BoundaryReadout({ at }: { at: [number, number] | null }) {
  const points = useTrainingStore((s) => s.points);
  const boundary = useSelectedRunState((r) => r.boundary);
  const output = at && points && boundary ? boundaryCellAt(boundary, points.extent, at[0], at[1]) : null;
  const text =
    at && points && output
      ? `${points.axes[0]} ${at[0].toFixed(2)}, ${points.axes[1]} ${at[1].toFixed(2)}: ` + Array.from(output, (p, k) => `${points.classNames[k] ?? `class ${k + 1}`} ${p.toFixed(3)}`).join(' · ')
      : 'hover over the plane to read the model’s output there';
  // The title holds the whole line where a narrow panel cuts it with "…" (styles.css).
  return (
    <p className="legend boundary-readout" data-testid="boundary-readout" aria-live="off" title={text}>
      {text}
    </p>
  );
}

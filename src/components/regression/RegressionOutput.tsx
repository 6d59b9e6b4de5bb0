import { useEffect, useRef, useState } from 'react';
import { useSelectedRunState } from '../../app/selectedRunState';
import { useTrainingStore } from '../../app/trainingStore';
import { ExportPngButton } from '../export/ExportPngButton';
import { ShowingRun } from '../compare/ShowingRun';
import { useBoxSize } from '../layout/useBoxSize';
import { squareFitting } from '../DecisionBoundary';
import { regressionDraw, REGRESSION_VIEWS, type RegressionView } from './regressionRender';
import { RegressionReadout } from './RegressionReadout';

const VIEW_LABELS: Record<RegressionView, string> = { fit: 'fit', predicted: 'predicted vs target', residuals: 'residuals' };

/**
 * A regression's output where a classification shows its decision boundary: the fit with the
 * data (a heatmap over the plane for two inputs, a curve for one), predictions against targets,
 * or the residuals, for the selected run; and its errors beside predicting the mean.
 */
export function RegressionOutput() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const points = useTrainingStore((s) => s.points);
  const grid = useSelectedRunState((r) => r.boundary);
  const evaluation = useSelectedRunState((r) => r.evaluation);
  const [view, setView] = useState<RegressionView>('fit');
  const [box, boxRef] = useBoxSize<HTMLDivElement>();
  const size = squareFitting(box);
  const regression = evaluation?.regression ?? null;

  useEffect(() => {
    if (canvasRef.current) regressionDraw(canvasRef.current, size, { view, points, grid, evaluation: regression });
  }, [size, view, points, grid, regression]);

  const count = points?.targets?.length ?? 0;
  const curve = points?.features === 1;
  return (
    <section className="panel boundary regression-output" aria-label="Regression output" data-testid="regression-output">
      <header className="chart-header">
        <h2>Output</h2>
        <span className="segmented" role="group" aria-label="Show">
          {REGRESSION_VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} data-testid={`regression-view-${v}`} onClick={() => setView(v)}>
              {VIEW_LABELS[v]}
            </button>
          ))}
        </span>
        <ShowingRun />
        <ExportPngButton chart="boundary" label="the regression output" />
      </header>
      <div className="boundary-plot regression-plot">
        <div className="boundary-canvas-box" ref={boxRef}>
          <canvas
            ref={canvasRef}
            data-testid="boundary"
            data-view={view}
            data-points={count}
            role="img"
            aria-label={`${count} points and the model’s ${VIEW_LABELS[view]}`}
          />
        </div>
      </div>
      <p className="legend boundary-legend">
        dots: train · rings: validation and test
        {view === 'fit' && (curve ? ' · line: prediction' : ' · colour: value (red above 0, blue below)')}
        {view === 'fit' && curve && regression?.modes && ' · green dashes: most likely value'}
      </p>
      <RegressionReadout evaluation={regression} step={evaluation?.step ?? null} />
    </section>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTrainingStore, type RunState } from '../app/trainingStore';
import { useSelectedRunState } from '../app/selectedRunState';
import { lossChartCreate, type LossChartRenderer } from './lossChartRender';
import type { ChartSeries } from './lossChartRender';
import { runColour, runLetter } from './palette';
import { ChartTable, useChartTableToggle } from './ChartTable';
import { ExportPngButton } from './export/ExportPngButton';
import { useImportedLossSeries } from './export/importedSeries';
import { ClassMetricsReadout } from './ClassMetricsReadout';

const WIDTH = 460;
const HEIGHT = 220;

function formatMetric(value: number | undefined | null, digits = 4): string {
  return value === undefined || value === null ? '—' : Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** Training and validation loss over steps, with the latest numbers beside it. */
export function LossChart() {
  const svgRef = useRef<SVGSVGElement>(null);
  const renderer = useRef<LossChartRenderer | null>(null);
  const [logScale, setLogScale] = useState(false);
  const frameCount = useTrainingStore((s) => s.frameCount);
  const runs = useTrainingStore((s) => s.runs);
  const trainLoss = useSelectedRunState((r) => r.trainLoss);
  const evaluation = useSelectedRunState((r) => r.evaluation);
  const compare = runs.length > 1;
  const imported = useImportedLossSeries();
  const { shown: tableShown, toggle: tableToggle } = useChartTableToggle('Loss over training');

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = lossChartCreate(svgRef.current, WIDTH, HEIGHT);
    return () => renderer.current?.dispose();
  }, []);

  useEffect(() => {
    renderer.current?.update([...imported, ...lossSeries(runs)], logScale);
  }, [frameCount, runs, logScale, imported]);

  return (
    <section className="panel chart" aria-label="Loss over training">
      <header className="chart-header">
        <h2>Loss</h2>
        {compare ? (
          <span className="legend">
            {runs.map((_, i) => (
              <span key={i} className="legend-item">
                <span className="swatch" style={{ background: runColour(i) }} /> {runLetter(i)}
              </span>
            ))}
            · solid: train · dashed: validation
          </span>
        ) : (
          <span className="legend">
            <span className="swatch" style={{ background: '#0072B2' }} /> train
            <span className="swatch dashed" style={{ borderColor: '#D55E00' }} /> validation
          </span>
        )}
        <label className="toggle">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> log scale
        </label>
        <ExportPngButton chart="loss" label="the loss chart" />
        {tableToggle}
      </header>
      <svg ref={svgRef} className="loss-chart" data-testid="loss-chart" style={tableShown ? { display: 'none' } : undefined} />
      {tableShown && <LossTable runs={runs} frameCount={frameCount} />}
      <dl className="metrics">
        <dt>train loss</dt>
        <dd data-testid="train-loss">{formatMetric(trainLoss.last())}</dd>
        <dt>validation loss</dt>
        <dd data-testid="validation-loss">{formatMetric(evaluation?.validationLoss)}</dd>
        <dt>train accuracy</dt>
        <dd data-testid="train-accuracy">{formatMetric(evaluation?.trainAccuracy, 3)}</dd>
        <dt>validation accuracy</dt>
        <dd data-testid="validation-accuracy">{formatMetric(evaluation?.validationAccuracy, 3)}</dd>
      </dl>
      <ClassMetricsReadout />
    </section>
  );
}

/** The loss chart's numbers as a table, read again on every frame while it is shown. */
function LossTable({ runs, frameCount }: { runs: readonly RunState[]; frameCount: number }) {
  // The runs' buffers grow in place; frameCount is what changes with each frame.
  const series = useMemo(() => lossSeries(runs), [runs, frameCount]); // eslint-disable-line react-hooks/exhaustive-deps
  return <ChartTable series={series} caption="Training loss (every step) and validation loss (when evaluated) over training" />;
}

/**
 * One run: train solid in blue, validation dashed in vermillion. Several runs: one colour per
 * run, train solid and validation dashed in it.
 */
function lossSeries(runs: readonly RunState[]): ChartSeries[] {
  if (runs.length === 1) {
    const train = runs[0]!.trainLoss.points();
    const validation = runs[0]!.validationLoss.points();
    return [
      { name: 'train', colour: '#0072B2', steps: train.steps, values: train.values },
      { name: 'validation', colour: '#D55E00', steps: validation.steps, values: validation.values, dashed: true },
    ];
  }
  return runs.flatMap((run, i) => {
    const train = run.trainLoss.points();
    const validation = run.validationLoss.points();
    return [
      { name: `train-${runLetter(i)}`, colour: runColour(i), steps: train.steps, values: train.values },
      { name: `validation-${runLetter(i)}`, colour: runColour(i), steps: validation.steps, values: validation.values, dashed: true },
    ];
  });
}

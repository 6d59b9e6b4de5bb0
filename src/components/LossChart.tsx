import { useConfigStore } from '../app/configStore';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTrainingStore, type RunState } from '../app/trainingStore';
import { useSelectedRunState } from '../app/selectedRunState';
import { useRunLabels } from '../app/runLabelHooks';
import type { RunLabel } from '../app/runLabels';
import { lossChartCreate, type LossChartRenderer } from './lossChartRender';
import type { ChartSeries } from './lossChartRender';
import { runColour } from './palette';
import { ChartTable, useChartTableToggle } from './ChartTable';
import { ExportPngButton } from './export/ExportPngButton';
import { useImportedLossSeries } from './export/importedSeries';
import { ShowingRun } from './compare/ShowingRun';
import { ClassMetricsReadout } from './ClassMetricsReadout';
import { PenaltyReadout } from './playground/PenaltyReadout';
import { formatFixed } from './formatNumber';
import { lossChartYMax } from './lossChartCap';

const WIDTH = 460;
const HEIGHT = 220;

function formatMetric(value: number | undefined | null, digits = 4): string {
  return value === undefined || value === null ? '—' : formatFixed(value, digits);
}

/**
 * Training and validation loss over steps, with the latest numbers beside it. The curves are
 * redrawn from the store on each repaint without re-rendering this component: only the
 * numbers below it re-render, and only when they change.
 */
export function LossChart() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef<LossChartRenderer | null>(null);
  const [logScale, setLogScale] = useState(false);
  const runCount = useTrainingStore((s) => s.runs.length);
  const labels = useRunLabels();
  const compare = runCount > 1;
  // Task 'preference' has no validation split: its legend names only the line it draws.
  const validation = useConfigStore((s) => s.config.task !== 'preference');
  const imported = useImportedLossSeries();
  const { shown: tableShown, toggle: tableToggle } = useChartTableToggle('Loss over training');

  useEffect(() => {
    if (!canvasRef.current) return;
    renderer.current = lossChartCreate(canvasRef.current, WIDTH, HEIGHT);
    return () => renderer.current?.dispose();
  }, []);

  useEffect(() => {
    const draw = (runs: readonly RunState[]): void => renderer.current?.update([...imported, ...lossSeries(runs, labels)], logScale, lossChartYMax(runs));
    draw(useTrainingStore.getState().runs);
    return useTrainingStore.subscribe((state, previous) => {
      if (state.runs !== previous.runs || state.frameCount !== previous.frameCount) draw(state.runs);
    });
  }, [logScale, imported, labels]);

  return (
    <section className="panel chart" aria-label="Loss over training">
      <header className="chart-header">
        <h2>Loss</h2>
        {compare ? (
          <>
            <span className="legend" data-testid="loss-legend">
              {Array.from({ length: runCount }, (_, i) => (
                <span key={i} className="legend-item" data-testid="legend-item" data-run={i} style={{ whiteSpace: 'nowrap' }} title={labels[i]?.text}>
                  {/* Beside the dock the legend shows the letters only (styles.css): the run tabs name the runs in the same colours. */}
                  <span className="swatch" style={{ background: runColour(i) }} /> {labels[i] ? <><span className="legend-letter">{labels[i].letter}</span><span className="legend-detail">{labels[i].text.slice(labels[i].letter.length)}</span></> : String.fromCharCode(65 + i)}
                </span>
              ))}
            </span>
            <span className="note">{validation ? 'solid: train · dashed: validation' : 'training loss'}</span>
          </>
        ) : (
          <span className="legend">
            <span className="swatch" style={{ background: '#0072B2' }} /> train
            {validation && (
              <>
                <span className="swatch dashed" style={{ borderColor: '#D55E00' }} /> validation
              </>
            )}
          </span>
        )}
        <label className="toggle">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> log scale
        </label>
        <ExportPngButton chart="loss" label="the loss chart" notes={[lossKey(compare, validation)]} />
        {tableToggle}
      </header>
      <canvas ref={canvasRef} className="loss-chart" data-testid="loss-chart" role="img" aria-label="Training and validation loss over steps" style={tableShown ? { display: 'none' } : undefined} />
      {tableShown && <LossTable labels={labels} />}
      <LossMetrics />
    </section>
  );
}

/** The selected run's latest numbers; in a comparison, which run they are. */
function LossMetrics() {
  const trainLoss = useSelectedRunState((r) => r.trainLoss.last());
  const evaluation = useSelectedRunState((r) => r.evaluation);
  const classifying = useConfigStore((s) => s.config.task === 'classification');
  return (
    <>
      <ShowingRun testId="showing-run-metrics" />
      <dl className="metrics">
        <dt>train loss</dt>
        <dd data-testid="train-loss">{formatMetric(trainLoss)}</dd>
        <dt>validation loss</dt>
        <dd data-testid="validation-loss">{formatMetric(evaluation?.validationLoss)}</dd>
        {/* A regression has no accuracies: its errors are under its output view. */}
        {classifying && (
          <>
            <dt>train accuracy</dt>
            <dd data-testid="train-accuracy">{formatMetric(evaluation?.trainAccuracy, 3)}</dd>
            <dt>validation accuracy</dt>
            <dd data-testid="validation-accuracy">{formatMetric(evaluation?.validationAccuracy, 3)}</dd>
          </>
        )}
        <PenaltyReadout />
      </dl>
      {classifying && <ClassMetricsReadout />}
    </>
  );
}

/** The loss chart's numbers as a table, read again on every repaint while it is shown. */
function LossTable({ labels }: { labels: readonly RunLabel[] }) {
  const runs = useTrainingStore((s) => s.runs);
  const frameCount = useTrainingStore((s) => s.frameCount);
  // The runs' buffers grow in place; frameCount is what changes with each frame.
  const series = useMemo(() => lossSeries(runs, labels), [runs, labels, frameCount]); // eslint-disable-line react-hooks/exhaustive-deps
  return <ChartTable series={series} caption="Training loss (every step) and validation loss (when evaluated) over training" />;
}

/**
 * One run: train solid in blue, validation dashed in vermillion. Several runs: one colour per
 * run, train solid and validation dashed in it, named by the run's label.
 */
function lossSeries(runs: readonly RunState[], labels: readonly RunLabel[]): ChartSeries[] {
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
    const letter = String.fromCharCode(65 + i);
    const name = labels[i]?.text ?? letter;
    return [
      { name: `train ${name}`, colour: runColour(i), steps: train.steps, values: train.values, testId: `train-${letter}` },
      { name: `validation ${name}`, colour: runColour(i), steps: validation.steps, values: validation.values, dashed: true, testId: `validation-${letter}` },
    ];
  });
}

/** The line styles' key, written into the PNG (the page shows it as swatches beside the title). */
function lossKey(compare: boolean, validation: boolean): string {
  if (!validation) return 'training loss';
  return compare ? 'solid: train · dashed: validation' : 'solid blue: train · dashed orange: validation';
}

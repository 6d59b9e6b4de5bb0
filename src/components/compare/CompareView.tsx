import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRunLabels } from '../../app/runLabelHooks';
import type { RunLabel } from '../../app/runLabels';
import { useTrainingStore } from '../../app/trainingStore';
import { ReliabilityDiagram } from '../calibration/ReliabilityDiagram';
import { LineChart } from '../LineChart';
import { ExportPngButton } from '../export/ExportPngButton';
import type { LineChartOptions, LineChartView } from '../lineChartRender';
import { runColour } from '../palette';
import { BoundaryMultiples } from './BoundaryMultiples';
import { compareKey, compareSeries, type CompareQuantity } from './compareSeries';
import { SummaryTable } from './SummaryTable';
import { COMPARE_QUANTITIES, compareTask, MULTIPLES_TITLE, SHOWS_RELIABILITY } from './compareTask';
import { useConfigStore } from '../../app/configStore';

const WIDTH = 250;
const HEIGHT = 150;
const option = (yLabel: string): LineChartOptions => ({ margin: { top: 16, left: 46 }, yLabel, xTicks: 4, yTicks: 4 });
const LINEAR: LineChartView = { logScale: false };
const LOG: LineChartView = { logScale: true };

/**
 * Everything side by side for a comparison: the table, the quantities that tell losses apart
 * overlaid one colour per run, and small multiples of what is better seen separately. Only the
 * parts that show streamed numbers re-render on a repaint; the frame around them does not.
 */
export function CompareView() {
  const runCount = useTrainingStore((s) => s.runs.length);
  const labels = useRunLabels();
  const task = useConfigStore((s) => compareTask(s.config.task));
  if (runCount < 2) return null;
  const name = (i: number): string => labels[i]?.text ?? String.fromCharCode(65 + i);
  return (
    <section className="panel compare-view" aria-label="Comparison" data-testid="compare-view">
      <header className="chart-header">
        <h2>Comparison</h2>
        <span className="legend" data-testid="compare-legend">
          {Array.from({ length: runCount }, (_, i) => (
            <span key={i} className="legend-item" data-testid="legend-item" data-run={i} style={{ whiteSpace: 'nowrap' }}>
              <span className="swatch" style={{ background: runColour(i) }} /> {name(i)}
            </span>
          ))}
        </span>
        <span className="note">same data, split and initial weights</span>
        <ExportPngButton chart="compare" label="the comparison charts" />
      </header>
      <SummaryTable />
      <CompareCharts labels={labels} quantities={COMPARE_QUANTITIES[task]} />
      <h3>{MULTIPLES_TITLE[task]}</h3>
      <BoundaryMultiples />
      {SHOWS_RELIABILITY[task] && (
        <>
          <h3>Reliability (test split)</h3>
          <ReliabilityMultiples labels={labels} />
        </>
      )}
    </section>
  );
}

const CHARTS: { quantity: CompareQuantity; view: LineChartView; options: LineChartOptions; testId: string; label: string }[] = [
  { quantity: 'accuracy', view: LINEAR, options: option('validation accuracy'), testId: 'compare-accuracy', label: 'Validation accuracy of each run' },
  { quantity: 'validationMse', view: LOG, options: option('validation MSE'), testId: 'compare-validation-mse', label: 'Validation MSE of each run' },
  { quantity: 'ece', view: LINEAR, options: option('ECE (test)'), testId: 'compare-ece', label: 'Test ECE of each run' },
  { quantity: 'gradientNorm', view: LOG, options: option('‖∇L‖₂'), testId: 'compare-gradient', label: 'Gradient norm of each run' },
  { quantity: 'sharpness', view: LINEAR, options: option('λ_max'), testId: 'compare-sharpness', label: 'Sharpness of each run' },
];

/** The task's overlaid charts, each redrawn only when its own histories change. */
function CompareCharts({ labels, quantities }: { labels: readonly RunLabel[]; quantities: readonly CompareQuantity[] }) {
  return (
    <div className="chart-grid">
      {CHARTS.filter((chart) => quantities.includes(chart.quantity)).map((chart) => (
        <CompareChart key={chart.quantity} {...chart} labels={labels} />
      ))}
    </div>
  );
}

function CompareChart({ quantity, view, options, testId, label, labels }: (typeof CHARTS)[number] & { labels: readonly RunLabel[] }) {
  const key = useTrainingStore(useShallow((s) => compareKey(s.runs, quantity)));
  // The key changes exactly when the curves do; the series are read from the store then.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const series = useMemo(() => compareSeries(useTrainingStore.getState().runs, labels, quantity), [key, labels, quantity]);
  return <LineChart series={series} view={view} width={WIDTH} height={HEIGHT} options={options} testId={testId} label={label} />;
}

/** One reliability diagram per run; re-rendered only when a calibration arrives. */
const ReliabilityMultiples = memo(function ReliabilityMultiples({ labels }: { labels: readonly RunLabel[] }) {
  const reports = useTrainingStore(useShallow((s) => s.runs.map((r) => r.calibration?.before ?? null)));
  return (
    <div className="multiples">
      {reports.map((report, i) => (
        <figure key={i} className="multiple">
          <ReliabilityDiagram report={report} size={180} testId={`reliability-multiple-${i}`} />
          <figcaption style={{ color: runColour(i) }} data-testid="reliability-caption">
            {labels[i]?.text ?? String.fromCharCode(65 + i)}
          </figcaption>
        </figure>
      ))}
    </div>
  );
});

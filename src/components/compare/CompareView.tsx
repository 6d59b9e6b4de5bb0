import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTrainingStore } from '../../app/trainingStore';
import { ReliabilityDiagram } from '../calibration/ReliabilityDiagram';
import { LineChart } from '../LineChart';
import { ExportPngButton } from '../export/ExportPngButton';
import type { LineChartOptions } from '../lineChartRender';
import { runColour, runLetter } from '../palette';
import { BoundaryMultiples } from './BoundaryMultiples';
import { compareCharts } from './compareSeries';
import { SummaryTable } from './SummaryTable';

const WIDTH = 250;
const HEIGHT = 150;
const option = (yLabel: string): LineChartOptions => ({ margin: { top: 16, left: 46 }, yLabel, xTicks: 4, yTicks: 4 });
const OPTIONS = { accuracy: option('validation accuracy'), ece: option('ECE (test)'), gradient: option('‖∇L‖₂'), sharpness: option('λ_max') };

/**
 * Everything side by side for a comparison: the table, the quantities that tell losses apart
 * overlaid one colour per run, and small multiples of what is better seen separately.
 */
export function CompareView() {
  const runs = useTrainingStore((s) => s.runs);
  const frameCount = useTrainingStore((s) => s.frameCount);
  const reports = useTrainingStore(useShallow((s) => s.runs.map((r) => r.calibration?.before ?? null)));
  // The series change in place; frameCount marks each repaint.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const charts = useMemo(() => compareCharts(runs), [runs, frameCount]);
  const linear = useMemo(() => ({ logScale: false }), []);
  const log = useMemo(() => ({ logScale: true }), []);
  if (runs.length < 2) return null;
  return (
    <section className="panel compare-view" aria-label="Comparison" data-testid="compare-view">
      <header className="chart-header">
        <h2>Comparison</h2>
        <span className="legend">
          {runs.map((_, i) => (
            <span key={i} className="legend-item">
              <span className="swatch" style={{ background: runColour(i) }} /> {runLetter(i)}
            </span>
          ))}
        </span>
        <span className="note">same data, split and initial weights</span>
        <ExportPngButton chart="compare" label="the comparison charts" />
      </header>
      <SummaryTable />
      <div className="chart-grid">
        <LineChart series={charts.accuracy} view={linear} width={WIDTH} height={HEIGHT} options={OPTIONS.accuracy} testId="compare-accuracy" label="Validation accuracy of each run" />
        <LineChart series={charts.ece} view={linear} width={WIDTH} height={HEIGHT} options={OPTIONS.ece} testId="compare-ece" label="Test ECE of each run" />
        <LineChart series={charts.gradientNorm} view={log} width={WIDTH} height={HEIGHT} options={OPTIONS.gradient} testId="compare-gradient" label="Gradient norm of each run" />
        <LineChart series={charts.sharpness} view={linear} width={WIDTH} height={HEIGHT} options={OPTIONS.sharpness} testId="compare-sharpness" label="Sharpness of each run" />
      </div>
      <h3>Decision boundaries</h3>
      <BoundaryMultiples />
      <h3>Reliability (test split)</h3>
      <div className="multiples">
        {reports.map((report, i) => (
          <figure key={i} className="multiple">
            <ReliabilityDiagram report={report} size={180} testId={`reliability-multiple-${i}`} />
            <figcaption style={{ color: runColour(i) }}>{runLetter(i)}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}

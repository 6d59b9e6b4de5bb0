import { useMemo, useState } from 'react';
import { useConfigStore } from '../../app/configStore';
import { useSelectedRunState } from '../../app/selectedRunState';
import { formatMagnitude, nextDueStep } from '../calibration/format';
import { LineChart } from '../LineChart';
import { ExportPngButton } from '../export/ExportPngButton';
import { ShowingRun } from '../compare/ShowingRun';
import type { LineChartOptions } from '../lineChartRender';
import { GLOBAL_COLOUR, telemetryCharts, telemetryLayerCount, telemetryLayers } from './telemetrySeries';

const WIDTH = 230;
const HEIGHT = 150;

function chartOptions(yLabel: string): LineChartOptions {
  return { margin: { top: 16, left: 48 }, yLabel, xTicks: 4, yTicks: 4 };
}

const OPTIONS = {
  gradient: chartOptions('‖∇L‖₂'),
  ratio: chartOptions('‖Δθ_l‖ / ‖θ_l‖'),
  distance: chartOptions('‖θ − θ₀‖₂'),
  logits: chartOptions('mean ‖logits‖₂'),
};

/** Gradient norms, update-to-weight ratios, distance travelled and logit growth over training. */
export function TelemetryPanel() {
  const telemetry = useSelectedRunState((r) => r.telemetry);
  const step = useSelectedRunState((r) => r.step);
  const every = useConfigStore((s) => s.config.metrics.telemetryEvery);
  const modelLayers = useConfigStore((s) => s.config.model.layers);
  const [logScale, setLogScale] = useState(true);
  const charts = useMemo(() => telemetryCharts(telemetry), [telemetry]);
  const view = useMemo(() => ({ logScale, zeroBased: !logScale }), [logScale]);
  const layers = telemetryLayers(telemetry.length > 0 ? telemetryLayerCount(telemetry) : modelLayers + 1);
  const latest = telemetry.at(-1);

  return (
    <section className="panel telemetry-panel" aria-label="Gradient telemetry" data-testid="telemetry-panel">
      <header className="chart-header">
        <h2>Inside training</h2>
        <ShowingRun />
        <span className="legend">
          <span className="swatch" style={{ background: GLOBAL_COLOUR }} /> global
          {layers.map((layer) => (
            <span key={layer.name} className="legend-item">
              <span className="swatch" style={{ background: layer.colour }} /> {layer.name}
            </span>
          ))}
        </span>
        <label className="toggle">
          <input type="checkbox" data-testid="telemetry-log" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> log scale
        </label>
        <ExportPngButton chart="telemetry" label="the telemetry charts" />
      </header>
      {telemetry.length === 0 && (
        <p className="note placeholder" data-testid="telemetry-waiting">
          Gradient telemetry is taken every {every.toLocaleString('en')} steps — waiting for step {(nextDueStep(step, every) ?? 0).toLocaleString('en')}.
        </p>
      )}
      <div className="chart-grid">
        <LineChart series={charts.gradientNorms} view={view} width={WIDTH} height={HEIGHT} options={OPTIONS.gradient} testId="gradient-norm-chart" label="Gradient norm over training, global and per layer" />
        <LineChart series={charts.updateRatios} view={view} width={WIDTH} height={HEIGHT} options={OPTIONS.ratio} testId="update-ratio-chart" label="Update-to-weight ratio per layer over training" />
        <LineChart series={charts.distanceFromInit} view={view} width={WIDTH} height={HEIGHT} options={OPTIONS.distance} testId="distance-chart" label="Distance from the initial weights over training" />
        <LineChart series={charts.logitNorm} view={view} width={WIDTH} height={HEIGHT} options={OPTIONS.logits} testId="logit-norm-chart" label="Mean logit norm over training" />
      </div>
      <dl className="metrics">
        <dt>‖∇L‖₂</dt>
        <dd data-testid="gradient-norm">{formatMagnitude(latest?.gradientNorm)}</dd>
        <dt>η now</dt>
        <dd data-testid="telemetry-learning-rate">{formatMagnitude(latest?.learningRate)}</dd>
        <dt>‖θ − θ₀‖₂</dt>
        <dd data-testid="distance-from-init">{formatMagnitude(latest?.distanceFromInit)}</dd>
        <dt>mean ‖logits‖₂</dt>
        <dd data-testid="logit-norm">{formatMagnitude(latest?.meanLogitNorm)}</dd>
      </dl>
    </section>
  );
}

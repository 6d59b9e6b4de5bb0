import { useMemo, useState } from 'react';
import { useConfigStore } from '../../app/configStore';
import { useSelectedRunState } from '../../app/selectedRunState';
import { useSelectedVariant } from '../../app/variantHooks';
import { optimizerById } from '../../engine/optimizers/registry';
import { formatMagnitude, nextDueStep } from '../calibration/format';
import { LineChart } from '../LineChart';
import { ExportPngButton } from '../export/ExportPngButton';
import { ShowingRun } from '../compare/ShowingRun';
import type { LineChartOptions } from '../lineChartRender';
import { SHARPNESS_COLOURS, eigenvalueName, sharpnessSeries, sharpnessThresholdLabel } from './sharpnessSeries';

const WIDTH = 460;
const HEIGHT = 200;
const LINEAR_OPTIONS: LineChartOptions = { margin: { top: 16 }, yLabel: 'λ' };
const LOG_OPTIONS: LineChartOptions = { margin: { top: 16 }, yLabel: '|λ|' };

/**
 * The dominant Hessian eigenvalue over training (λ_max, or λ_min when a negative one is larger in
 * magnitude), against the edge-of-stability threshold.
 */
export function SharpnessPanel() {
  const points = useSelectedRunState((r) => r.sharpness);
  const step = useSelectedRunState((r) => r.step);
  const every = useConfigStore((s) => s.config.metrics.sharpnessEvery);
  const optimizerName = useSelectedVariant((v) => optimizerById(v.optimizer.id).name);
  const [logScale, setLogScale] = useState(false);
  const { series, hasThreshold, hasNegative, yMax } = useMemo(() => sharpnessSeries(points, step, logScale), [points, step, logScale]);
  const view = useMemo(
    () => ({
      logScale,
      zeroBased: !logScale,
      xDomain: [0, Math.max(1, step, points.at(-1)?.step ?? 0)] as [number, number],
      ...(yMax !== null && { yMax }),
    }),
    [logScale, step, points, yMax],
  );
  const latest = points.at(-1);
  const latestName = eigenvalueName(latest?.eigenvalue);
  const label = sharpnessThresholdLabel(points);

  return (
    <section className="panel chart sharpness-panel" aria-label="Sharpness">
      <header className="chart-header">
        <h2>Sharpness</h2>
        <ShowingRun />
        <span className="legend">
          <span className="swatch" style={{ background: SHARPNESS_COLOURS.eigenvalue }} /> {logScale ? '|λ|' : 'λ'}, the dominant eigenvalue of the training-loss Hessian
          {latest?.preconditioned && ' preconditioned by Adam’s step sizes, P⁻¹H (Cohen et al. 2022)'}
          {hasNegative && (
            <>
              <span className="swatch" style={{ background: SHARPNESS_COLOURS.negative }} /> negative: λ_min dominates
            </>
          )}
          {hasThreshold && (
            <>
              <span className="swatch dashed" style={{ borderColor: SHARPNESS_COLOURS.threshold }} /> {label} (edge of stability)
            </>
          )}
        </span>
        <label className="toggle">
          <input type="checkbox" data-testid="sharpness-log" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> log scale
        </label>
        <ExportPngButton chart="sharpness" label="the sharpness chart" />
      </header>
      {every === 0 ? (
        <p className="note placeholder" data-testid="sharpness-off">
          Sharpness is off: set “Sharpness every N steps” under Metrics to measure it.
        </p>
      ) : (
        points.length === 0 && (
          <p className="note placeholder" data-testid="sharpness-waiting">
            λ_max is estimated every {every.toLocaleString('en')} steps — waiting for step {(nextDueStep(step, every) ?? 0).toLocaleString('en')}.
          </p>
        )
      )}
      {hasNegative && (
        <p className="note" data-testid="sharpness-negative-note">
          {latestName === 'λ_min' ? 'The latest estimate is negative' : 'Some estimates are negative'}: power iteration finds the eigenvalue of
          largest magnitude, and there it is λ_min &lt; 0 (|λ_min| &gt; λ_max), so the loss curves downward along its eigenvector.
          {logScale ? ' The log scale draws |λ|; the negative estimates are the marked points.' : ' They are the marked points below zero.'}
        </p>
      )}
      {points.length > 0 && !hasThreshold && (
        <p className="note" data-testid="sharpness-no-threshold">
          No 2/η line for {optimizerName}: an adaptive optimizer’s stability threshold applies to the preconditioned sharpness (the
          Hessian scaled by its per-parameter step sizes), not to λ_max, so no line is drawn.
        </p>
      )}
      {/* Keyed on the scale: the chart takes its options (the y label, λ or |λ|) when it is created. */}
      <LineChart key={logScale ? 'log' : 'linear'} series={series} view={view} width={WIDTH} height={HEIGHT} options={logScale ? LOG_OPTIONS : LINEAR_OPTIONS} className="loss-chart" testId="sharpness-chart" label="Top Hessian eigenvalue over training" />
      <dl className="metrics">
        <dt data-testid="sharpness-value-name">{latestName}</dt>
        <dd data-testid="sharpness-value">{formatMagnitude(latest?.eigenvalue)}</dd>
        <dt>{label}</dt>
        <dd data-testid="sharpness-threshold-value">{hasThreshold ? formatMagnitude(latest?.threshold) : '—'}</dd>
      </dl>
    </section>
  );
}

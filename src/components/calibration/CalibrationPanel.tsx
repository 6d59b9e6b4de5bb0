import { useState } from 'react';
import { useConfigStore } from '../../app/configStore';
import { useSelectedRunState } from '../../app/selectedRunState';
import { CalibrationHistory } from './CalibrationHistory';
import { CalibrationNumbers } from './CalibrationNumbers';
import { ConfidenceHistogram } from './ConfidenceHistogram';
import { ExportPngButton } from '../export/ExportPngButton';
import { ShowingRun } from '../compare/ShowingRun';
import { nextDueStep } from './format';
import { HISTOGRAM_COLOURS } from './histogramRender';
import { ReliabilityDiagram } from './ReliabilityDiagram';
import { RELIABILITY_COLOURS } from './reliabilityRender';

/**
 * Calibration of the test split: the reliability diagram and confidence histogram of the latest
 * report, its numbers, and ECE / NLL over training; optionally after temperature scaling.
 */
export function CalibrationPanel() {
  const calibration = useSelectedRunState((r) => r.calibration);
  const history = useSelectedRunState((r) => r.calibrationHistory);
  const step = useSelectedRunState((r) => r.step);
  const metrics = useConfigStore((s) => s.config.metrics);
  const classes = useConfigStore((s) => s.config.data.classes);
  const [scaled, setScaled] = useState(false);
  const report = calibration ? (scaled ? calibration.after : calibration.before) : null;
  const due = nextDueStep(step, metrics.calibrationEvery);
  const binary = calibration ? calibration.binary : classes === 2;

  return (
    <section className="panel calibration-panel" aria-label="Calibration" data-testid="calibration-panel">
      <header className="chart-header">
        <h2>Calibration</h2>
        <ShowingRun />
        <span className="note">
          test split · {metrics.bins} {metrics.binning} bins
          {calibration && ` · step ${calibration.step.toLocaleString('en')}`}
        </span>
        <label className="toggle" title="Divide the logits by T*, fitted on the validation split by minimising NLL">
          <input type="checkbox" data-testid="temperature-toggle" checked={scaled} onChange={(e) => setScaled(e.target.checked)} /> temperature scaling
        </label>
        <ExportPngButton chart="calibration" label="the calibration charts" />
      </header>
      {!calibration && (
        <p className="note placeholder" data-testid="calibration-waiting">
          Calibration is measured every {metrics.calibrationEvery.toLocaleString('en')} steps — waiting for step {(due ?? 0).toLocaleString('en')}.
        </p>
      )}
      {scaled && (
        <p className="note">
          {calibration ? (
            <>
              After temperature scaling, T* ={' '}
              <strong data-testid="temperature-value">{calibration.temperature.toPrecision(3)}</strong>
              {calibration.temperature > 1 ? ' (softens over-confident probabilities)' : calibration.temperature < 1 ? ' (sharpens under-confident probabilities)' : ''}. Accuracy is
              unchanged: dividing the logits by T keeps the arg-max.
            </>
          ) : (
            'T* is fitted on the validation split once calibration is measured.'
          )}
        </p>
      )}
      {binary && (
        <p className="note" data-testid="calibration-binary-note">
          Two classes: the diagram bins the top-label confidence max(p, 1 − p), which lies in [0.5, 1], not p(class 1); equal-width
          bins below 0.5 stay empty.
        </p>
      )}
      <div className="calibration-grid">
        <figure className="calibration-figure">
          <ReliabilityDiagram report={report} />
          <figcaption className="legend">
            <span className="swatch" style={{ background: RELIABILITY_COLOURS.accuracy }} /> accuracy
            <span className="swatch hatched" style={{ borderColor: RELIABILITY_COLOURS.gap }} /> gap to confidence
            <span className="swatch dashed" style={{ borderColor: 'currentColor' }} /> perfect
          </figcaption>
        </figure>
        <div className="calibration-side">
          <ConfidenceHistogram report={report} />
          <span className="legend">
            <span className="swatch" style={{ background: HISTOGRAM_COLOURS.correct }} /> correct
            <span className="swatch" style={{ background: HISTOGRAM_COLOURS.wrong }} /> wrong
          </span>
          <CalibrationNumbers before={calibration?.before ?? null} after={scaled ? (calibration?.after ?? null) : undefined} />
        </div>
      </div>
      <CalibrationHistory history={history} scaled={scaled} />
    </section>
  );
}

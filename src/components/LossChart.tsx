import { useEffect, useRef, useState } from 'react';
import { useTrainingStore } from '../app/trainingStore';
import { lossChartCreate, type LossChartRenderer } from './lossChartRender';

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
  const trainLoss = useTrainingStore((s) => s.trainLoss);
  const validationLoss = useTrainingStore((s) => s.validationLoss);
  const evaluation = useTrainingStore((s) => s.evaluation);

  useEffect(() => {
    if (!svgRef.current) return;
    renderer.current = lossChartCreate(svgRef.current, WIDTH, HEIGHT);
    return () => renderer.current?.dispose();
  }, []);

  useEffect(() => {
    const train = trainLoss.points();
    const validation = validationLoss.points();
    renderer.current?.update(
      [
        { name: 'train', colour: '#0072B2', steps: train.steps, values: train.values },
        { name: 'validation', colour: '#D55E00', steps: validation.steps, values: validation.values, dashed: true },
      ],
      logScale,
    );
  }, [frameCount, trainLoss, validationLoss, logScale]);

  return (
    <section className="panel chart" aria-label="Loss over training">
      <header className="chart-header">
        <h2>Loss</h2>
        <span className="legend">
          <span className="swatch" style={{ background: '#0072B2' }} /> train
          <span className="swatch dashed" style={{ borderColor: '#D55E00' }} /> validation
        </span>
        <label className="toggle">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> log scale
        </label>
      </header>
      <svg ref={svgRef} className="loss-chart" data-testid="loss-chart" />
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
    </section>
  );
}

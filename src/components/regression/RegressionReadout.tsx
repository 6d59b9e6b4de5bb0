import type { RegressionEvaluation } from '../../workers/protocol';

function format(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return Math.abs(value) >= 0.01 || value === 0 ? value.toFixed(3) : value.toExponential(2);
}

/**
 * A regression's errors at the step they were taken: test MSE and MAE beside those of predicting
 * the training mean (the bar a model must clear to have learned anything), and train and
 * validation MSE for overfitting.
 */
export function RegressionReadout({ evaluation, step }: { evaluation: RegressionEvaluation | null; step: number | null }) {
  if (!evaluation) return <p className="legend regression-readout">metrics appear with the first evaluation</p>;
  const { test, baseline, train, validation } = evaluation;
  const share = baseline.mse > 0 ? test.mse / baseline.mse : NaN;
  return (
    <dl className="regression-readout" data-testid="regression-readout" data-step={step ?? ''}>
      <div>
        <dt>test MSE</dt>
        <dd data-testid="regression-test-mse" data-value={test.mse}>
          {format(test.mse)}
        </dd>
      </div>
      <div>
        <dt title="Test MSE of predicting the training targets’ mean for every point">predicting the mean: MSE</dt>
        <dd className="readout-parts" data-testid="regression-baseline-mse" data-value={baseline.mse} title="Test MSE of predicting the training targets’ mean for every point; the share is the model’s test MSE as a part of it">
          <span>{format(baseline.mse)}</span>
          {Number.isFinite(share) && <span className="readout-share"> (model: {Math.round(share * 100)} % of it)</span>}
        </dd>
      </div>
      <div>
        <dt>test MAE</dt>
        <dd data-testid="regression-test-mae" title={`predicting the mean: ${format(baseline.mae)}`}>
          {format(test.mae)}
        </dd>
      </div>
      <div>
        <dt>train / val MSE</dt>
        <dd data-testid="regression-train-mse">
          {format(train.mse)} / {format(validation.mse)}
        </dd>
      </div>
    </dl>
  );
}

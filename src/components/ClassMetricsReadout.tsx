import { useSelectedRunState } from '../app/selectedRunState';
import { useTrainingStore } from '../app/trainingStore';
import { formatClassMetric, minorityLabel } from './classMetricsFormat';

/**
 * Per-class numbers of the test split beside the loss chart: balanced accuracy and macro-F1 (which
 * accuracy hides when one class is rare) and each class's recall, with the minority class named.
 */
export function ClassMetricsReadout() {
  const evaluation = useSelectedRunState((r) => r.evaluation);
  const classNames = useTrainingStore((s) => s.points?.classNames ?? null);
  const metrics = evaluation?.testClasses;
  const minority = evaluation?.minorityClasses ?? [];
  const name = (k: number): string => classNames?.[k] ?? `class ${k + 1}`;
  return (
    <dl className="metrics class-metrics" data-testid="class-metrics" aria-label="Per-class metrics of the test split">
      <dt>test balanced accuracy</dt>
      <dd data-testid="test-balanced-accuracy">{formatClassMetric(metrics?.balancedAccuracy)}</dd>
      <dt>test macro-F1</dt>
      <dd data-testid="test-macro-f1">{formatClassMetric(metrics?.macroF1)}</dd>
      <dt>test recall</dt>
      <dd className="wide" data-testid="test-recall">
        {metrics
          ? metrics.recall.map((r, k) => (
              <span key={k} data-testid={`test-recall-${k}`}>
                {k > 0 && ' · '}
                {name(k)} {formatClassMetric(r)}
              </span>
            ))
          : '—'}
      </dd>
      <dt>minority</dt>
      <dd className="wide" data-testid="minority-class">{evaluation ? minorityLabel(minority.map(name)) : '—'}</dd>
    </dl>
  );
}

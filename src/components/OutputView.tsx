import { useConfigStore } from '../app/configStore';
import { DecisionBoundary } from './DecisionBoundary';
import { RegressionOutput } from './regression/RegressionOutput';

/** The model's output over its inputs: the decision boundary when classifying, the fit in a regression. */
export function OutputView() {
  const task = useConfigStore((s) => s.config.task);
  return task === 'regression' ? <RegressionOutput /> : <DecisionBoundary />;
}

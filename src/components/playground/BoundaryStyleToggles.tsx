import { useConfigStore } from '../../app/configStore';

/** Why a preference run's plane has no test data to show (preferenceSession.ts: every prompt trains). */
const NO_TEST_SPLIT = 'A preference run trains on every prompt: there is no held-out test split to show';

/** TensorFlow Playground's "Show test data" and "Discretize output", for the decision boundary. */
export function BoundaryStyleToggles() {
  const style = useConfigStore((s) => s.config.boundary);
  const update = useConfigStore((s) => s.update);
  // The setting is kept as it is (for a later task with a test split); only the control is off.
  const noTestSplit = useConfigStore((s) => s.config.task === 'preference');
  return (
    <div className="boundary-style">
      <label className="toggle" data-testid="show-test-label" title={noTestSplit ? NO_TEST_SPLIT : 'Draw the validation and test points (rings) beside the training points'}>
        <input
          type="checkbox"
          data-testid="show-test"
          checked={style.showTest && !noTestSplit}
          disabled={noTestSplit}
          onChange={(e) => update((c) => void (c.boundary.showTest = e.target.checked))}
        />{' '}
        show test data
      </label>
      <label className="toggle" title="Colour each point of the plane by its predicted class only, without the confidence">
        <input type="checkbox" data-testid="discretize" checked={style.discretize} onChange={(e) => update((c) => void (c.boundary.discretize = e.target.checked))} /> discretize output
      </label>
    </div>
  );
}

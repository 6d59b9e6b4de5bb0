import { useConfigStore } from '../../app/configStore';

/** TensorFlow Playground's "Show test data" and "Discretize output", for the decision boundary. */
export function BoundaryStyleToggles() {
  const style = useConfigStore((s) => s.config.boundary);
  const update = useConfigStore((s) => s.update);
  return (
    <div className="boundary-style">
      <label className="toggle" title="Draw the validation and test points (rings) beside the training points">
        <input type="checkbox" data-testid="show-test" checked={style.showTest} onChange={(e) => update((c) => void (c.boundary.showTest = e.target.checked))} /> show test data
      </label>
      <label className="toggle" title="Colour each point of the plane by its predicted class only, without the confidence">
        <input type="checkbox" data-testid="discretize" checked={style.discretize} onChange={(e) => update((c) => void (c.boundary.discretize = e.target.checked))} /> discretize output
      </label>
    </div>
  );
}

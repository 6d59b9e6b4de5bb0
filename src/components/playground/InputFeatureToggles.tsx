import { useConfigStore } from '../../app/configStore';
import { useTrainingStore } from '../../app/trainingStore';
import { INPUT_FEATURE_INFO, INPUT_FEATURES, inputFeaturesFor } from '../../engine/inputFeatures';

/**
 * TensorFlow Playground's input features as toggles: the network sees the chosen functions of the
 * raw inputs. Features of x₂ need two input columns; data of more than two columns trains on its
 * own columns, and the toggles say so.
 */
export function InputFeatureToggles() {
  const features = useConfigStore((s) => s.config.model.features);
  const update = useConfigStore((s) => s.update);
  const inputs = useTrainingStore((s) => s.points?.features ?? 2);
  const used = inputFeaturesFor(features, inputs);
  const toggle = (id: string) =>
    update((c) => {
      const on = c.model.features.includes(id);
      // The last feature stays: a model needs an input.
      if (on && c.model.features.length === 1) return;
      c.model.features = on ? c.model.features.filter((f) => f !== id) : [...c.model.features, id];
    });
  return (
    <div className="field" data-testid="input-features">
      <span className="field-label" id="input-features-label">
        Input features
      </span>
      <div className="view-toggles" role="group" aria-labelledby="input-features-label">
        {INPUT_FEATURES.map((id) => {
          const info = INPUT_FEATURE_INFO[id];
          const on = features.includes(id);
          const unusable = used === null || info.inputs > inputs;
          return (
            <button
              key={id}
              type="button"
              className={on ? 'chip chip-on' : 'chip'}
              aria-pressed={on}
              disabled={unusable}
              title={unusable ? 'this data has no such input' : on && features.length === 1 ? 'the model needs at least one input' : undefined}
              data-testid={`feature-${id}`}
              onClick={() => toggle(id)}
            >
              {info.label}
            </button>
          );
        })}
      </div>
      {used === null && <p className="note">This data has {inputs} columns: the model sees them as they are.</p>}
    </div>
  );
}

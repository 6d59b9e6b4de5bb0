import { useConfigStore } from '../app/configStore';
import { LIMITS } from '../engine/config';
import { ACTIVATIONS, type Activation } from '../engine/mlp';
import { NumberField, SelectField, SliderField } from './fields';
import { MoeModelControls, MoeTrainingControls } from './moe/MoeControls';
import { InputFeatureToggles } from './playground/InputFeatureToggles';

export function ModelControls() {
  const model = useConfigStore((s) => s.config.model);
  const seed = useConfigStore((s) => s.config.seed);
  const update = useConfigStore((s) => s.update);
  return (
    <fieldset className="panel">
      <legend>Model</legend>
      <MoeModelControls />
      <SliderField
        label="Hidden layers"
        value={model.layers}
        {...LIMITS.layers}
        step={1}
        testId="layers"
        hint="0 is a linear model (logistic regression)"
        onChange={(layers) => update((c) => void (c.model.layers = layers))}
      />
      <SliderField
        label="Width"
        value={model.width}
        {...LIMITS.width}
        step={1}
        testId="width"
        disabled={model.layers === 0}
        onChange={(width) => update((c) => void (c.model.width = width))}
      />
      <SelectField<Activation>
        label="Activation"
        value={model.activation}
        testId="activation"
        options={ACTIVATIONS.map((a) => ({ value: a, label: a }))}
        onChange={(activation) => update((c) => void (c.model.activation = activation))}
      />
      <InputFeatureToggles />
      <NumberField
        label="Weight seed"
        value={seed}
        {...LIMITS.seed}
        step={1}
        testId="seed"
        hint="seeds the initial weights and the minibatch order"
        onChange={(value) => update((c) => void (c.seed = value))}
      />
      <MoeTrainingControls />
    </fieldset>
  );
}

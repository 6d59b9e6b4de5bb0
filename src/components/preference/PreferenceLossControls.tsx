import { useSelectedVariant, useUpdateVariant } from '../../app/variantHooks';
import { PREFERENCE_LOSSES, preferenceLossById } from '../../losses/preference/registry';
import { SelectField, SliderField } from '../fields';
import { Formula } from '../Formula';

const FAMILY_LABEL = { preference: 'preference', unlearning: 'unlearning' } as const;

/** The loss panel of task 'preference': the preference and unlearning losses, their parameters and sources. */
export function PreferenceLossControls() {
  const loss = useSelectedVariant((v) => v.loss);
  const updateVariant = useUpdateVariant();
  const spec = preferenceLossById(loss.id);
  return (
    <fieldset className="panel">
      <legend>Loss</legend>
      <SelectField
        label="Loss"
        value={loss.id}
        testId="loss"
        options={PREFERENCE_LOSSES.map((l) => ({ value: l.id, label: `${l.name} (${FAMILY_LABEL[l.family]})` }))}
        onChange={(id) => updateVariant((c) => void (c.loss = { id, params: {}, addons: {} }))}
      />
      <Formula tex={spec.tex} testId="loss-formula" />
      {spec.params.map((param) => (
        <SliderField
          key={param.id}
          label={param.label}
          value={loss.params[param.id] ?? param.default}
          min={param.min}
          max={param.max}
          step={param.step}
          hint={param.hint}
          testId={`loss-param-${param.id}`}
          onChange={(value) => updateVariant((c) => void (c.loss.params[param.id] = value))}
        />
      ))}
      <p className="note" data-testid="loss-note">
        {spec.note} <cite>{spec.source}</cite>
      </p>
    </fieldset>
  );
}

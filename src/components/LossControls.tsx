import { useConfigStore } from '../app/configStore';
import { LOSSES, lossById } from '../losses/registry';
import { SelectField, SliderField } from './fields';

export function LossControls() {
  const loss = useConfigStore((s) => s.config.loss);
  const classes = useConfigStore((s) => s.config.data.classes);
  const update = useConfigStore((s) => s.update);
  const spec = lossById(loss.id);
  const unavailable = spec.unavailableReason(classes);
  return (
    <fieldset className="panel">
      <legend>Loss</legend>
      <SelectField
        label="Loss"
        value={loss.id}
        testId="loss"
        options={LOSSES.map((l) => ({ value: l.id, label: l.name, disabledReason: l.id === loss.id ? null : l.unavailableReason(classes) }))}
        onChange={(id) => update((c) => void (c.loss = { id, params: {} }))}
      />
      {unavailable && (
        <p className="warning" role="alert" data-testid="loss-unavailable">
          {spec.name} is unavailable here: {unavailable}
        </p>
      )}
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
          onChange={(value) => update((c) => void (c.loss.params[param.id] = value))}
        />
      ))}
      <p className="note" data-testid="loss-note">{spec.note}</p>
    </fieldset>
  );
}

import { useSelectedVariant, useUpdateVariant } from '../app/variantHooks';
import { useConfigStore } from '../app/configStore';
import { LIMITS } from '../engine/config';
import { ADDONS } from '../losses/addons';
import { MIXUP_ALPHA_DEFAULT } from '../losses/mixup';
import { LOSSES, lossById } from '../losses/registry';
import { taskLossById, taskLosses } from '../losses/taskLosses';
import type { LossParamSpec } from '../losses/types';
import { SelectField, SliderField } from './fields';
import { Formula } from './Formula';
import { PreferenceLossControls } from './preference/PreferenceLossControls';

function ParamSliders(props: { specs: readonly LossParamSpec[]; values: Record<string, number>; prefix: string; onChange(id: string, value: number): void }) {
  return (
    <>
      {props.specs.map((param) => (
        <SliderField
          key={param.id}
          label={param.label}
          value={props.values[param.id] ?? param.default}
          min={param.min}
          max={param.max}
          step={param.step}
          hint={param.hint}
          {...(param.valueNames && { format: (v: number) => param.valueNames?.[Math.round(v - param.min)] ?? String(v) })}
          testId={`${props.prefix}-${param.id}`}
          onChange={(value) => props.onChange(param.id, value)}
        />
      ))}
    </>
  );
}

export function LossControls() {
  const loss = useSelectedVariant((v) => v.loss);
  const mixup = useSelectedVariant((v) => v.training.mixup);
  const classes = useConfigStore((s) => s.config.data.classes);
  const task = useConfigStore((s) => s.config.task);
  const updateVariant = useUpdateVariant();
  if (task === 'preference') return <PreferenceLossControls />;
  const classifying = task === 'classification';
  const spec = taskLossById(task, loss.id);
  const unavailable = classifying ? lossById(loss.id).unavailableReason(classes, loss.params) : null;
  return (
    <fieldset className="panel">
      <legend>Loss</legend>
      <SelectField
        label="Loss"
        value={loss.id}
        testId="loss"
        options={
          classifying
            ? LOSSES.map((l) => ({ value: l.id, label: l.name, disabledReason: l.id === loss.id ? null : l.unavailableReason(classes) }))
            : taskLosses(task).map((l) => ({ value: l.id, label: l.name }))
        }
        onChange={(id) => updateVariant((c) => void (c.loss = { id, params: {}, addons: c.loss.addons }))}
      />
      {unavailable && (
        <p className="warning" role="alert" data-testid="loss-unavailable">
          {spec.name} is unavailable here: {unavailable}
        </p>
      )}
      <Formula tex={spec.tex} testId="loss-formula" />
      <ParamSliders
        specs={spec.params}
        values={loss.params}
        prefix="loss-param"
        onChange={(id, value) => updateVariant((c) => void (c.loss.params[id] = value))}
      />
      <p className="note" data-testid="loss-note">
        {spec.note} <cite>{spec.source}</cite>
      </p>
      <div className="addons" role="group" aria-label="Add-ons">
        {/* The add-ons act on class logits; a regression has none (configParts.ts). */}
        {(classifying ? ADDONS : []).map((addon) => {
          const params = loss.addons[addon.id];
          return (
            <div key={addon.id} className="addon">
              <label className="check" title={addon.note}>
                <input
                  type="checkbox"
                  data-testid={`addon-${addon.id}`}
                  checked={params !== undefined}
                  onChange={(event) =>
                    updateVariant((c) => {
                      if (event.target.checked) c.loss.addons[addon.id] = {};
                      else delete c.loss.addons[addon.id];
                    })
                  }
                />
                + {addon.name}
              </label>
              {params && (
                <ParamSliders
                  specs={addon.params}
                  values={params}
                  prefix={`addon-${addon.id}`}
                  onChange={(id, value) => updateVariant((c) => void (c.loss.addons[addon.id]![id] = value))}
                />
              )}
            </div>
          );
        })}
        <label className="check" title="Train on convex combinations of example pairs and their labels">
          <input
            type="checkbox"
            data-testid="mixup"
            checked={mixup > 0}
            onChange={(event) => updateVariant((c) => void (c.training.mixup = event.target.checked ? MIXUP_ALPHA_DEFAULT : 0))}
          />
          mixup
        </label>
        {mixup > 0 && (
          <SliderField
            label="mixup α"
            value={mixup}
            min={0.05}
            max={LIMITS.mixup.max}
            step={0.05}
            testId="mixup-alpha"
            hint="λ ~ Beta(α, α): small α mixes little, α = 1 mixes uniformly"
            onChange={(alpha) => updateVariant((c) => void (c.training.mixup = alpha))}
          />
        )}
      </div>
    </fieldset>
  );
}

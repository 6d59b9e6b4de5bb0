import { useConfigStore } from '../../app/configStore';
import { LIMITS } from '../../engine/config';
import { NumberField, SelectField, SliderField } from '../fields';
import { TaskSelect } from '../data/TaskSelect';

/** The data panel of task 'preference': the prompts, the responses, the pairs' noise and the forget set. */
export function PreferenceDataControls() {
  const data = useConfigStore((s) => s.config.data);
  const preference = useConfigStore((s) => s.config.preference);
  const update = useConfigStore((s) => s.update);
  return (
    <fieldset className="panel">
      <legend>Data</legend>
      <TaskSelect />
      {/* One generator for now; the select says which data this is, as in the other tasks' panels. */}
      <SelectField<'prompts'> label="Dataset" value="prompts" testId="dataset" options={[{ value: 'prompts', label: 'Prompts on the plane' }]} onChange={() => undefined} />
      <p className="note field-note" data-testid="dataset-description">
        Prompts are points of the plane; response y is best near its centre (hidden reward −‖x − c_y‖²). Each prompt has one pair (y_w, y_l) labelled by that reward.
      </p>
      <SliderField label="Prompts" value={data.points} {...LIMITS.points} step={10} testId="points" onChange={(points) => update((c) => void (c.data.points = points))} />
      <SliderField
        label="Responses K"
        value={preference.responses}
        {...LIMITS.preferenceResponses}
        step={1}
        testId="preference-responses"
        onChange={(responses) => update((c) => void (c.preference.responses = responses))}
      />
      <SliderField
        label="Label noise"
        value={preference.labelNoise}
        {...LIMITS.preferenceLabelNoise}
        step={0.01}
        format={(v) => v.toFixed(2)}
        hint="Chance that a pair's preference is swapped"
        testId="preference-label-noise"
        onChange={(labelNoise) => update((c) => void (c.preference.labelNoise = labelNoise))}
      />
      <SliderField
        label="Forget set"
        value={preference.forgetFraction}
        {...LIMITS.preferenceForgetFraction}
        step={0.05}
        format={(v) => `${Math.round(v * 100)} %`}
        hint="Unlearning: the share of prompts (those nearest a seeded point) whose answers are to be forgotten"
        testId="preference-forget"
        onChange={(forgetFraction) => update((c) => void (c.preference.forgetFraction = forgetFraction))}
      />
      <SliderField
        label="Warm-up steps"
        value={preference.warmupSteps}
        {...LIMITS.preferenceWarmupSteps}
        step={10}
        hint="Unlearning starts from the policy fine-tuned this many Adam steps on every prompt's best response; so does every run of a comparison that has an unlearning run"
        testId="preference-warmup"
        onChange={(warmupSteps) => update((c) => void (c.preference.warmupSteps = warmupSteps))}
      />
      <NumberField label="Data seed" value={data.seed} {...LIMITS.seed} step={1} testId="data-seed" onChange={(seed) => update((c) => void (c.data.seed = seed))} />
    </fieldset>
  );
}

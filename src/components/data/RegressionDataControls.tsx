import { useConfigStore } from '../../app/configStore';
import { LIMITS } from '../../engine/config';
import { REGRESSION_DATA_INFO, REGRESSION_KINDS, type RegressionKind } from '../../engine/regressionData';
import { isRegressionKind } from '../../engine/task';
import { NumberField, SelectField, SliderField } from '../fields';
import { TaskSelect } from './TaskSelect';

/** The data panel of a regression: the generated targets, their count, noise and seed. */
export function RegressionDataControls() {
  const data = useConfigStore((s) => s.config.data);
  const update = useConfigStore((s) => s.update);
  const kind: RegressionKind = isRegressionKind(data.kind) ? data.kind : 'sine';
  const generated = isRegressionKind(data.kind);
  return (
    <fieldset className="panel">
      <legend>Data</legend>
      <TaskSelect />
      <SelectField<RegressionKind>
        label="Dataset"
        value={kind}
        testId="dataset"
        options={REGRESSION_KINDS.map((k) => ({ value: k, label: REGRESSION_DATA_INFO[k].label }))}
        onChange={(next) =>
          update((c) => {
            c.data.kind = next;
            c.data.csv = { name: '', label: '', hash: '' };
          })
        }
      />
      {generated && (
        <p className="note field-note" data-testid="dataset-description">
          {REGRESSION_DATA_INFO[kind].description}
        </p>
      )}
      <SliderField
        label="Points"
        value={data.points}
        {...LIMITS.points}
        step={10}
        testId="points"
        disabled={!generated}
        onChange={(points) => update((c) => void (c.data.points = points))}
      />
      <SliderField
        label="Noise"
        value={data.noise}
        {...LIMITS.noise}
        step={0.05}
        testId="noise"
        disabled={!generated}
        hint="Noise on the targets (see the dataset's description)"
        format={(v) => v.toFixed(2)}
        onChange={(noise) => update((c) => void (c.data.noise = noise))}
      />
      <NumberField label="Data seed" value={data.seed} {...LIMITS.seed} step={1} testId="data-seed" onChange={(seed) => update((c) => void (c.data.seed = seed))} />
    </fieldset>
  );
}

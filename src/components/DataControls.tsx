import { useConfigStore } from '../app/configStore';
import { LIMITS } from '../engine/config';
import { DATASET_INFO, DATASET_KINDS, type DatasetKind } from '../engine/datasets';
import { NumberField, SelectField, SliderField } from './fields';

export function DataControls() {
  const data = useConfigStore((s) => s.config.data);
  const update = useConfigStore((s) => s.update);
  const info = DATASET_INFO[data.kind];
  return (
    <fieldset className="panel">
      <legend>Data</legend>
      <SelectField<DatasetKind>
        label="Dataset"
        value={data.kind}
        testId="dataset"
        options={DATASET_KINDS.map((kind) => ({ value: kind, label: DATASET_INFO[kind].label }))}
        onChange={(kind) => update((c) => void (c.data.kind = kind))}
      />
      <SliderField
        label="Points"
        value={data.points}
        {...LIMITS.points}
        step={10}
        testId="points"
        onChange={(points) => update((c) => void (c.data.points = points))}
      />
      <SliderField
        label="Noise"
        value={data.noise}
        {...LIMITS.noise}
        step={0.05}
        testId="noise"
        format={(v) => v.toFixed(2)}
        onChange={(noise) => update((c) => void (c.data.noise = noise))}
      />
      <SliderField
        label="Classes"
        value={data.classes}
        min={info.minClasses}
        max={Math.max(info.maxClasses, info.minClasses + 1)}
        step={1}
        testId="classes"
        disabled={info.minClasses === info.maxClasses}
        hint={info.minClasses === info.maxClasses ? `${info.label} has ${info.minClasses} classes` : 'number of classes'}
        onChange={(classes) => update((c) => void (c.data.classes = classes))}
      />
      <NumberField
        label="Data seed"
        value={data.seed}
        {...LIMITS.seed}
        step={1}
        testId="data-seed"
        onChange={(seed) => update((c) => void (c.data.seed = seed))}
      />
    </fieldset>
  );
}

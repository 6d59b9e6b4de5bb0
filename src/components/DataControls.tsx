import { useConfigStore } from '../app/configStore';
import { LABEL_NOISE_KINDS, LIMITS, type LabelNoiseKind } from '../engine/config';
import { DATASET_INFO, DATASET_KINDS, datasetClasses, datasetIsGenerated, type DatasetKind } from '../engine/datasets';
import { useDataTableStore } from '../app/dataTableStore';
import { NumberField, SelectField, SliderField } from './fields';
import { CsvUpload } from './data/CsvUpload';
import { DatasetSource } from './data/DatasetSource';
import { RegressionDataControls } from './data/RegressionDataControls';
import { SplitControls } from './playground/SplitControls';
import { TaskSelect } from './data/TaskSelect';
import { PreferenceDataControls } from './preference/PreferenceDataControls';

const NOISE_KIND_LABELS: Record<LabelNoiseKind, string> = {
  symmetric: 'symmetric',
  pair: 'pair flips',
};

export function DataControls() {
  const task = useConfigStore((s) => s.config.task);
  if (task === 'preference') return <PreferenceDataControls />;
  return (
    <>
      {task === 'regression' ? <RegressionDataControls /> : <ClassificationDataControls />}
      <SplitControls />
    </>
  );
}

function ClassificationDataControls() {
  const config = useConfigStore((s) => s.config.data);
  const update = useConfigStore((s) => s.update);
  // The clamp keeps a classification config on classification data; the check only narrows the type.
  const data = { ...config, kind: (DATASET_KINDS as readonly string[]).includes(config.kind) ? (config.kind as DatasetKind) : 'circle' };
  const info = DATASET_INFO[data.kind];
  const table = useDataTableStore((s) => s.table);
  const fileName = useDataTableStore((s) => s.file?.name ?? null);
  const fileLabel = useDataTableStore((s) => s.file?.label ?? null);
  const generated = datasetIsGenerated(data.kind);
  // "Your CSV file" is offered once a file is loaded; before, the upload below is the way in.
  const kinds = DATASET_KINDS.filter((kind) => kind !== 'csv' || table !== null);
  return (
    <fieldset className="panel">
      <legend>Data</legend>
      <TaskSelect />
      <SelectField<DatasetKind>
        label="Dataset"
        value={data.kind}
        testId="dataset"
        options={kinds.map((kind) => ({ value: kind, label: kind === 'csv' && fileName ? `CSV: ${fileName}` : DATASET_INFO[kind].label }))}
        onChange={(kind) =>
          update((c) => {
            c.data.kind = kind;
            c.data.classes = kind === 'csv' && table ? table.classes : datasetClasses(kind, c.data.classes);
            // The file's name and hash are in the config (and the link) only while it is the data.
            c.data.csv = kind === 'csv' && table && fileLabel !== null ? { name: table.name, label: fileLabel, hash: table.hash } : { name: '', label: '', hash: '' };
            c.data.view = { mode: c.data.view.mode, x: 0, y: 1 };
            c.data.added = [];
          })
        }
      />
      <DatasetSource kind={data.kind} />
      <CsvUpload />
      {generated ? (
        <>
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
            hint="Gaussian jitter of the points"
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
        </>
      ) : (
        // Real data brings its own rows, measurements and classes: the generators' sliders would do nothing.
        <p className="note field-note" data-testid="data-fixed-note">
          Points, noise and classes are set by the data: every row is used as measured, with its own classes.
        </p>
      )}
      <SliderField
        label="Minority fraction"
        value={data.minorityFraction}
        {...LIMITS.minorityFraction}
        step={0.05}
        testId="minority-fraction"
        hint={generated ? "Class imbalance: with two classes, the minority class's share of the points" : 'Class imbalance on real data: a seeded subset of each class after the first'}
        format={(v) => v.toFixed(2)}
        onChange={(fraction) => update((c) => void (c.data.minorityFraction = fraction))}
      />
      <p className="note field-note" data-testid="minority-note">
        {data.minorityFraction >= 0.5
          ? generated
            ? '0.5 = balanced classes.'
            : '0.5 = every row; lower keeps a subset of each class after the first.'
          : !generated
            ? `0.5 = every row; each class after the first keeps at most ${(data.minorityFraction / (1 - data.minorityFraction)).toFixed(2)}× the first class's rows.`
            : data.classes === 2
            ? `0.5 = balanced; the minority class holds ${Math.round(data.minorityFraction * 100)} % of the points.`
            : `0.5 = balanced; every class but the first has ${(data.minorityFraction / (1 - data.minorityFraction)).toFixed(2)}× as many points as it.`}
      </p>
      <SliderField
        label="Label noise"
        value={data.labelNoise}
        {...LIMITS.labelNoise}
        step={0.01}
        testId="label-noise"
        hint="Fraction of training labels flipped; validation and test labels stay clean"
        format={(v) => (v === 0 ? 'off' : `${Math.round(v * 100)} %`)}
        onChange={(rate) => update((c) => void (c.data.labelNoise = rate))}
      />
      <div title="Symmetric: a flipped label moves to any other class, uniformly. Pair flips: class k moves to k + 1 (mod K).">
        <SelectField<LabelNoiseKind>
          label="Label noise kind"
          value={data.labelNoiseKind}
          testId="label-noise-kind"
          options={LABEL_NOISE_KINDS.map((kind) => ({ value: kind, label: NOISE_KIND_LABELS[kind] }))}
          onChange={(kind) => update((c) => void (c.data.labelNoiseKind = kind))}
        />
      </div>
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

import { useConfigStore } from '../../app/configStore';
import { LIMITS } from '../../engine/config';
import { REGRESSION_DATA_INFO, REGRESSION_KINDS, type RegressionKind } from '../../engine/regressionData';
import { isRegressionKind } from '../../engine/task';
import { NumberField, SelectField, SliderField } from '../fields';
import { TaskSelect } from './TaskSelect';
import { CsvUpload } from './CsvUpload';
import { useDataTableStore } from '../../app/dataTableStore';

/** The data panel of a regression: the generated targets, their count, noise and seed. */
export function RegressionDataControls() {
  const data = useConfigStore((s) => s.config.data);
  const update = useConfigStore((s) => s.update);
  const table = useDataTableStore((s) => s.table);
  const fileLabel = useDataTableStore((s) => s.file?.label ?? null);
  // "Your CSV file" is offered once a file with a numeric target is loaded.
  const csvTable = table?.targets ? table : null;
  const kind: RegressionKind | 'csv' = isRegressionKind(data.kind) ? data.kind : data.kind === 'csv' ? 'csv' : 'sine';
  const generated = isRegressionKind(data.kind);
  return (
    <fieldset className="panel">
      <legend>Data</legend>
      <TaskSelect />
      <SelectField<RegressionKind | 'csv'>
        label="Dataset"
        value={kind}
        testId="dataset"
        options={[
          ...REGRESSION_KINDS.map((k) => ({ value: k, label: REGRESSION_DATA_INFO[k].label })),
          ...(csvTable ? [{ value: 'csv' as const, label: `CSV: ${csvTable.name}` }] : []),
        ]}
        onChange={(next) =>
          update((c) => {
            c.data.kind = next;
            // The file's name and hash are in the config (and the link) only while it is the data.
            c.data.csv = next === 'csv' && csvTable && fileLabel !== null ? { name: csvTable.name, label: fileLabel, hash: csvTable.hash } : { name: '', label: '', hash: '' };
          })
        }
      />
      {isRegressionKind(kind) ? (
        <p className="note field-note" data-testid="dataset-description">
          {REGRESSION_DATA_INFO[kind].description}
        </p>
      ) : (
        csvTable && (
          <p className="note field-note" data-testid="dataset-source">
            {csvTable.name}: {csvTable.y.length.toLocaleString('en')} rows, target “{fileLabel}”, {csvTable.features} feature{csvTable.features === 1 ? '' : 's'} (
            {csvTable.featureNames.join(', ')}), standardised; the target in its own units.
          </p>
        )
      )}
      <CsvUpload />
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

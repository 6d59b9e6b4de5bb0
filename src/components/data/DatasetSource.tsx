import { useDataTableStore } from '../../app/dataTableStore';
import type { DatasetKind } from '../../engine/datasets';
import { REAL_DATA_INFO } from '../../engine/realDataInfo';

/** Where a real dataset comes from and under what licence; for a file, what was read from it. */
export function DatasetSource({ kind }: { kind: DatasetKind }) {
  const table = useDataTableStore((s) => s.table);
  const file = useDataTableStore((s) => s.file);
  if (kind === 'iris' || kind === 'penguins') {
    const info = REAL_DATA_INFO[kind];
    return (
      <div className="dataset-source" data-testid="dataset-source">
        <p>
          {info.rows} {kind === 'iris' ? 'flowers' : 'penguins'}, {info.classNames.length} classes ({info.classNames.join(', ')}), {info.featureNames.length} features (
          {info.featureNames.join(', ')}), standardised.
          {info.dropped && <> {info.dropped}.</>}
        </p>
        <p data-testid="dataset-licence">
          <strong>Licence:</strong> {info.licence}.
        </p>
        <p>
          <strong>Source:</strong> {info.source} Read from the <code>{info.packageName}</code> package.{' '}
          <a href={info.url} target="_blank" rel="noreferrer noopener">
            {info.url}
          </a>
        </p>
      </div>
    );
  }
  if (kind === 'csv' && table && file) {
    return (
      <div className="dataset-source" data-testid="dataset-source">
        <p>
          {file.name}: {table.y.length.toLocaleString('en')} rows, {table.classes} classes of “{file.label}” ({table.classNames.join(', ')}), {table.features}{' '}
          feature{table.features === 1 ? '' : 's'} ({table.featureNames.join(', ')}), standardised.
        </p>
      </div>
    );
  }
  return null;
}

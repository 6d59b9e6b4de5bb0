import { useId, useRef } from 'react';
import { useConfigStore } from '../../app/configStore';
import { dataTableChooseLabel, dataTableDismiss, dataTableUpload, useDataTableStore } from '../../app/dataTableStore';

/**
 * Upload of a CSV file: numeric columns become features, the label column (picked here) the
 * classes. A file that cannot be used shows why, and nothing else changes. File contents are
 * only ever shown as React text, never as HTML.
 */
export function CsvUpload() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const file = useDataTableStore((s) => s.file);
  const pending = useDataTableStore((s) => s.pending);
  const error = useDataTableStore((s) => s.error);
  const labelSource = pending ?? file;
  const regression = useConfigStore((s) => s.config.task === 'regression');
  return (
    <div className="csv-upload">
      <label htmlFor={id}>Upload CSV</label>
      <input
        id={id}
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
        data-testid="csv-file"
        onChange={async (event) => {
          const chosen = event.target.files?.[0];
          if (!chosen) return;
          dataTableUpload(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
          // The same file can be chosen again after fixing it.
          if (input.current) input.current.value = '';
        }}
      />
      <p className="note field-note">
        {regression
          ? 'A header row; numeric feature columns; one numeric target column; at most 10,000 rows; UTF-8.'
          : 'A header row; numeric feature columns; one label column with 2–6 classes; at most 10,000 rows; UTF-8.'}
      </p>
      {labelSource && (
        <div className="field">
          <label htmlFor={`${id}-label`}>
            {regression ? 'Target column' : 'Label column'}
            {pending ? ` of ${pending.name}` : ''}
          </label>
          <select id={`${id}-label`} value={labelSource.label} data-testid="csv-label" onChange={(event) => dataTableChooseLabel(event.target.value)}>
            {labelSource.cells.header.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && (
        <div className="csv-error" role="alert" data-testid="csv-error">
          <p>{error}</p>
          <p className="note">The data in use has not changed.</p>
          <button type="button" onClick={dataTableDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

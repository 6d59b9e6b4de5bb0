import { useRef, useState, type ChangeEvent } from 'react';
import { useConfigStore } from '../../app/configStore';
import { downloadBlob, downloadText, exportFileName } from '../../app/export/download';
import { dataTableFor } from '../../app/dataTableStore';
import { IMPORT_MAX_BYTES, importStoreApply, importStoreFail } from '../../app/export/importStore';
import { metricsCsv } from '../../app/export/metricsCsv';
import { surfaceImportFile } from '../../app/export/surfaceImportStore';
import { runJson } from '../../app/export/runJson';
import { runRecordFromState } from '../../app/export/runMetrics';
import { useTrainingStore } from '../../app/trainingStore';
import { configToSearch } from '../../app/urlCodec';

/** The config and every run's history as they are now (read on click, not subscribed to). */
function currentRuns() {
  const config = useConfigStore.getState().config;
  const runs = useTrainingStore.getState().runs.map(runRecordFromState);
  return { config, runs };
}

function exportCsv(): void {
  const { config, runs } = currentRuns();
  downloadText(metricsCsv(runs, config), exportFileName('metrics', 'csv', new Date()), 'text/csv;charset=utf-8');
}

function exportJson(): void {
  const { config, runs } = currentRuns();
  const now = new Date();
  // The link to the config alone: the backend and other machine choices are not the experiment's.
  const url = `${window.location.origin}${window.location.pathname}?${configToSearch(config)}`;
  downloadText(runJson(config, runs, { url, exportedAt: now }), exportFileName('run', 'json', now), 'application/json');
}

/** The experiment as a PyTorch project (zip); the exporter and its zip library load only now. */
async function exportTorch(): Promise<void> {
  const config = useConfigStore.getState().config;
  const { torchProjectZip } = await import('../../torchExport/projectZip');
  const bytes = torchProjectZip(config, dataTableFor(config));
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), exportFileName('pytorch', 'zip', new Date()));
}

async function importFile(file: File): Promise<void> {
  if (file.size > IMPORT_MAX_BYTES) {
    importStoreFail(`“${file.name}” is ${(file.size / 2 ** 20).toFixed(0)} MB, too large for a run file.`);
    return;
  }
  try {
    importStoreApply(file.name, await file.text());
  } catch (error) {
    importStoreFail(`“${file.name}” could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** The header's Export menu: the metric history as CSV, the run as JSON, and importing a run or a PyTorch surface back. */
export function ExportMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute('open');
  const [torchError, setTorchError] = useState<string | null>(null);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    close();
    if (!file) return;
    void importFile(file).finally(() => {
      input.value = ''; // the same file can be chosen again
    });
  };

  const onSurfaceFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    close();
    if (!file) return;
    void surfaceImportFile(file).finally(() => {
      input.value = '';
    });
  };

  return (
    <details ref={menu} className="export-menu" data-testid="export-menu">
      <summary>Export</summary>
      <div className="export-menu-items" role="group" aria-label="Export and import">
        <button
          type="button"
          data-testid="export-csv"
          title="Every recorded step of every run: losses, accuracy, calibration, gradient norms, sharpness"
          onClick={() => {
            exportCsv();
            close();
          }}
        >
          Metrics (CSV)
        </button>
        <button
          type="button"
          data-testid="export-json"
          title="The configuration and the metrics, to open again with Import"
          onClick={() => {
            exportJson();
            close();
          }}
        >
          Run (JSON)
        </button>
        <button
          type="button"
          data-testid="export-torch"
          title="A Python project that trains this experiment (or comparison) with PyTorch: the same points, initial weights, losses, optimizers, metrics and landscape"
          onClick={() => {
            setTorchError(null);
            exportTorch().then(close, (error: unknown) => setTorchError(`PyTorch export failed: ${error instanceof Error ? error.message : String(error)}`));
          }}
        >
          PyTorch project (zip)
        </button>
        {torchError && (
          <p role="alert" className="export-menu-error" data-testid="export-torch-error">
            {torchError}
          </p>
        )}
        <label className="export-menu-import" title="Open a run saved with Run (JSON): its configuration is loaded and its curves shown for reference">
          Import run (JSON)…
          <input type="file" accept=".json,application/json" data-testid="import-json" onChange={onFile} />
        </label>
        <label className="export-menu-import" title="View a loss surface computed by an exported PyTorch project (its landscape.py writes surface.json); you can also drop the file on the landscape">
          Import surface (JSON)…
          <input type="file" accept=".json,application/json" data-testid="import-surface" onChange={onSurfaceFile} />
        </label>
      </div>
    </details>
  );
}

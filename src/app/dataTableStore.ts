// The uploaded CSV file, kept in the app: its rows never go into the config or the URL (a link
// names the file; the file itself must be uploaded again). The trainer gets the table with each
// configure command (trainerClient.ts).
//
// A file that cannot be used changes nothing but the error shown: the data in use, the runs and
// the config stay as they were.
import { create } from 'zustand';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../engine/config';
import { csvRead, type CsvCells } from '../engine/csv';
import { csvDefaultLabel, csvTable } from '../engine/csvTable';
import type { DataTable } from '../engine/dataTable';
import { DATASET_INFO } from '../engine/datasets';
import { csvDefaultTarget, csvRegressionTable } from '../engine/csvRegressionTable';
import { REGRESSION_DATA_INFO } from '../engine/regressionData';
import { useConfigStore } from './configStore';

/** Bigger files are refused unread: 10 000 rows of a few dozen numbers is well under this. */
export const CSV_MAX_BYTES = 8 * 1024 * 1024;

interface DataTableState {
  /** The file in use (when the data kind is 'csv'), its cells kept so another label column can be picked. */
  file: { name: string; cells: CsvCells; label: string } | null;
  table: DataTable | null;
  /** A file that was read but whose label column does not work yet: the label picker offers it. */
  pending: { name: string; cells: CsvCells; label: string } | null;
  /** Why the last file or label could not be used, in words; the data in use did not change. */
  error: string | null;
}

export const useDataTableStore = create<DataTableState>(() => ({ file: null, table: null, pending: null, error: null }));

/** Reads an uploaded file: on success it becomes the data (training restarts on it); on failure only the error is set. */
export function dataTableUpload(name: string, bytes: Uint8Array): boolean {
  if (bytes.length > CSV_MAX_BYTES) {
    return fail(`The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${CSV_MAX_BYTES / 1024 / 1024} MB (and 10,000 rows) can be used.`);
  }
  const cells = csvRead(bytes);
  if (!cells.ok) return fail(`${name}: ${cells.error}`, null);
  // A regression's target is a number; a classifier's label is usually text.
  const regression = useConfigStore.getState().config.task === 'regression';
  return tableApply(name, cells.value, regression ? csvDefaultTarget(cells.value) : csvDefaultLabel(cells.value));
}

/** Picks another label column of the file in use (or of the file waiting for one). */
export function dataTableChooseLabel(label: string): boolean {
  const { file, pending } = useDataTableStore.getState();
  const source = pending ?? file;
  if (!source) return false;
  return tableApply(source.name, source.cells, label);
}

/** Forgets a file whose label column did not work. */
export function dataTableDismiss(): void {
  useDataTableStore.setState({ pending: null, error: null });
}

function tableApply(name: string, cells: CsvCells, label: string): boolean {
  const regression = useConfigStore.getState().config.task === 'regression';
  const table = regression ? csvRegressionTable(cells, label, name) : csvTable(cells, label, name);
  if (!table.ok) return fail(`${name}: ${table.error}`, { name, cells, label });
  useDataTableStore.setState({ file: { name, cells, label }, table: table.value, pending: null, error: null });
  useConfigStore.getState().update((c) => {
    c.data.kind = 'csv';
    c.data.csv = { name, label, hash: table.value.hash };
    // A regression's table has one "class"; the config's class count is classification's.
    if (!regression) c.data.classes = table.value.classes;
    c.data.view = { mode: 'features', x: 0, y: Math.min(1, table.value.features - 1) };
    c.data.added = [];
  });
  return true;
}

function fail(error: string, pending: DataTableState['pending'] = null): false {
  useDataTableStore.setState({ error, pending });
  return false;
}

/** The table a config trains on: the uploaded one if it is the file the config names; null otherwise. */
export function dataTableFor(config: ExperimentConfig): DataTable | null {
  const { table, file } = useDataTableStore.getState();
  if (config.data.kind !== 'csv' || !table || !file) return null;
  const { csv } = config.data;
  return csv.hash === table.hash && csv.label === file.label ? table : null;
}

/** A CSV experiment whose file is not loaded (a link, an old history entry). */
export function dataTableMissing(config: ExperimentConfig): boolean {
  return config.data.kind === 'csv' && dataTableFor(config) === null;
}

/**
 * If the config trains on a CSV file that is not loaded, switches to generated data and says
 * so beside the other notices. Returns whether it did.
 */
export function dataTableFallback(): boolean {
  const store = useConfigStore.getState();
  if (!dataTableMissing(store.config)) return false;
  const name = store.config.data.csv.name;
  const regression = store.config.task === 'regression';
  const fallback = regression ? 'sine' : 'circle';
  const label = regression ? REGRESSION_DATA_INFO.sine.label : DATASET_INFO.circle.label;
  const notice = `This experiment trained on an uploaded CSV file${name ? ` (${name})` : ''}, and files are not part of links: upload it again (Data → Upload CSV). Showing ${label} meanwhile.`;
  const notices = store.notices;
  store.update((c) => {
    c.data.kind = fallback;
    c.data.classes = DEFAULT_CONFIG.data.classes;
  });
  useConfigStore.setState({ notices: [...notices, notice] });
  return true;
}

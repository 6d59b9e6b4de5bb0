import { create } from 'zustand';
import { configTrainingKey, type ExperimentConfig } from '../../engine/config';
import { useConfigStore } from '../configStore';
import { runJsonParse } from './runJson';
import type { RunRecord } from './runMetrics';

/**
 * A run imported from a file, kept as a reference beside the live runs: its config is loaded
 * (so the experiment reruns with the same data and initial weights) and its metrics are shown
 * as a summary and a faint curve in the loss chart. The reference belongs to that experiment:
 * Reset and replaying keep it, to compare the rerun with it; changing anything that defines the
 * training (data, model, loss, optimizer, seed) drops it, and so does dismissing it.
 */
export interface ImportedRun {
  fileName: string;
  exportedAt: Date | null;
  runs: RunRecord[];
  /** The training part of the imported config, to tell when the experiment changes. */
  trainingKey: string;
}

interface ImportState {
  imported: ImportedRun | null;
  /** Why the last file could not be imported; nothing else changed. */
  error: string | null;
}

export const useImportStore = create<ImportState>(() => ({ imported: null, error: null }));

/** Files larger than this are refused unread: a run file of 100 000 steps is a few MB. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

function trainingKey(config: ExperimentConfig): string {
  return configTrainingKey(config);
}

/** Loads a run file's text: on success the config is replaced and the reference set; on failure only the error is. */
export function importStoreApply(fileName: string, text: string): boolean {
  const parsed = runJsonParse(text);
  if (!parsed.ok) {
    useImportStore.setState({ error: parsed.error });
    return false;
  }
  const configStore = useConfigStore.getState();
  configStore.replace(parsed.config);
  // What the clamp had to change is shown like any other adjusted input.
  useConfigStore.setState({ notices: parsed.notices });
  const config = useConfigStore.getState().config;
  useImportStore.setState({ imported: { fileName, exportedAt: parsed.exportedAt, runs: parsed.runs, trainingKey: trainingKey(config) }, error: null });
  return true;
}

export function importStoreFail(error: string): void {
  useImportStore.setState({ error });
}

export function importStoreDismiss(): void {
  useImportStore.setState({ imported: null, error: null });
}

export function importStoreDismissError(): void {
  useImportStore.setState({ error: null });
}

// The reference goes when the experiment it belongs to does.
useConfigStore.subscribe((state, previous) => {
  const imported = useImportStore.getState().imported;
  if (!imported || state.config === previous.config) return;
  if (trainingKey(state.config) !== imported.trainingKey) useImportStore.setState({ imported: null });
});

import type { ExperimentConfig } from './config';
import { TASK_DEFAULTS, type Task } from './task';

/**
 * Switches a config (in place, as a store draft) to another task: the task's default data and
 * loss for every run, no add-ons. Everything else (model, optimizer, seeds) carries over.
 */
export function configSetTask(draft: ExperimentConfig, task: Task): void {
  if (draft.task === task) return;
  const defaults = TASK_DEFAULTS[task];
  draft.task = task;
  draft.data.kind = defaults.dataKind;
  draft.data.csv = { name: '', label: '', hash: '' };
  draft.data.added = [];
  draft.data.view = { ...draft.data.view, x: 0, y: 1 };
  const loss = { id: defaults.lossId, params: {}, addons: {} };
  draft.loss = structuredClone(loss);
  for (const run of draft.compare.runs) run.loss = structuredClone(loss);
}

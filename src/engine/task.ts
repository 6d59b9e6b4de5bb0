import { DATASET_KINDS, type DatasetKind } from './datasets';
import { REGRESSION_KINDS, type RegressionKind } from './regressionData';

/**
 * What the model learns: a class (classification) or a real number (regression). The task scopes
 * the ids of the data and the loss: `loss=mse` is the classification MSE on one-hot targets under
 * `task=classification` and the regression MSE under `task=regression`, so a link names the task
 * once and keeps the loss's plain name. A later task is one more entry here and in TASK_DEFAULTS.
 */
export const TASKS = ['classification', 'regression', 'preference'] as const;
export type Task = (typeof TASKS)[number];

/**
 * A dataset of any task. The ids of the tasks' generators differ; `csv` is an uploaded file in either.
 * `prompts` is the preference task's generated problem (engine/preference/problem.ts).
 */
export type DataKind = DatasetKind | RegressionKind | 'prompts';

/** The data kinds a task can train on. */
export const TASK_DATA_KINDS: Record<Task, readonly DataKind[]> = {
  classification: DATASET_KINDS,
  regression: [...REGRESSION_KINDS, 'csv'],
  preference: ['prompts'],
};

/** Where a task starts when a link names only the task. */
export const TASK_DEFAULTS: Record<Task, { dataKind: DataKind; lossId: string }> = {
  classification: { dataKind: 'circle', lossId: 'ce' },
  regression: { dataKind: 'sine', lossId: 'mse' },
  preference: { dataKind: 'prompts', lossId: 'dpo' },
};

/** Every data kind of any task, for parsing a link before its task is known. */
export const ALL_DATA_KINDS: readonly DataKind[] = [...new Set(Object.values(TASK_DATA_KINDS).flat())];

export function isRegressionKind(kind: string): kind is RegressionKind {
  return (REGRESSION_KINDS as readonly string[]).includes(kind);
}

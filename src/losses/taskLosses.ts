// The losses of each task, behind one lookup: the config, the URL and the loss picker ask here
// rather than in one task's registry, since a loss id means something only within its task.
import type { Task } from '../engine/task';
import { LOSSES, lossById, lossParamsResolve } from './registry';
import { REGRESSION_LOSSES, regressionLossById, regressionLossParamsResolve } from './regression/regressionLosses';
import { PREFERENCE_LOSSES, preferenceLossById, preferenceLossParamsResolve } from './preference/registry';
import type { LossParamSpec, LossParams } from './types';

/** What the picker and the labels show of a loss, whatever its task. */
export interface LossInfo {
  id: string;
  name: string;
  tex: string;
  note: string;
  source: string;
  params: readonly LossParamSpec[];
}

export function taskLosses(task: Task): readonly LossInfo[] {
  return task === 'regression' ? REGRESSION_LOSSES : task === 'preference' ? PREFERENCE_LOSSES : LOSSES;
}

export function taskLossIds(task: Task): string[] {
  return taskLosses(task).map((loss) => loss.id);
}

/** The loss with this id in this task; throws on an unknown id, naming it and the task. */
export function taskLossById(task: Task, id: string): LossInfo {
  return task === 'regression' ? regressionLossById(id) : task === 'preference' ? preferenceLossById(id) : lossById(id);
}

/** A complete parameter set for a loss of a task: defaults filled in, values clamped. */
export function taskLossParamsResolve(task: Task, id: string, given: Readonly<Record<string, unknown>> = {}): LossParams {
  if (task === 'preference') return preferenceLossParamsResolve(preferenceLossById(id), given);
  return task === 'regression' ? regressionLossParamsResolve(regressionLossById(id), given) : lossParamsResolve(lossById(id), given);
}

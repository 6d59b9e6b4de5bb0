// Clamping for task 'preference': its problem settings, and each task kept to its own losses.
import { DEFAULT_CONFIG, LIMITS, type PreferenceConfig, type RunVariant, type Task } from './config';
import type { ClampTools } from './configParts';
import { preferenceLossFind, preferenceLossParamsResolve, PREFERENCE_LOSSES } from '../losses/preference/registry';
import { lossById, lossParamsResolve } from '../losses/registry';

export function preferenceClamp(given: Record<string, unknown>, d: PreferenceConfig, tools: ClampTools): PreferenceConfig {
  const { number } = tools;
  return {
    responses: number('preference.responses', given.responses, LIMITS.preferenceResponses, d.responses, true),
    labelNoise: number('preference.labelNoise', given.labelNoise, LIMITS.preferenceLabelNoise, d.labelNoise),
    forgetFraction: number('preference.forgetFraction', given.forgetFraction, LIMITS.preferenceForgetFraction, d.forgetFraction),
    warmupSteps: number('preference.warmupSteps', given.warmupSteps, LIMITS.preferenceWarmupSteps, d.warmupSteps, true),
  };
}

/**
 * A run's loss must belong to its task: a classification loss under task 'preference' becomes DPO,
 * a preference loss under another task becomes the default loss, each with a notice.
 */
export function taskLossClamp<T extends RunVariant>(task: Task, run: T, prefix: string, changes: string[], givenId: unknown): T {
  const isPreference = preferenceLossFind(run.loss.id) !== undefined;
  if (task === 'preference' && !isPreference) {
    const dpo = PREFERENCE_LOSSES[0]!;
    // A link that only says task=preference gets DPO without a notice: nothing asked was changed.
    if (givenId !== undefined) changes.push(`${prefix}loss "${run.loss.id}" is not a preference loss → ${dpo.id}`);
    return { ...run, loss: { id: dpo.id, params: { ...preferenceLossParamsResolve(dpo) }, addons: {} } };
  }
  if (task !== 'preference' && isPreference) {
    const id = DEFAULT_CONFIG.loss.id;
    changes.push(`${prefix}loss "${run.loss.id}" needs task=preference → ${id}`);
    return { ...run, loss: { id, params: { ...lossParamsResolve(lossById(id)) }, addons: run.loss.addons } };
  }
  if (task === 'preference' && Object.keys(run.loss.addons).length > 0) {
    changes.push(`${prefix}add-ons apply to classification losses only → none`);
    return { ...run, loss: { ...run.loss, addons: {} } };
  }
  return run;
}

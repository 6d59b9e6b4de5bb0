// Clamping of task 'preference''s problem settings (its losses are scoped by task.ts like any task's).
import type { PreferenceConfig } from './config';
import { LIMITS } from './configDefaults';
import type { ClampTools } from './configParts';

export function preferenceClamp(given: Record<string, unknown>, d: PreferenceConfig, tools: ClampTools): PreferenceConfig {
  const { number } = tools;
  return {
    responses: number('preference.responses', given.responses, LIMITS.preferenceResponses, d.responses, true),
    labelNoise: number('preference.labelNoise', given.labelNoise, LIMITS.preferenceLabelNoise, d.labelNoise),
    forgetFraction: number('preference.forgetFraction', given.forgetFraction, LIMITS.preferenceForgetFraction, d.forgetFraction),
    warmupSteps: number('preference.warmupSteps', given.warmupSteps, LIMITS.preferenceWarmupSteps, d.warmupSteps, true),
  };
}

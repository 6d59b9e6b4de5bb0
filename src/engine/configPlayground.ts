// Clamping of the settings TensorFlow Playground has and Losscape took over: the input features,
// how the boundary is drawn, and the play speed. Kept apart from config.ts (what a config is).
import type { ClampTools } from './configParts';
import { INPUT_FEATURES, isInputFeatureId } from './inputFeatures';

export const PLAYGROUND_LIMITS = {
  trainFraction: { min: 0.1, max: 0.9 },
  /** Steps per animation frame; 0 is "as fast as it trains". */
  stepsPerFrame: { min: 0, max: 1000 },
} as const;

/**
 * A list of input feature ids: unknown ones dropped, the rest in catalogue order without repeats;
 * an empty or unreadable list falls back (a model needs at least one input). Whether the data has
 * the inputs a feature reads (x₂ on 1-D data) is the data's concern (inputFeaturesFor).
 */
export function inputFeaturesClamp(value: unknown, fallback: readonly string[], tools: ClampTools): string[] {
  if (value === undefined) return [...fallback];
  const given = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : null;
  if (!given) {
    tools.changes.push(`model.features is not a list → ${fallback.join(',')}`);
    return [...fallback];
  }
  const unknown = given.filter((id) => !isInputFeatureId(id));
  if (unknown.length > 0) tools.changes.push(`model.features: unknown ${unknown.join(', ')} ignored (known: ${INPUT_FEATURES.join(', ')})`);
  const chosen = INPUT_FEATURES.filter((id) => given.includes(id));
  if (chosen.length === 0) {
    tools.changes.push(`model.features needs at least one feature → ${fallback.join(',')}`);
    return [...fallback];
  }
  return chosen;
}

export function boundaryClamp<T extends { showTest: boolean; discretize: boolean }>(given: Record<string, unknown>, d: T, tools: ClampTools): T {
  return { ...d, showTest: tools.flag('boundary.showTest', given.showTest, d.showTest), discretize: tools.flag('boundary.discretize', given.discretize, d.discretize) };
}

export function playbackClamp<T extends { stepsPerFrame: number }>(given: Record<string, unknown>, d: T, tools: ClampTools): T {
  return { ...d, stepsPerFrame: tools.number('playback.stepsPerFrame', given.stepsPerFrame, PLAYGROUND_LIMITS.stepsPerFrame, d.stepsPerFrame, true) };
}

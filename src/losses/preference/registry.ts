import { clampNumber } from '../../engine/clamp';
import type { LossParams } from '../types';
import { dpo, ipo, rpo, simpo } from './marginLosses';
import { gradientAscent, npo, npoRetain } from './unlearningLosses';
import type { PreferenceLossSpec } from './types';

/** The losses of task=preference, in menu order: preference optimisation, then unlearning. */
export const PREFERENCE_LOSSES: readonly PreferenceLossSpec[] = [dpo, ipo, simpo, rpo, gradientAscent, npo, npoRetain];

const BY_ID = new Map(PREFERENCE_LOSSES.map((loss) => [loss.id, loss]));

export function preferenceLossIds(): string[] {
  return PREFERENCE_LOSSES.map((loss) => loss.id);
}

/** The preference loss with this id; throws on an unknown id, naming it. */
export function preferenceLossById(id: string): PreferenceLossSpec {
  const loss = BY_ID.get(id);
  if (!loss) throw new Error(`unknown preference loss: ${id}`);
  return loss;
}

export function preferenceLossFind(id: string): PreferenceLossSpec | undefined {
  return BY_ID.get(id);
}

/** A complete parameter set: defaults filled in, every value clamped to its range. */
export function preferenceLossParamsResolve(loss: PreferenceLossSpec, given: Readonly<Record<string, unknown>> = {}): LossParams {
  const params: Record<string, number> = {};
  for (const spec of loss.params) params[spec.id] = clampNumber(given[spec.id], spec.min, spec.max, spec.default);
  return params;
}

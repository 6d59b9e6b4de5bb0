import { clampNumber } from '../../engine/clamp';
import type { LossParams } from '../types';
import { hlGauss } from './hlGauss';
import { huber } from './huber';
import { logCosh } from './logCosh';
import { regressionMae } from './mae';
import { regressionMse } from './mse';
import { pinball } from './pinball';
import { twoHot } from './twoHot';
import type { RegressionLossSpec } from './types';

/** Every regression loss, in menu order. Adding one is one file plus one line here. */
export const REGRESSION_LOSSES: readonly RegressionLossSpec[] = [regressionMse, regressionMae, huber, logCosh, pinball, hlGauss, twoHot];

const BY_ID = new Map(REGRESSION_LOSSES.map((loss) => [loss.id, loss]));

export function regressionLossIds(): string[] {
  return REGRESSION_LOSSES.map((loss) => loss.id);
}

/** The regression loss with this id; throws on an unknown id, naming it. */
export function regressionLossById(id: string): RegressionLossSpec {
  const loss = BY_ID.get(id);
  if (!loss) throw new Error(`unknown regression loss: ${id}`);
  return loss;
}

/** A complete parameter set: defaults filled in, every value clamped to its range, integer steps rounded. */
export function regressionLossParamsResolve(loss: RegressionLossSpec, given: Readonly<Record<string, unknown>> = {}): LossParams {
  const params: Record<string, number> = {};
  for (const spec of loss.params) {
    const value = clampNumber(given[spec.id], spec.min, spec.max, spec.default);
    params[spec.id] = Number.isInteger(spec.step) && Number.isInteger(spec.min) ? Math.round(value) : value;
  }
  return params;
}

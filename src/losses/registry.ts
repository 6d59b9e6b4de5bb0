import { anyloss } from './anyloss';
import { brier } from './brier';
import { ce } from './ce';
import { ceTemp } from './ceTemp';
import { compSum, gce, mae } from './compSum';
import { dco } from './dco';
import { dice, softDice } from './dice';
import { ensloss } from './ensloss';
import { focal } from './focal';
import { hinge, sqHinge } from './hinge';
import { labelSmoothing } from './labelSmoothing';
import { ldam } from './ldam';
import { ldrKl } from './ldrKl';
import { logitAdjusted } from './logitAdjusted';
import { mse } from './mse';
import { sce } from './sce';
import { zSpherical } from './zSpherical';
import type { LossParams, LossSpec } from './types';
import { clampNumber } from '../engine/clamp';

/** Every loss the app offers, in menu order. Adding a loss is one file plus one line here. */
export const LOSSES: readonly LossSpec[] = [
  ce,
  ceTemp,
  labelSmoothing,
  focal,
  compSum,
  gce,
  mae,
  brier,
  mse,
  sce,
  hinge,
  sqHinge,
  ldrKl,
  zSpherical,
  dice,
  softDice,
  anyloss,
  dco,
  ldam,
  logitAdjusted,
  ensloss,
];

const BY_ID = new Map(LOSSES.map((loss) => [loss.id, loss]));

export function lossIds(): string[] {
  return LOSSES.map((loss) => loss.id);
}

/** The loss with this id; throws on an unknown id, naming it. */
export function lossById(id: string): LossSpec {
  const loss = BY_ID.get(id);
  if (!loss) throw new Error(`unknown loss: ${id}`);
  return loss;
}

/** A complete parameter set for a loss: defaults filled in, every value clamped to its range. */
export function lossParamsResolve(loss: LossSpec, given: Readonly<Record<string, unknown>> = {}): LossParams {
  const params: Record<string, number> = {};
  for (const spec of loss.params) params[spec.id] = clampNumber(given[spec.id], spec.min, spec.max, spec.default);
  return params;
}

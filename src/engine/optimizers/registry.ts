import { clampNumber } from '../clamp';
import { adam } from './adam';
import { sgd } from './sgd';
import type { OptimizerParams, OptimizerSpec } from './types';

/** Every optimizer the app offers, in menu order. */
export const OPTIMIZERS: readonly OptimizerSpec[] = [sgd, adam];

const BY_ID = new Map(OPTIMIZERS.map((optimizer) => [optimizer.id, optimizer]));

/** The optimizer with this id; throws on an unknown id, naming it. */
export function optimizerById(id: string): OptimizerSpec {
  const optimizer = BY_ID.get(id);
  if (!optimizer) throw new Error(`unknown optimizer: ${id}`);
  return optimizer;
}

/** Defaults filled in and every value clamped to its range. */
export function optimizerParamsResolve(optimizer: OptimizerSpec, given: Readonly<Record<string, unknown>> = {}): OptimizerParams {
  const params: Record<string, number> = {};
  for (const spec of optimizer.params) params[spec.id] = clampNumber(given[spec.id], spec.min, spec.max, spec.default);
  return params;
}

import { clampNumber } from '../clamp';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { ademamix } from './ademamix';
import { adamw } from './adamw';
import { grams } from './grams';
import { lion } from './lion';
import { momentum, nesterov } from './momentum';
import { normalizedGd } from './normalizedGd';
import { rmsprop } from './rmsprop';
import { sam } from './sam';
import { sgd } from './sgd';
import type { OptimizerParams, OptimizerSpec } from './types';

/** Every optimizer the app offers, in menu order. */
export const OPTIMIZERS: readonly OptimizerSpec[] = [
  sgd,
  momentum,
  nesterov,
  adagrad,
  rmsprop,
  adam,
  adamw,
  lion,
  sam,
  grams,
  ademamix,
  normalizedGd,
];

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

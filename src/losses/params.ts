import type { LossParamSpec, LossParams } from './types';

/** A parameter's value from a resolved set, or the spec's default when it is missing. */
export function paramValue(params: LossParams, spec: LossParamSpec): number {
  return params[spec.id] ?? spec.default;
}

import type { LossSpec } from '../types';
import type { RegressionLossSpec } from './types';

/**
 * A regression loss in the shape the training loop, mixup and the landscape take: a per-example
 * loss of the outputs against encoded targets (regressionTargets.ts encodes them once per loss).
 * Its float64 reference stays the RegressionLossSpec's, which takes the raw targets and support
 * that a LossSpec's reference (labels and a class context) cannot carry.
 */
export function regressionLossAsSpec(loss: RegressionLossSpec): LossSpec {
  return {
    id: loss.id,
    name: loss.name,
    tex: loss.tex,
    note: loss.note,
    source: loss.source,
    level: 'example',
    params: loss.params,
    unavailableReason: () => null,
    compute: (outputs, encodedTargets, params) => loss.compute(outputs, encodedTargets, params),
    reference: () => {
      throw new Error(`${loss.name} is a regression loss: its reference takes real targets (RegressionLossSpec.reference), not class labels`);
    },
  };
}

// The part every point loss shares: one output, which is the prediction, and a loss of the
// residual r = ŷ − y alone. Each loss file gives only its function of r, in tfjs and in float64.
import { tf, type Tensor2D } from '../../engine/tf';
import type { LossParamSpec, LossParams } from '../types';
import type { RegressionLossSpec } from './types';

export interface PointLossDefinition {
  id: string;
  name: string;
  tex: string;
  note: string;
  source: string;
  params: readonly LossParamSpec[];
  /** tfjs: ℓ(r) elementwise over residuals r = ŷ − y. */
  ofResidual(residual: Tensor2D, params: LossParams): Tensor2D;
  /** float64: the same ℓ(r). */
  ofResidualReference(residual: number, params: LossParams): number;
}

export function pointLoss(definition: PointLossDefinition): RegressionLossSpec {
  const { ofResidual, ofResidualReference, ...words } = definition;
  return {
    ...words,
    kind: 'point',
    outputs: () => 1,
    encodeTargets: (targets) => Float32Array.from(targets),
    compute: (outputs, encodedTargets, params) => tf.reshape(ofResidual(tf.sub(outputs, encodedTargets), params), [-1]),
    predict: (outputs) => tf.reshape(outputs, [-1]),
    reference: (outputs, targets, params) => outputs.map((row, i) => ofResidualReference(row[0]! - targets[i]!, params)),
    predictReference: (outputs) => outputs[0]!,
  };
}

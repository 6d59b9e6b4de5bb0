import type { Tensor1D, Tensor2D } from '../../engine/tf';
import type { LossParamSpec, LossParams } from '../types';

/**
 * The interval a histogram loss spreads its bins over. Targets outside it are clipped to it
 * (HL-Gauss, two-hot); point losses ignore it.
 */
export interface RegressionSupport {
  vMin: number;
  vMax: number;
}

/**
 * One regression loss. The model's last layer has `outputs(params)` units:
 * - `point` losses (MSE, MAE, Huber, log-cosh, pinball): one unit, which is the prediction;
 * - `histogram` losses (HL-Gauss, two-hot): m logits over m equal bins spanning the support; the
 *   prediction is the expectation of the softmax over the bin centres.
 *
 * Targets reach tfjs already encoded, one row per example with the same width as the outputs (the
 * target itself for a point loss, a histogram for a histogram loss), the way classification feeds
 * one-hot rows: the encoding depends only on the data and the parameters, so it is done once, in
 * float64, not at every step.
 */
export interface RegressionLossSpec {
  id: string;
  name: string;
  /** KaTeX source of the per-example formula. */
  tex: string;
  /** What it does and when one would use it, in a sentence or two. */
  note: string;
  /** The paper (or "textbook") it comes from. */
  source: string;
  kind: 'point' | 'histogram';
  params: readonly LossParamSpec[];
  /** How many output units the model needs under these parameters. */
  outputs(params: LossParams): number;
  /** Row-major `n × outputs(params)` encoded targets for the tfjs side. */
  encodeTargets(targets: readonly number[] | Float32Array, params: LossParams, support: RegressionSupport): Float32Array;
  /** tfjs: outputs `n × outputs` and encoded targets `n × outputs` → per-example losses `[n]`. */
  compute(outputs: Tensor2D, encodedTargets: Tensor2D, params: LossParams): Tensor1D;
  /** tfjs: outputs `n × outputs` → predictions `[n]`. */
  predict(outputs: Tensor2D, params: LossParams, support: RegressionSupport): Tensor1D;
  /** Plain TypeScript, float64, from the raw targets: one loss per example. */
  reference(outputs: readonly (readonly number[])[], targets: readonly number[], params: LossParams, support: RegressionSupport): number[];
  /** Plain TypeScript: the prediction from one example's outputs. */
  predictReference(outputs: readonly number[], params: LossParams, support: RegressionSupport): number;
}

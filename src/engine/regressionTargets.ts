import { tf, type Tensor2D } from './tf';
import { regressionSupport } from '../losses/regression/bins';
import { regressionLossById } from '../losses/regression/regressionLosses';
import type { RegressionSupport } from '../losses/regression/types';
import type { LossParams } from '../losses/types';

export type RegressionSplitName = 'train' | 'validation' | 'test';

/**
 * The real-valued targets of a regression's data, beside the split tensors every task has. The
 * split tensors' `targets` hold the raw targets (`n × 1`); what a loss trains on is their
 * encoding for that loss (a histogram for HL-Gauss and two-hot), made once per loss and
 * parameters and kept here, so the runs of a comparison and the landscape share it.
 */
export interface RegressionTargets {
  /** The target of every point of the dataset, in the dataset's order. */
  all: Float32Array;
  train: Float32Array;
  validation: Float32Array;
  test: Float32Array;
  /** The histogram losses' bins span this: the training targets' range and a margin (see REGRESSION_SUPPORT_MARGIN). */
  support: RegressionSupport;
  /** The training targets' mean: the prediction of the "predict the mean" baseline. */
  mean: number;
  /** Raw inputs before any feature map: 1 for a curve, 2 for a plane, more for a file. */
  inputs: number;
  /** The target column's name, for axes. */
  name: string;
  /** The targets of a split encoded for a loss (cached; disposed with the data). */
  encoded(lossId: string, params: LossParams, split: RegressionSplitName): Tensor2D;
  dispose(): void;
}

/**
 * Margin on each side of the training targets' range, as a share of that range. 10 % keeps the
 * extreme training targets a few bins from the edge (at m = 32, 3 bins), where HL-Gauss's
 * truncated Gaussian would pull their histogram mean inwards, and leaves room for held-out targets
 * a little beyond the training range.
 */
export const REGRESSION_SUPPORT_MARGIN = 0.1;

export function regressionTargetsCreate(values: { all: Float32Array; train: Float32Array; validation: Float32Array; test: Float32Array }, inputs: number, name: string): RegressionTargets {
  const support = regressionSupport(values.train, REGRESSION_SUPPORT_MARGIN);
  let sum = 0;
  for (const y of values.train) sum += y;
  const cache = new Map<string, Tensor2D>();
  return {
    ...values,
    support,
    mean: sum / Math.max(1, values.train.length),
    inputs,
    name,
    encoded(lossId, params, split) {
      const key = `${lossId}|${JSON.stringify(params)}|${split}`;
      let tensor = cache.get(key);
      if (!tensor) {
        const loss = regressionLossById(lossId);
        const width = loss.outputs(params);
        tensor = tf.tensor2d(loss.encodeTargets(values[split], params, support), [values[split].length, width]);
        cache.set(key, tensor);
      }
      return tensor;
    },
    dispose() {
      for (const tensor of cache.values()) tensor.dispose();
      cache.clear();
    },
  };
}

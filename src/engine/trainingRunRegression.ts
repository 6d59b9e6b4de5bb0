// A regression run's readings of its outputs: predicted values, and a histogram loss's most probable bins.
import { tf, type Tensor1D, type Tensor2D } from './tf';
import type { TrainingData } from './trainingData';
import { binCentres } from '../losses/regression/bins';
import type { RegressionLossSpec } from '../losses/regression/types';
import type { LossParams } from '../losses/types';

/** A regression's predictions from the model's outputs `logits` (`n × outputs`), `[n]`. */
export function regressionPredict(loss: RegressionLossSpec | null, data: TrainingData, logits: Tensor2D, params: LossParams): Tensor1D {
  const regression = data.regression;
  if (!loss || !regression) throw new Error('only a regression run predicts values');
  return loss.predict(logits, params, regression.support);
}

/**
 * For a histogram loss, the centre of each bin; the mode of a point's predicted distribution is
 * the centre of its most probable bin (where the mean may lie between two modes). Null for a
 * point loss or a classifier.
 */
export function histogramBinCentres(loss: RegressionLossSpec | null, data: TrainingData, params: LossParams): Float32Array | null {
  const regression = data.regression;
  if (!loss || !regression || loss.kind !== 'histogram') return null;
  return Float32Array.from(binCentres(regression.support, loss.outputs(params)));
}

/** Each point's most probable bin's centre from its bin logits (`n × bins`), `[n]`. */
export function histogramModes(centres: Float32Array, logits: Tensor2D): Tensor1D {
  return tf.gather(tf.tensor1d(centres), tf.argMax(logits, 1)) as Tensor1D;
}

// A histogram regression's most probable bins: the mode of each point's predicted distribution.
import { tf, type Tensor1D, type Tensor2D } from './tf';
import type { TrainingData } from './trainingData';
import { binCentres } from '../losses/regression/bins';
import type { RegressionLossSpec } from '../losses/regression/types';
import type { LossParams } from '../losses/types';

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

import type { LossShapeCurve } from '../lossShape';
import type { LossParams } from '../types';
import { binCentres } from './bins';
import { hlGaussHistogram } from './hlGauss';
import type { RegressionLossSpec, RegressionSupport } from './types';

/** Spread of the model's histogram when a two-hot loss is drawn against the residual, in bin widths. */
const TWO_HOT_MODEL_SIGMA = 0.75;
/** Step of the central differences that give the derivative. */
const H = 1e-4;

/**
 * A regression loss against the residual r = ŷ − y, for a target y in the middle of the support,
 * from its float64 reference. A point loss is its own function of r. A histogram loss is scored
 * on a distribution, so it is drawn for a model whose histogram is a Gaussian (σ the loss's own,
 * 0.75 bin widths for two-hot) around ŷ: a model that is sure of ŷ to about a bin, shifted by r.
 * The derivative is dℓ/dr by central differences.
 */
export function regressionShapeCurve(loss: RegressionLossSpec, params: LossParams, support: RegressionSupport, points = 121): LossShapeCurve {
  const y = (support.vMin + support.vMax) / 2;
  const reach = (support.vMax - support.vMin) / 2;
  const at = (r: number): number => loss.reference([modelOutputs(loss, params, support, y + r)], [y], params, support)[0]!;
  const x = Array.from({ length: points }, (_, i) => -reach + (2 * reach * i) / (points - 1));
  return { x, loss: x.map(at), derivative: x.map((r) => (at(r + H) - at(r - H)) / (2 * H)) };
}

function modelOutputs(loss: RegressionLossSpec, params: LossParams, support: RegressionSupport, prediction: number): number[] {
  if (loss.kind === 'point') return [prediction];
  const sigma = params.sigma ?? TWO_HOT_MODEL_SIGMA;
  // Logits of the model's histogram; a floor keeps the far tails finite.
  return hlGaussHistogram(prediction, { ...params, sigma }, support).map((p) => Math.log(Math.max(p, 1e-12)));
}

/** A histogram loss's target over its bins for one target: bin centres and probabilities (summing to 1). */
export function regressionTargetHistogram(loss: RegressionLossSpec, params: LossParams, support: RegressionSupport, target: number): { centres: number[]; probabilities: number[] } {
  const encoded = loss.encodeTargets([target], params, support);
  return { centres: binCentres(support, encoded.length), probabilities: Array.from(encoded) };
}

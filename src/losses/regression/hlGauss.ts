import { paramValue } from '../params';
import type { LossParamSpec, LossParams } from '../types';
import { binCount, binEdges, binWidth, clipToSupport, histogramLoss } from './bins';
import { normalCdf } from './normalCdf';
import type { RegressionSupport } from './types';

const SIGMA: LossParamSpec = { id: 'sigma', label: 'σ / w', default: 0.75, min: 0.1, max: 3, step: 0.05, hint: 'width of the Gaussian around the target, in bin widths' };

/**
 * The HL-Gauss target: N(y, σ²) with y clipped to the support, integrated over each bin with the
 * normal CDF and renormalised over the support, σ = (σ/w)·w. Near an edge the truncation moves the
 * histogram's mean inwards, by up to about σ·√(2/π) at the edge itself.
 */
export function hlGaussHistogram(target: number, params: LossParams, support: RegressionSupport): number[] {
  const bins = binCount(params);
  const sigma = paramValue(params, SIGMA) * binWidth(support, bins);
  const y = clipToSupport(target, support);
  const cdf = binEdges(support, bins).map((edge) => normalCdf((edge - y) / sigma));
  const total = cdf[bins]! - cdf[0]!;
  // Far in the upper tail both CDF values round to nearly 1 and their difference can come out as
  // −1e−16; a probability is never negative.
  return Array.from({ length: bins }, (_, i) => Math.max(0, cdf[i + 1]! - cdf[i]!) / total);
}

export const hlGauss = histogramLoss({
  id: 'hl-gauss',
  name: 'HL-Gauss',
  tex: '\\ell = -\\sum_{i=1}^{m} p_i(y) \\log \\operatorname{softmax}(z)_i,\\quad p_i(y) = \\frac{\\Phi\\big(\\tfrac{e_{i} - y}{\\sigma}\\big) - \\Phi\\big(\\tfrac{e_{i-1} - y}{\\sigma}\\big)}{\\Phi\\big(\\tfrac{v_{\\max} - y}{\\sigma}\\big) - \\Phi\\big(\\tfrac{v_{\\min} - y}{\\sigma}\\big)},\\quad \\hat y = \\sum_i \\operatorname{softmax}(z)_i\\, c_i',
  note: 'Regression as classification: the model outputs logits over m bins and is trained with cross-entropy against a Gaussian histogram of the target, and predicts the histogram mean. The spread of the Gaussian shares the target between neighbouring bins, which the paper finds makes training more robust to noisy and multi-modal targets than MSE (measured in deep RL); it recommends σ ≈ 0.75 bin widths. On this app\'s small datasets its mean fits no better than MSE\'s, with or without outliers; what it adds is a distribution whose mode can sit on one branch of a multi-modal target (the HL-Gauss lesson).',
  source: 'Stop Regressing: Training Value Functions via Classification for Scalable Deep RL (Farebrother et al. 2024)',
  params: [SIGMA],
  encode: hlGaussHistogram,
});

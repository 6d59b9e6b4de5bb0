import type { LossParams } from '../types';
import { binCentres, binCount, binWidth, histogramLoss } from './bins';
import type { RegressionSupport } from './types';

/**
 * The two-hot target: y clipped to [c_1, c_m] and its mass split linearly between the two bin
 * centres around it, so that Σ p_i c_i is the clipped target exactly.
 */
export function twoHotHistogram(target: number, params: LossParams, support: RegressionSupport): number[] {
  const bins = binCount(params);
  const width = binWidth(support, bins);
  const centres = binCentres(support, bins);
  const y = Math.min(centres[bins - 1]!, Math.max(centres[0]!, target));
  // The lower neighbour; at the top centre it is the second to last, with all the mass above it.
  const lower = Math.min(bins - 2, Math.floor((y - centres[0]!) / width));
  const upperShare = (y - centres[lower]!) / (centres[lower + 1]! - centres[lower]!);
  const histogram = new Array<number>(bins).fill(0);
  histogram[lower] = 1 - upperShare;
  histogram[lower + 1] = upperShare;
  return histogram;
}

export const twoHot = histogramLoss({
  id: 'two-hot',
  name: 'Two-hot',
  tex: '\\ell = -\\sum_{i=1}^{m} p_i(y) \\log \\operatorname{softmax}(z)_i,\\quad p_j = \\frac{c_{j+1} - y}{c_{j+1} - c_j},\\ p_{j+1} = 1 - p_j \\text{ for } c_j \\le y \\le c_{j+1}',
  note: 'Regression as classification with the target on the two nearest bin centres, weighted so that their mean is the target itself. Cross-entropy then gives a gradient that does not grow with the size of the error; the paper finds HL-Gauss, which spreads the target wider, usually better.',
  source: 'Stop Regressing: Training Value Functions via Classification for Scalable Deep RL (Farebrother et al. 2024)',
  params: [],
  encode: twoHotHistogram,
});

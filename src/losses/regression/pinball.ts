import { tf } from '../../engine/tf';
import { paramValue } from '../params';
import type { LossParamSpec } from '../types';
import { pointLoss } from './point';

const TAU: LossParamSpec = { id: 'tau', label: 'τ', default: 0.5, min: 0.01, max: 0.99, step: 0.01, hint: 'the quantile to predict: the share of targets the prediction should lie above' };

/** With r = ŷ − y: under-predicting costs τ per unit, over-predicting 1 − τ. */
export function refPinball(r: number, tau: number): number {
  return Math.max(-tau * r, (1 - tau) * r);
}

export const pinball = pointLoss({
  id: 'pinball',
  name: 'Pinball (quantile)',
  tex: '\\ell = \\max\\big(\\tau (y - \\hat y),\\ (1 - \\tau)(\\hat y - y)\\big)',
  note: 'Its minimiser is the τ-quantile of the target given the input, so it predicts a band edge rather than the centre: τ = 0.9 gives a line that 90 % of the points lie below. τ = 0.5 is half the absolute error (the median).',
  source: 'textbook (Koenker & Bassett 1978, Regression Quantiles)',
  params: [TAU],
  ofResidual: (r, params) => {
    const tau = paramValue(params, TAU);
    return tf.maximum(tf.mul(-tau, r), tf.mul(1 - tau, r));
  },
  ofResidualReference: (r, params) => refPinball(r, paramValue(params, TAU)),
});

import { tf } from '../../engine/tf';
import { paramValue } from '../params';
import type { LossParamSpec } from '../types';
import { pointLoss } from './point';

const DELTA: LossParamSpec = { id: 'delta', label: 'δ', default: 1, min: 0.01, max: 10, step: 0.01, hint: 'residual size where the loss turns from squared to linear' };

export function refHuber(r: number, delta: number): number {
  const a = Math.abs(r);
  return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}

export const huber = pointLoss({
  id: 'huber',
  name: 'Huber',
  tex: '\\ell = \\begin{cases} \\tfrac12 r^2 & \\lvert r \\rvert \\le \\delta \\\\ \\delta (\\lvert r \\rvert - \\tfrac12 \\delta) & \\text{otherwise} \\end{cases},\\quad r = \\hat y - y',
  note: 'Squared error for small residuals and absolute error for large ones: smooth near the fit like MSE, robust to outliers like MAE. δ sets where it switches, in the units of the target.',
  source: 'textbook (Huber 1964, Robust Estimation of a Location Parameter)',
  params: [DELTA],
  ofResidual: (r, params) => {
    const delta = paramValue(params, DELTA);
    // |r| split into a part inside δ and the rest: ½·inside² + δ·rest is Huber on both sides of δ
    // and differentiable at the switch, with no branch to select.
    const size = tf.abs(r);
    const inside = tf.minimum(size, delta);
    return tf.add(tf.mul(0.5, tf.square(inside)), tf.mul(delta, tf.sub(size, inside)));
  },
  ofResidualReference: (r, params) => refHuber(r, paramValue(params, DELTA)),
});

import { tf } from '../../engine/tf';
import { pointLoss } from './point';

export const regressionMae = pointLoss({
  id: 'mae',
  name: 'Mean absolute error',
  tex: '\\ell = \\lvert \\hat y - y \\rvert',
  note: 'Its minimiser is the conditional median, so outliers pull it far less than MSE. The gradient has the same size for every residual, which makes the last steps of training coarse with a fixed learning rate.',
  source: 'textbook',
  params: [],
  ofResidual: (r) => tf.abs(r),
  ofResidualReference: (r) => Math.abs(r),
});

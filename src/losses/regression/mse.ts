import { tf } from '../../engine/tf';
import { pointLoss } from './point';

export const regressionMse = pointLoss({
  id: 'mse',
  name: 'Mean squared error',
  tex: '\\ell = (\\hat y - y)^2',
  note: 'The default for regression: its minimiser is the conditional mean. Large residuals dominate, so a few outliers pull the fit, and on a target with two branches it predicts the average between them, where no data lies.',
  source: 'textbook',
  params: [],
  ofResidual: (r) => tf.square(r),
  ofResidualReference: (r) => r * r,
});

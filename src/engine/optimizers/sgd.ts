import { tf } from '../tf';
import type { OptimizerSpec } from './types';

export const sgd: OptimizerSpec = {
  id: 'sgd',
  name: 'SGD',
  tex: '\\theta \\leftarrow \\theta - \\eta g',
  defaultLearningRate: 0.1,
  params: [],
  create: () => ({
    apply(variables, gradients, learningRate) {
      tf.tidy(() => {
        variables.forEach((v, i) => v.assign(tf.sub(v, tf.mul(learningRate, gradients[i]!))));
      });
    },
    dispose() {},
  }),
};

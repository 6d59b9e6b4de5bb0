import { tf } from '../tf';
import { batchedRule, learningRateColumn } from './batchedRule';
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
    carry: { slots: [], t: 0 },
  }),
  batched: batchedRule({
    slots: 0,
    counts: false,
    columns: (runs) => ({ learningRate: learningRateColumn(runs) }),
    apply: (theta, g, _slots, c) => ({ theta: tf.sub(theta, tf.mul(c.learningRate, g)), slots: [] }),
  }),
};

import { tf } from '../tf';
import { tensorsNorm } from './norm';
import { batchedRule, learningRateColumn, rowNorms } from './batchedRule';
import type { OptimizerSpec } from './types';

/**
 * Normalised gradient descent: a step of length exactly η along −g, with ‖g‖ taken over all
 * parameters together (as studied in "From Logistic Regression to the Perceptron Algorithm:
 * Exploring Gradient Descent with Large Step Sizes"). A zero gradient gives no step.
 *   θ ← θ − η g/‖g‖
 */
export const normalizedGd: OptimizerSpec = {
  id: 'normalized-gd',
  name: 'Normalized GD',
  tex: '\\theta \\leftarrow \\theta - \\eta\\, g / \\lVert g \\rVert',
  defaultLearningRate: 0.1,
  params: [],
  create: () => ({
    apply(vars, gradients, learningRate) {
      tf.tidy(() => {
        const scale = tf.div(learningRate, tf.maximum(tensorsNorm(gradients), 1e-12));
        vars.forEach((theta, i) => theta.assign(tf.sub(theta, tf.mul(scale, gradients[i]!))));
      });
    },
    dispose() {},
    carry: { slots: [], t: 0 },
  }),
  batched: batchedRule({
    slots: 0,
    counts: false,
    columns: (runs) => ({ learningRate: learningRateColumn(runs) }),
    apply: (theta, g, _slots, c) => {
      const scale = tf.div(c.learningRate, tf.maximum(rowNorms(g), 1e-12));
      return { theta: tf.sub(theta, tf.mul(scale, g)), slots: [] };
    },
  }),
};

import { tf } from '../tf';
import { batchedRule, learningRateColumn, paramColumn } from './batchedRule';
import { EPSILON } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerSpec } from './types';

/**
 * AdaGrad (textbook; Duchi, Hazan & Singer 2011), accumulator starting at 0:
 *   G ← G + g²;  θ ← θ − η g / (√G + ε)
 */
export const adagrad: OptimizerSpec = {
  id: 'adagrad',
  name: 'AdaGrad',
  tex: 'G \\leftarrow G + g^2,\\quad \\theta \\leftarrow \\theta - \\eta\\, g / (\\sqrt{G} + \\epsilon)',
  defaultLearningRate: 0.1,
  params: [EPSILON],
  create: (variables, params) => {
    const epsilon = params.epsilon ?? EPSILON.default;
    const accumulator = slotVariables(variables);
    return {
      apply(vars, gradients, learningRate) {
        tf.tidy(() => {
          vars.forEach((theta, i) => {
            const g = gradients[i]!;
            const G = accumulator[i]!;
            G.assign(tf.add(G, tf.square(g)));
            theta.assign(tf.sub(theta, tf.div(tf.mul(learningRate, g), tf.add(tf.sqrt(G), epsilon))));
          });
        });
      },
      dispose() {
        slotsDispose(accumulator);
      },
      carry: { slots: [accumulator], t: 0 },
    };
  },
  batched: batchedRule({
    slots: 1,
    counts: false,
    columns: (runs) => ({ learningRate: learningRateColumn(runs), epsilon: paramColumn(runs, EPSILON) }),
    apply: (theta, g, [accumulator], c) => {
      const G = tf.add(accumulator!, tf.square(g));
      return { theta: tf.sub(theta, tf.div(tf.mul(c.learningRate, g), tf.add(tf.sqrt(G), c.epsilon))), slots: [G] };
    },
  }),
};

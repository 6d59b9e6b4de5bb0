import { tf } from '../tf';
import { adamDirection, adamMomentColumns, adamMomentsBatched, adamMomentsCreate } from './adamMoments';
import { batchedRule, learningRateColumn, paramColumn } from './batchedRule';
import { ADAM_PARAMS, EPSILON, weightDecayParam } from './paramSpecs';
import type { OptimizerSpec } from './types';

const WEIGHT_DECAY = weightDecayParam(0);

/**
 * Grams (Cao et al. 2024, "Grams: Gradient Descent with Adaptive Momentum Scaling"): Adam's
 * moments set the size of each coordinate's step, the current gradient its direction:
 *   u = m̂/(√v̂ + ε)  (Adam's bias-corrected update, `adamMoments.ts`),  θ ← θ − η(sign(g)·|u| + λθ)
 */
export const grams: OptimizerSpec = {
  id: 'grams',
  name: 'Grams',
  tex: '\\theta \\leftarrow \\theta - \\eta\\,\\big(\\operatorname{sign}(g)\\,|\\hat m / (\\sqrt{\\hat v} + \\epsilon)| + \\lambda\\theta\\big)',
  defaultLearningRate: 0.01,
  params: [...ADAM_PARAMS, WEIGHT_DECAY],
  create: (variables, params) => {
    const epsilon = params.epsilon ?? EPSILON.default;
    const decay = params.weightDecay ?? WEIGHT_DECAY.default;
    const moments = adamMomentsCreate(variables, params);
    return {
      apply(vars, gradients, learningRate) {
        const corrections = moments.advance();
        tf.tidy(() => {
          vars.forEach((theta, i) => {
            const g = gradients[i]!;
            const { m, v } = moments.update(i, g);
            const u = adamDirection(m, v, corrections, epsilon);
            const step = tf.add(tf.mul(tf.sign(g), tf.abs(u)), tf.mul(decay, theta));
            theta.assign(tf.sub(theta, tf.mul(learningRate, step)));
          });
        });
      },
      dispose: () => moments.dispose(),
      carry: moments.carry,
    };
  },
  batched: batchedRule({
    slots: 2,
    counts: true,
    columns: (runs) => ({ ...adamMomentColumns(runs), learningRate: learningRateColumn(runs), epsilon: paramColumn(runs, EPSILON), decay: paramColumn(runs, WEIGHT_DECAY) }),
    apply: (theta, g, [m0, v0], c) => {
      const { m, v } = adamMomentsBatched(m0!, v0!, g, c);
      const u = adamDirection(m, v, c, c.epsilon);
      const step = tf.add(tf.mul(tf.sign(g), tf.abs(u)), tf.mul(c.decay, theta));
      return { theta: tf.sub(theta, tf.mul(c.learningRate, step)), slots: [m, v] };
    },
  }),
};

import { tf } from '../tf';
import { BETA1, BETA2, EPSILON, weightDecayParam } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerSpec } from './types';

const WEIGHT_DECAY = weightDecayParam(0);

/**
 * Grams (Cao et al. 2024, "Grams: Gradient Descent with Adaptive Momentum Scaling"): Adam's
 * moments set the size of each coordinate's step, the current gradient its direction:
 *   u = m̂/(√v̂ + ε)  (Adam's bias-corrected update),  θ ← θ − η(sign(g)·|u| + λθ)
 */
export const grams: OptimizerSpec = {
  id: 'grams',
  name: 'Grams',
  tex: '\\theta \\leftarrow \\theta - \\eta\\,\\big(\\operatorname{sign}(g)\\,|\\hat m / (\\sqrt{\\hat v} + \\epsilon)| + \\lambda\\theta\\big)',
  defaultLearningRate: 0.01,
  params: [BETA1, BETA2, EPSILON, WEIGHT_DECAY],
  create: (variables, params) => {
    const beta1 = params.beta1 ?? BETA1.default;
    const beta2 = params.beta2 ?? BETA2.default;
    const epsilon = params.epsilon ?? EPSILON.default;
    const decay = params.weightDecay ?? WEIGHT_DECAY.default;
    const first = slotVariables(variables);
    const second = slotVariables(variables);
    let t = 0;
    return {
      apply(vars, gradients, learningRate) {
        t += 1;
        const correction1 = 1 - beta1 ** t;
        const correction2 = 1 - beta2 ** t;
        tf.tidy(() => {
          vars.forEach((theta, i) => {
            const g = gradients[i]!;
            const m = first[i]!;
            const v = second[i]!;
            m.assign(tf.add(tf.mul(beta1, m), tf.mul(1 - beta1, g)));
            v.assign(tf.add(tf.mul(beta2, v), tf.mul(1 - beta2, tf.square(g))));
            const u = tf.div(tf.div(m, correction1), tf.add(tf.sqrt(tf.div(v, correction2)), epsilon));
            const step = tf.add(tf.mul(tf.sign(g), tf.abs(u)), tf.mul(decay, theta));
            theta.assign(tf.sub(theta, tf.mul(learningRate, step)));
          });
        });
      },
      dispose() {
        slotsDispose(first, second);
      },
    };
  },
};

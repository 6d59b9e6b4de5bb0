import { tf } from '../tf';
import { BETA1, BETA2, EPSILON } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerSpec } from './types';

/**
 * Adam (Kingma & Ba 2015) with bias correction:
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε).
 */
export const adam: OptimizerSpec = {
  id: 'adam',
  name: 'Adam',
  tex: '\\theta \\leftarrow \\theta - \\eta\\,\\hat m / (\\sqrt{\\hat v} + \\epsilon)',
  defaultLearningRate: 0.01,
  params: [BETA1, BETA2, EPSILON],
  create: (variables, params) => {
    const beta1 = params.beta1 ?? 0.9;
    const beta2 = params.beta2 ?? 0.999;
    const epsilon = params.epsilon ?? 1e-8;
    const first = slotVariables(variables);
    const second = slotVariables(variables);
    let t = 0;
    return {
      apply(vars, gradients, learningRate) {
        t += 1;
        // Bias corrections folded into the step size, computed in float64 on the CPU.
        const stepSize = (learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
        const epsilonHat = epsilon * Math.sqrt(1 - beta2 ** t);
        tf.tidy(() => {
          vars.forEach((v, i) => {
            const g = gradients[i]!;
            const m = first[i]!;
            const s = second[i]!;
            m.assign(tf.add(tf.mul(beta1, m), tf.mul(1 - beta1, g)));
            s.assign(tf.add(tf.mul(beta2, s), tf.mul(1 - beta2, tf.square(g))));
            v.assign(tf.sub(v, tf.div(tf.mul(stepSize, m), tf.add(tf.sqrt(s), epsilonHat))));
          });
        });
      },
      dispose() {
        slotsDispose(first, second);
      },
    };
  },
};

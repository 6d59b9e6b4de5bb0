import { tf, type Variable } from '../tf';
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
  params: [
    { id: 'beta1', label: 'β₁', default: 0.9, min: 0, max: 0.999, step: 0.001 },
    { id: 'beta2', label: 'β₂', default: 0.999, min: 0, max: 0.9999, step: 0.0001 },
    { id: 'epsilon', label: 'ε', default: 1e-8, min: 1e-12, max: 1e-3, step: 1e-8 },
  ],
  create: (variables, params) => {
    const beta1 = params.beta1 ?? 0.9;
    const beta2 = params.beta2 ?? 0.999;
    const epsilon = params.epsilon ?? 1e-8;
    const first: Variable[] = variables.map((v) => tf.variable(tf.zerosLike(v), false));
    const second: Variable[] = variables.map((v) => tf.variable(tf.zerosLike(v), false));
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
        for (const v of [...first, ...second]) v.dispose();
      },
    };
  },
};

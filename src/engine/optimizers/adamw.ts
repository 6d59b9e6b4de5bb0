import { tf } from '../tf';
import { BETA1, BETA2, EPSILON, weightDecayParam } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerSpec } from './types';

const WEIGHT_DECAY = weightDecayParam(0.01);

/**
 * AdamW (Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization"): Adam on the loss
 * gradient alone, and the decay applied to the weights directly rather than added to g:
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  m̂ = m/(1−β₁ᵗ),  v̂ = v/(1−β₂ᵗ)
 *   θ ← θ − η(m̂/(√v̂ + ε) + λθ)
 * λ is multiplied by η (the PyTorch convention), so a learning-rate schedule scales the decay too.
 */
export const adamw: OptimizerSpec = {
  id: 'adamw',
  name: 'AdamW',
  tex: '\\theta \\leftarrow \\theta - \\eta\\,\\big(\\hat m / (\\sqrt{\\hat v} + \\epsilon) + \\lambda\\theta\\big)',
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
            const adaptive = tf.div(tf.div(m, correction1), tf.add(tf.sqrt(tf.div(v, correction2)), epsilon));
            theta.assign(tf.sub(theta, tf.mul(learningRate, tf.add(adaptive, tf.mul(decay, theta)))));
          });
        });
      },
      dispose() {
        slotsDispose(first, second);
      },
    };
  },
};

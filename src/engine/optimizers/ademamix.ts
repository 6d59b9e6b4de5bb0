import { tf } from '../tf';
import { BETA1, BETA2, EPSILON, weightDecayParam } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerParamSpec, OptimizerSpec } from './types';

const BETA3: OptimizerParamSpec = { id: 'beta3', label: 'β₃', default: 0.9999, min: 0, max: 0.99999, step: 0.00001 };
const ALPHA: OptimizerParamSpec = { id: 'alpha', label: 'α', default: 5, min: 0, max: 20, step: 0.1 };
const WEIGHT_DECAY = weightDecayParam(0);

/**
 * AdEMAMix (Pagliardini, Ablin & Grangier 2024, "The AdEMAMix Optimizer: Better, Faster, Older"),
 * Algorithm 1 without the α and β₃ warm-up schedulers:
 *   m₁ ← β₁m₁ + (1−β₁)g,  m₂ ← β₃m₂ + (1−β₃)g,  ν ← β₂ν + (1−β₂)g²
 *   m̂₁ = m₁/(1−β₁ᵗ),  ν̂ = ν/(1−β₂ᵗ)   (the slow EMA m₂ is not bias-corrected)
 *   θ ← θ − η((m̂₁ + αm₂)/(√ν̂ + ε) + λθ)
 */
export const ademamix: OptimizerSpec = {
  id: 'ademamix',
  name: 'AdEMAMix',
  tex: '\\theta \\leftarrow \\theta - \\eta\\,\\big((\\hat m_1 + \\alpha m_2) / (\\sqrt{\\hat\\nu} + \\epsilon) + \\lambda\\theta\\big)',
  defaultLearningRate: 0.01,
  params: [BETA1, BETA2, BETA3, ALPHA, EPSILON, WEIGHT_DECAY],
  create: (variables, params) => {
    const beta1 = params.beta1 ?? BETA1.default;
    const beta2 = params.beta2 ?? BETA2.default;
    const beta3 = params.beta3 ?? BETA3.default;
    const alpha = params.alpha ?? ALPHA.default;
    const epsilon = params.epsilon ?? EPSILON.default;
    const decay = params.weightDecay ?? WEIGHT_DECAY.default;
    const fast = slotVariables(variables);
    const slow = slotVariables(variables);
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
            const m1 = fast[i]!;
            const m2 = slow[i]!;
            const nu = second[i]!;
            m1.assign(tf.add(tf.mul(beta1, m1), tf.mul(1 - beta1, g)));
            m2.assign(tf.add(tf.mul(beta3, m2), tf.mul(1 - beta3, g)));
            nu.assign(tf.add(tf.mul(beta2, nu), tf.mul(1 - beta2, tf.square(g))));
            const numerator = tf.add(tf.div(m1, correction1), tf.mul(alpha, m2));
            const denominator = tf.add(tf.sqrt(tf.div(nu, correction2)), epsilon);
            const step = tf.add(tf.div(numerator, denominator), tf.mul(decay, theta));
            theta.assign(tf.sub(theta, tf.mul(learningRate, step)));
          });
        });
      },
      dispose() {
        slotsDispose(fast, slow, second);
      },
    };
  },
};

import { tf } from '../tf';
import { emaStep } from './ema';
import { batchedRule, learningRateColumn, paramColumn } from './batchedRule';
import { BETA1, BETA2 as ADAM_BETA2, weightDecayParam } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerParamSpec, OptimizerSpec } from './types';

// Adam's β₁ and the range of its β₂, but Lion's default β₂ of 0.99.
const BETA2: OptimizerParamSpec = { ...ADAM_BETA2, default: 0.99 };
// ηλ ≤ 1 keeps the box ‖θ‖∞ ≤ 1/λ invariant; the range leaves room for that at the usual Lion rates.
const WEIGHT_DECAY = weightDecayParam(0, 2);

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"):
 *   c = β₁m + (1−β₁)g;  θ ← θ − η(sign c + λθ);  m ← β₂m + (1−β₂)g
 * With λ > 0 and ηλ ≤ 1 the iterates end inside ‖θ‖∞ ≤ 1/λ ("Lion Secretly Solves Constrained
 * Optimization: As Lyapunov Predicts", Chen et al. 2024): if |θᵢ| ≤ 1/λ then
 * |θᵢ − η(±1 + λθᵢ)| ≤ (1 − ηλ)/λ + η = 1/λ, and outside the box |θᵢ| shrinks geometrically.
 */
export const lion: OptimizerSpec = {
  id: 'lion',
  name: 'Lion',
  tex: 'c = \\beta_1 m + (1-\\beta_1) g,\\quad \\theta \\leftarrow \\theta - \\eta\\,(\\operatorname{sign} c + \\lambda\\theta),\\quad m \\leftarrow \\beta_2 m + (1-\\beta_2) g',
  defaultLearningRate: 0.003,
  params: [BETA1, BETA2, WEIGHT_DECAY],
  create: (variables, params) => {
    const beta1 = params.beta1 ?? BETA1.default;
    const beta2 = params.beta2 ?? BETA2.default;
    const decay = params.weightDecay ?? WEIGHT_DECAY.default;
    const moment = slotVariables(variables);
    return {
      apply(vars, gradients, learningRate) {
        tf.tidy(() => {
          vars.forEach((theta, i) => {
            const g = gradients[i]!;
            const m = moment[i]!;
            const c = emaStep(m, g, beta1);
            theta.assign(tf.sub(theta, tf.mul(learningRate, tf.add(tf.sign(c), tf.mul(decay, theta)))));
            m.assign(emaStep(m, g, beta2));
          });
        });
      },
      dispose() {
        slotsDispose(moment);
      },
      carry: { slots: [moment], t: 0 },
    };
  },
  batched: batchedRule({
    slots: 1,
    counts: false,
    columns: (runs) => {
      const beta1 = paramColumn(runs, BETA1);
      const beta2 = paramColumn(runs, BETA2);
      return {
        beta1,
        beta1Rest: beta1.map((b) => 1 - b),
        beta2,
        beta2Rest: beta2.map((b) => 1 - b),
        learningRate: learningRateColumn(runs),
        decay: paramColumn(runs, WEIGHT_DECAY),
      };
    },
    apply: (theta, g, [moment], c) => {
      const interpolated = emaStep(moment!, g, c.beta1, c.beta1Rest);
      const next = tf.sub(theta, tf.mul(c.learningRate, tf.add(tf.sign(interpolated), tf.mul(c.decay, theta))));
      return { theta: next, slots: [emaStep(moment!, g, c.beta2, c.beta2Rest)] };
    },
  }),
};

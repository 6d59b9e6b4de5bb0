import { tf } from '../tf';
import { tensorsNorm } from './norm';
import { batchedRule, learningRateColumn, paramColumn, rowNorms } from './batchedRule';
import type { OptimizerParamSpec, OptimizerSpec } from './types';

const RHO: OptimizerParamSpec = { id: 'rho', label: 'ρ', default: 0.05, min: 0, max: 2, step: 0.01 };

/**
 * Sharpness-aware minimisation (textbook; Foret et al. 2021, "Sharpness-Aware Minimization for
 * Efficiently Improving Generalization"), over plain SGD:
 *   ε̂ = ρ g/‖g‖  (‖·‖ over all parameters together);  θ ← θ − η ∇L(θ + ε̂)
 * Costs a second gradient evaluation per step, through `gradientAt`.
 */
export const sam: OptimizerSpec = {
  id: 'sam',
  name: 'SAM',
  tex: '\\hat\\epsilon = \\rho\\, g / \\lVert g \\rVert,\\quad \\theta \\leftarrow \\theta - \\eta\\, \\nabla L(\\theta + \\hat\\epsilon)',
  defaultLearningRate: 0.1,
  params: [RHO],
  create: (_variables, params) => {
    const rho = params.rho ?? RHO.default;
    return {
      apply(vars, gradients, learningRate, gradientAt) {
        tf.tidy(() => {
          const scale = tf.div(rho, tf.maximum(tensorsNorm(gradients), 1e-12));
          const origin = vars.map((theta) => tf.clone(theta));
          vars.forEach((theta, i) => theta.assign(tf.add(theta, tf.mul(scale, gradients[i]!))));
          const sharpGradients = gradientAt();
          vars.forEach((theta, i) => theta.assign(tf.sub(origin[i]!, tf.mul(learningRate, sharpGradients[i]!))));
        });
      },
      dispose() {},
      carry: { slots: [], t: 0 },
    };
  },
  batched: batchedRule({
    slots: 0,
    counts: false,
    columns: (runs) => ({ learningRate: learningRateColumn(runs), rho: paramColumn(runs, RHO) }),
    apply: (theta, g, _slots, c, gradientAt) => {
      const scale = tf.div(c.rho, tf.maximum(rowNorms(g), 1e-12));
      const sharpGradients = gradientAt(tf.add(theta, tf.mul(scale, g)));
      return { theta: tf.sub(theta, tf.mul(c.learningRate, sharpGradients)), slots: [] };
    },
  }),
};

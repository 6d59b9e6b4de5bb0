import { tf } from '../tf';
import { emaStep } from './ema';
import { batchedRule, learningRateColumn, paramColumn } from './batchedRule';
import { EPSILON } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerParamSpec, OptimizerSpec } from './types';

const RHO: OptimizerParamSpec = { id: 'rho', label: 'ρ', default: 0.9, min: 0, max: 0.9999, step: 0.001 };

/**
 * RMSProp (textbook; Tieleman & Hinton 2012, lecture 6.5), no momentum, not centred:
 *   s ← ρs + (1−ρ)g²;  θ ← θ − η g / (√s + ε)
 */
export const rmsprop: OptimizerSpec = {
  id: 'rmsprop',
  name: 'RMSProp',
  tex: 's \\leftarrow \\rho s + (1-\\rho) g^2,\\quad \\theta \\leftarrow \\theta - \\eta\\, g / (\\sqrt{s} + \\epsilon)',
  defaultLearningRate: 0.01,
  params: [RHO, EPSILON],
  create: (variables, params) => {
    const rho = params.rho ?? RHO.default;
    const epsilon = params.epsilon ?? EPSILON.default;
    const meanSquare = slotVariables(variables);
    return {
      apply(vars, gradients, learningRate) {
        tf.tidy(() => {
          vars.forEach((theta, i) => {
            const g = gradients[i]!;
            const s = meanSquare[i]!;
            s.assign(emaStep(s, tf.square(g), rho));
            theta.assign(tf.sub(theta, tf.div(tf.mul(learningRate, g), tf.add(tf.sqrt(s), epsilon))));
          });
        });
      },
      dispose() {
        slotsDispose(meanSquare);
      },
      carry: { slots: [meanSquare], t: 0 },
    };
  },
  batched: batchedRule({
    slots: 1,
    counts: false,
    columns: (runs) => {
      const rho = paramColumn(runs, RHO);
      return { learningRate: learningRateColumn(runs), rho, rhoRest: rho.map((p) => 1 - p), epsilon: paramColumn(runs, EPSILON) };
    },
    apply: (theta, g, [meanSquare], c) => {
      const s = emaStep(meanSquare!, tf.square(g), c.rho, c.rhoRest);
      return { theta: tf.sub(theta, tf.div(tf.mul(c.learningRate, g), tf.add(tf.sqrt(s), c.epsilon))), slots: [s] };
    },
  }),
};

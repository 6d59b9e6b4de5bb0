import { tf, type Tensor, type Variable } from '../tf';
import { batchedRule, learningRateColumn, paramColumn, type BatchedRule } from './batchedRule';
import { MOMENTUM } from './paramSpecs';
import { slotVariables, slotsDispose } from './slots';
import type { OptimizerSpec, OptimizerState } from './types';

/**
 * Heavy-ball momentum and its Nesterov form, in the "velocity accumulates raw gradients"
 * convention (textbook; as in PyTorch's SGD with dampening 0):
 *   momentum: v ← μv + g;  θ ← θ − ηv
 *   nesterov: v ← μv + g;  θ ← θ − η(g + μv)   (v already updated)
 */
function momentumCreate(variables: readonly Variable[], mu: number, lookahead: boolean): OptimizerState {
  const velocity = slotVariables(variables);
  return {
    apply(vars, gradients, learningRate) {
      tf.tidy(() => {
        vars.forEach((theta, i) => {
          const g = gradients[i]!;
          const v = velocity[i]!;
          v.assign(tf.add(tf.mul(mu, v), g));
          const direction = lookahead ? tf.add(g, tf.mul(mu, v)) : v;
          theta.assign(tf.sub(theta, tf.mul(learningRate, direction)));
        });
      });
    },
    dispose() {
      slotsDispose(velocity);
    },
    carry: { slots: [velocity], t: 0 },
  };
}

/** The same update over stacked rows (batchedRule.ts), μ and η per run. */
function momentumBatched(lookahead: boolean): BatchedRule {
  return batchedRule({
    slots: 1,
    counts: false,
    columns: (runs) => ({ learningRate: learningRateColumn(runs), momentum: paramColumn(runs, MOMENTUM) }),
    apply: (theta, g, [velocity], c) => {
      const v: Tensor = tf.add(tf.mul(c.momentum, velocity!), g);
      const direction = lookahead ? tf.add(g, tf.mul(c.momentum, v)) : v;
      return { theta: tf.sub(theta, tf.mul(c.learningRate, direction)), slots: [v] };
    },
  });
}

export const momentum: OptimizerSpec = {
  id: 'momentum',
  name: 'Momentum',
  tex: 'v \\leftarrow \\mu v + g,\\quad \\theta \\leftarrow \\theta - \\eta v',
  defaultLearningRate: 0.01,
  params: [MOMENTUM],
  create: (variables, params) => momentumCreate(variables, params.momentum ?? MOMENTUM.default, false),
  batched: momentumBatched(false),
};

export const nesterov: OptimizerSpec = {
  id: 'nesterov',
  name: 'Nesterov momentum',
  tex: 'v \\leftarrow \\mu v + g,\\quad \\theta \\leftarrow \\theta - \\eta\\,(g + \\mu v)',
  defaultLearningRate: 0.01,
  params: [MOMENTUM],
  create: (variables, params) => momentumCreate(variables, params.momentum ?? MOMENTUM.default, true),
  batched: momentumBatched(true),
};

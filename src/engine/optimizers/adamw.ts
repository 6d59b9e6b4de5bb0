import { tf } from '../tf';
import { adamDirection, adamMomentColumns, adamMomentsBatched, adamMomentsCreate } from './adamMoments';
import { batchedRule, learningRateColumn, paramColumn } from './batchedRule';
import { ADAM_PARAMS, EPSILON, weightDecayParam } from './paramSpecs';
import type { OptimizerSpec } from './types';

const WEIGHT_DECAY = weightDecayParam(0.01);

/**
 * AdamW (Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization"): Adam on the loss
 * gradient alone, and the decay applied to the weights directly rather than added to g:
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  m̂ = m/(1−β₁ᵗ),  v̂ = v/(1−β₂ᵗ)   (`adamMoments.ts`)
 *   θ ← θ − η(m̂/(√v̂ + ε) + λθ)
 * λ is multiplied by η (the PyTorch convention), so a learning-rate schedule scales the decay too.
 */
export const adamw: OptimizerSpec = {
  id: 'adamw',
  name: 'AdamW',
  tex: '\\theta \\leftarrow \\theta - \\eta\\,\\big(\\hat m / (\\sqrt{\\hat v} + \\epsilon) + \\lambda\\theta\\big)',
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
            const { m, v } = moments.update(i, gradients[i]!);
            const adaptive = adamDirection(m, v, corrections, epsilon);
            theta.assign(tf.sub(theta, tf.mul(learningRate, tf.add(adaptive, tf.mul(decay, theta)))));
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
      const adaptive = adamDirection(m, v, c, c.epsilon);
      return { theta: tf.sub(theta, tf.mul(c.learningRate, tf.add(adaptive, tf.mul(c.decay, theta)))), slots: [m, v] };
    },
  }),
};

import { tf } from '../tf';
import { adamMomentColumns, adamMomentsBatched, adamMomentsCreate } from './adamMoments';
import { batchedRule, paramColumn } from './batchedRule';
import { ADAM_PARAMS, EPSILON } from './paramSpecs';
import type { OptimizerSpec } from './types';

/**
 * Adam (Kingma & Ba 2015) with bias correction:
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε).
 * The moments are `adamMoments.ts`; the step uses the paper's cheaper order (end of §2), with the
 * bias corrections folded into the step size, η·m̂/(√v̂ + ε) = ηₜ·m/(√v + ε̂) where
 * ηₜ = η√(1−β₂ᵗ)/(1−β₁ᵗ) and ε̂ = ε√(1−β₂ᵗ).
 */
export const adam: OptimizerSpec = {
  id: 'adam',
  name: 'Adam',
  tex: '\\theta \\leftarrow \\theta - \\eta\\,\\hat m / (\\sqrt{\\hat v} + \\epsilon)',
  defaultLearningRate: 0.01,
  params: ADAM_PARAMS,
  create: (variables, params) => {
    const epsilon = params.epsilon ?? EPSILON.default;
    const moments = adamMomentsCreate(variables, params);
    return {
      apply(vars, gradients, learningRate) {
        const corrections = moments.advance();
        // Bias corrections folded into the step size, computed in float64 on the CPU.
        const stepSize = (learningRate * Math.sqrt(corrections.second)) / corrections.first;
        const epsilonHat = epsilon * Math.sqrt(corrections.second);
        tf.tidy(() => {
          vars.forEach((theta, i) => {
            const { m, v } = moments.update(i, gradients[i]!);
            theta.assign(tf.sub(theta, tf.div(tf.mul(stepSize, m), tf.add(tf.sqrt(v), epsilonHat))));
          });
        });
      },
      preconditioner: () => moments.preconditioner(epsilon),
      dispose: () => moments.dispose(),
      carry: moments.carry,
    };
  },
  batched: batchedRule({
    slots: 2,
    counts: true,
    columns: (runs) => {
      const moments = adamMomentColumns(runs);
      const epsilon = paramColumn(runs, EPSILON);
      return {
        ...moments,
        stepSize: runs.map((run, r) => (run.learningRate * Math.sqrt(moments.second[r]!)) / moments.first[r]!),
        epsilonHat: epsilon.map((e, r) => e * Math.sqrt(moments.second[r]!)),
      };
    },
    apply: (theta, g, [m0, v0], c) => {
      const { m, v } = adamMomentsBatched(m0!, v0!, g, c);
      return { theta: tf.sub(theta, tf.div(tf.mul(c.stepSize, m), tf.add(tf.sqrt(v), c.epsilonHat))), slots: [m, v] };
    },
  }),
};

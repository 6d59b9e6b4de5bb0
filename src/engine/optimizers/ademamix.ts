import { tf } from '../tf';
import { adamDenominator, adamFirstCorrected, adamMomentColumns, adamMomentsBatched, adamMomentsCreate } from './adamMoments';
import { batchedRule, learningRateColumn, paramColumn } from './batchedRule';
import { emaStep } from './ema';
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
 * m₁ and ν are Adam's m and v (`adamMoments.ts`); the slow EMA m₂ and its weight α are AdEMAMix's own.
 */
export const ademamix: OptimizerSpec = {
  id: 'ademamix',
  name: 'AdEMAMix',
  tex: '\\theta \\leftarrow \\theta - \\eta\\,\\big((\\hat m_1 + \\alpha m_2) / (\\sqrt{\\hat\\nu} + \\epsilon) + \\lambda\\theta\\big)',
  defaultLearningRate: 0.01,
  params: [BETA1, BETA2, BETA3, ALPHA, EPSILON, WEIGHT_DECAY],
  create: (variables, params) => {
    const beta3 = params.beta3 ?? BETA3.default;
    const alpha = params.alpha ?? ALPHA.default;
    const epsilon = params.epsilon ?? EPSILON.default;
    const decay = params.weightDecay ?? WEIGHT_DECAY.default;
    const moments = adamMomentsCreate(variables, params);
    const slow = slotVariables(variables);
    return {
      apply(vars, gradients, learningRate) {
        const corrections = moments.advance();
        tf.tidy(() => {
          vars.forEach((theta, i) => {
            const g = gradients[i]!;
            const { m: m1, v: nu } = moments.update(i, g);
            const m2 = slow[i]!;
            m2.assign(emaStep(m2, g, beta3));
            const numerator = tf.add(adamFirstCorrected(m1, corrections), tf.mul(alpha, m2));
            const denominator = adamDenominator(nu, corrections, epsilon);
            const step = tf.add(tf.div(numerator, denominator), tf.mul(decay, theta));
            theta.assign(tf.sub(theta, tf.mul(learningRate, step)));
          });
        });
      },
      dispose() {
        moments.dispose();
        slotsDispose(slow);
      },
      carry: {
        slots: [...moments.carry.slots, slow],
        get t() {
          return moments.carry.t;
        },
        set t(value: number) {
          moments.carry.t = value;
        },
      },
    };
  },
  batched: batchedRule({
    slots: 3,
    counts: true,
    columns: (runs) => {
      const beta3 = paramColumn(runs, BETA3);
      return {
        ...adamMomentColumns(runs),
        beta3,
        beta3Rest: beta3.map((b) => 1 - b),
        alpha: paramColumn(runs, ALPHA),
        learningRate: learningRateColumn(runs),
        epsilon: paramColumn(runs, EPSILON),
        decay: paramColumn(runs, WEIGHT_DECAY),
      };
    },
    apply: (theta, g, [m0, v0, slow], c) => {
      const { m: m1, v: nu } = adamMomentsBatched(m0!, v0!, g, c);
      const m2 = emaStep(slow!, g, c.beta3, c.beta3Rest);
      const numerator = tf.add(adamFirstCorrected(m1, c), tf.mul(c.alpha, m2));
      const denominator = adamDenominator(nu, c, c.epsilon);
      const step = tf.add(tf.div(numerator, denominator), tf.mul(c.decay, theta));
      return { theta: tf.sub(theta, tf.mul(c.learningRate, step)), slots: [m1, nu, m2] };
    },
  }),
};

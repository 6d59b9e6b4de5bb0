// EnsLoss, binary. Each minibatch uses a different convex, classification-calibrated margin loss
// φ(m), m = y·f with y ∈ {−1, +1} and f = z_1 − z_0. The paper builds random loss *derivatives*
// that are non-decreasing with φ′(0) < 0 and trains with them through a custom gradient. Our
// generator (our reading of the paper, not its own) mixes four classical derivatives with
// Dirichlet weights drawn per minibatch from the run's seed and step:
//   logistic             φ = log(1 + e^{−m})                       φ′ = −σ(−m)
//   squared hinge        φ = max(0, 1 − m)²                        φ′ = −2·max(0, 1 − m)
//   modified Huber       φ = max(0, 1 − m)² for m ≥ −1, else −4m   φ′ = −2·(1 − max(m, −1)) for m < 1, else 0
//   clipped exponential  φ = e^{−m} for m ≥ −ln 4, else linear     φ′ = −min(e^{−m}, 4)
// Each φ′ is non-decreasing with φ′(0) < 0, and so is any convex mix of them: every draw is
// convex and calibrated. The forward value is the mixed φ itself, so the loss curve means something.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../engine/tf';
import { rng, rngSeedFor } from '../engine/rng';
import { refSigmoid, refSoftplus } from './math';
import { paramValue } from './params';
import { rngDirichlet } from './random';
import type { LossContext, LossParamSpec, LossSpec } from './types';

const CONCENTRATION: LossParamSpec = {
  id: 'concentration',
  label: 'Dirichlet concentration',
  default: 1,
  min: 0.1,
  max: 10,
  step: 0.1,
  hint: 'small: each minibatch is dominated by one of the four losses; large: every minibatch uses nearly the even mix',
};

export const ENSLOSS_FAMILIES = ['logistic', 'squared hinge', 'modified Huber', 'clipped exponential'] as const;

const LN4 = Math.log(4);

/** The Dirichlet weights of the four families for this run's seed and this training step. */
export function enslossWeights(concentration: number, context: Pick<LossContext, 'seed' | 'step'>): number[] {
  return rngDirichlet(rng(rngSeedFor(context.seed, `ensloss:${context.step}`)), concentration, ENSLOSS_FAMILIES.length);
}

/** φ of each family at margin m. */
export function enslossFamilyValuesRef(m: number): number[] {
  const hinge = Math.max(0, 1 - m);
  return [refSoftplus(-m), hinge ** 2, m >= -1 ? hinge ** 2 : -4 * m, m >= -LN4 ? Math.exp(-m) : 4 * (1 - LN4 - m)];
}

/** φ′ of each family at margin m. */
export function enslossFamilyDerivativesRef(m: number): number[] {
  const hinge = Math.max(0, 1 - m);
  return [-refSigmoid(-m), -2 * hinge, -2 * Math.max(0, 1 - Math.max(m, -1)), -Math.exp(-Math.max(m, -LN4))];
}

function familyValuesTf(m: Tensor): Tensor[] {
  const hinge2 = tf.square(tf.relu(tf.sub(1, m)));
  return [
    tf.softplus(tf.neg(m)),
    hinge2,
    tf.where(tf.greaterEqual(m, -1), hinge2, tf.mul(-4, m)),
    tf.where(tf.greaterEqual(m, -LN4), tf.exp(tf.neg(m)), tf.mul(4, tf.sub(1 - LN4, m))),
  ];
}

function familyDerivativesTf(m: Tensor): Tensor[] {
  return [
    tf.neg(tf.sigmoid(tf.neg(m))),
    tf.mul(-2, tf.relu(tf.sub(1, m))),
    tf.mul(-2, tf.relu(tf.sub(1, tf.maximum(m, -1)))),
    tf.neg(tf.exp(tf.neg(tf.maximum(m, -LN4)))),
  ];
}

function mix(parts: Tensor[], weights: readonly number[]): Tensor1D {
  return tf.addN(parts.map((part, i) => tf.mul(weights[i]!, part))) as Tensor1D;
}

export const ensloss: LossSpec = {
  id: 'ensloss',
  name: 'EnsLoss',
  tex: '\\ell = \\varphi_t(y f), \\quad \\varphi_t\' = \\sum_j w_{t,j}\\, \\varphi_j\', \\quad w_t \\sim \\operatorname{Dirichlet}(\\alpha \\mathbf 1)',
  note: 'Binary: every minibatch trains with a different randomly drawn convex, calibrated margin loss, an ensemble over losses that acts against overfitting. The generator here, a Dirichlet mix of the logistic, squared-hinge, modified-Huber and clipped-exponential derivatives, is our reading of the paper, not its exact method.',
  source: 'EnsLoss: Stochastic Calibrated Loss Ensembles…',
  level: 'example',
  params: [CONCENTRATION],
  unavailableReason: (classes) => (classes !== 2 ? 'EnsLoss is defined for binary classification: it needs exactly 2 classes.' : null),
  compute: (logits, targets, params, context) => {
    const weights = enslossWeights(paramValue(params, CONCENTRATION), context);
    // y = +1 for class 1, −1 for class 0; ∂m/∂z = y·(−1, +1).
    const sign = tf.sub(tf.mul(2, tf.slice(targets, [0, 1], [-1, 1])), 1);
    const dMargin = tf.mul(sign, tf.tensor2d([[-1, 1]]));
    const loss = tf.customGrad((...args: (Tensor | ((tensors: Tensor[]) => void))[]) => {
      const z = args[0] as Tensor2D;
      const save = args[1] as (tensors: Tensor[]) => void;
      const m = tf.sum(tf.mul(z, dMargin), 1);
      const gradient = tf.mul(tf.expandDims(mix(familyDerivativesTf(m), weights), 1), dMargin);
      save([gradient]);
      return {
        value: mix(familyValuesTf(m), weights),
        gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(tf.expandDims(dy, 1), saved[0]!),
      };
    });
    return loss(logits);
  },
  reference: (logits, labels, params, context) => {
    const weights = enslossWeights(paramValue(params, CONCENTRATION), context);
    return logits.map((z, i) => {
      const m = (labels[i] === 1 ? 1 : -1) * (z[1]! - z[0]!);
      return enslossFamilyValuesRef(m).reduce((s, v, j) => s + weights[j]! * v, 0);
    });
  },
};

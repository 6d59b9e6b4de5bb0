// The margin-based preference losses: DPO, IPO, SimPO and RPO (DPO plus an SFT term on y_w).
// h_w = log π(y_w|x) − log π_ref(y_w|x) and h_l likewise are the implicit rewards divided by β.
// Responses here are single tokens, so SimPO's length normalisation |y| is 1.
import { tf, type Scalar } from '../../engine/tf';
import type { LossParams } from '../types';
import { preferenceInputsRequire, type PairsTf, type PreferenceLossSpec } from './types';
import { tfLogProbOf } from './tfMath';
import { refMean, refPairRatios, refSoftplus } from './refMath';

function tfPairLogs(pairs: PairsTf): { logChosen: tf.Tensor1D; logRejected: tf.Tensor1D; margin: tf.Tensor1D } {
  const logChosen = tfLogProbOf(pairs.logits, pairs.chosen);
  const logRejected = tfLogProbOf(pairs.logits, pairs.rejected);
  const margin = tf.sub(tf.sub(logChosen, pairs.refChosen), tf.sub(logRejected, pairs.refRejected)) as tf.Tensor1D;
  return { logChosen, logRejected, margin };
}

/** DPO's −log σ(β(h_w − h_l)) per pair, written as softplus(−u) so it stays finite for any margin. */
function tfDpoTerms(pairs: PairsTf, beta: number): tf.Tensor1D {
  const { margin } = tfPairLogs(pairs);
  return tf.softplus(tf.mul(-beta, margin));
}

function tfDpo(pairs: PairsTf, beta: number): Scalar {
  return tf.mean(tfDpoTerms(pairs, beta)) as Scalar;
}

function tfIpoTerms(pairs: PairsTf, tau: number): tf.Tensor1D {
  const { margin } = tfPairLogs(pairs);
  return tf.square(tf.sub(margin, 1 / (2 * tau)));
}

function tfSimpoTerms(pairs: PairsTf, beta: number, gamma: number): tf.Tensor1D {
  const { logChosen, logRejected } = tfPairLogs(pairs);
  const u = tf.sub(tf.mul(beta, tf.sub(logChosen, logRejected)), gamma);
  return tf.softplus(tf.neg(u)) as tf.Tensor1D;
}

function refDpo(pairs: Parameters<typeof refPairRatios>[0], beta: number): number {
  const r = refPairRatios(pairs);
  return refMean(r.chosen.map((h, i) => refSoftplus(-beta * (h - r.rejected[i]!))));
}

const BETA_DPO = { id: 'beta', label: 'β', default: 0.5, min: 0.01, max: 5, step: 0.01, hint: 'strength of the KL tie to the reference: small β lets the policy drift further' };

export const dpo: PreferenceLossSpec = {
  id: 'dpo',
  name: 'DPO',
  family: 'preference',
  tex: '\\ell = -\\log\\sigma\\Big(\\beta\\log\\tfrac{\\pi_\\theta(y_w|x)}{\\pi_{\\mathrm{ref}}(y_w|x)} - \\beta\\log\\tfrac{\\pi_\\theta(y_l|x)}{\\pi_{\\mathrm{ref}}(y_l|x)}\\Big)',
  note: 'Fits the Bradley–Terry preference model with the policy’s own implicit reward β·log π/π_ref. Only the margin counts: both log-probabilities may fall as long as the rejected one falls faster.',
  source: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
  params: [BETA_DPO],
  usesRetain: false,
  compute: (inputs, params) => tfDpo(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'DPO'), params.beta ?? 0.5),
  terms: (inputs, params) => ({ pairs: tfDpoTerms(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'DPO'), params.beta ?? 0.5) }),
  reference: (inputs, params) => refDpo(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'DPO'), params.beta ?? 0.5),
};

export const ipo: PreferenceLossSpec = {
  id: 'ipo',
  name: 'IPO',
  family: 'preference',
  tex: '\\ell = \\Big(\\log\\tfrac{\\pi_\\theta(y_w|x)}{\\pi_{\\mathrm{ref}}(y_w|x)} - \\log\\tfrac{\\pi_\\theta(y_l|x)}{\\pi_{\\mathrm{ref}}(y_l|x)} - \\tfrac{1}{2\\tau}\\Big)^2',
  note: 'Regresses the log-ratio margin onto a fixed target 1/(2τ) instead of pushing it to infinity, so it cannot overfit deterministic preferences the way DPO can.',
  source: 'A General Theoretical Paradigm to Understand Learning from Human Preferences',
  params: [{ id: 'tau', label: 'τ', default: 0.25, min: 0.01, max: 5, step: 0.01, hint: 'regularisation: the target margin is 1/(2τ)' }],
  usesRetain: false,
  compute: (inputs, params) => tf.mean(tfIpoTerms(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'IPO'), params.tau ?? 0.25)) as Scalar,
  terms: (inputs, params) => ({ pairs: tfIpoTerms(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'IPO'), params.tau ?? 0.25) }),
  reference: (inputs, params) => {
    const r = refPairRatios(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'IPO'));
    const target = 1 / (2 * (params.tau ?? 0.25));
    return refMean(r.chosen.map((h, i) => (h - r.rejected[i]! - target) ** 2));
  },
};

export const simpo: PreferenceLossSpec = {
  id: 'simpo',
  name: 'SimPO',
  family: 'preference',
  tex: '\\ell = -\\log\\sigma\\Big(\\tfrac{\\beta}{|y_w|}\\log\\pi_\\theta(y_w|x) - \\tfrac{\\beta}{|y_l|}\\log\\pi_\\theta(y_l|x) - \\gamma\\Big)',
  note: 'Reference-free: the reward is the length-normalised log-probability itself (here |y| = 1), with a target margin γ. Nothing ties the policy to π_ref.',
  source: 'SimPO: Simple Preference Optimization with a Reference-Free Reward',
  params: [
    { id: 'beta', label: 'β', default: 2, min: 0.1, max: 10, step: 0.1, hint: 'scale of the reward β·log π' },
    { id: 'gamma', label: 'γ', default: 1, min: 0, max: 5, step: 0.05, hint: 'target reward margin between chosen and rejected' },
  ],
  usesRetain: false,
  compute: (inputs, params) => tf.mean(tfSimpoTerms(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'SimPO'), params.beta ?? 2, params.gamma ?? 1)) as Scalar,
  terms: (inputs, params) => ({ pairs: tfSimpoTerms(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'SimPO'), params.beta ?? 2, params.gamma ?? 1) }),
  reference: (inputs, params) => {
    const r = refPairRatios(preferenceInputsRequire(inputs.pairs, 'preference pairs', 'SimPO'));
    return refMean(r.logChosen.map((w, i) => refSoftplus(-((params.beta ?? 2) * (w - r.logRejected[i]!) - (params.gamma ?? 1)))));
  },
};

function rpoParts(params: LossParams): { beta: number; eta: number } {
  return { beta: params.beta ?? 0.5, eta: params.eta ?? 1 };
}

export const rpo: PreferenceLossSpec = {
  id: 'rpo',
  name: 'RPO (DPO + SFT)',
  family: 'preference',
  tex: '\\ell = \\ell_{\\mathrm{DPO}} - \\eta\\,\\log\\pi_\\theta(y_w|x)',
  note: 'DPO plus a supervised term on the chosen response. The SFT term acts as an adversarial regulariser against overoptimising an uncertain reward, and keeps log π(y_w) from sinking with the rejected one. (The paper weights the SFT term by ηβ; here η carries that product.)',
  source: 'Provably Mitigating Overoptimization in RLHF: Your SFT Loss is Implicitly an Adversarial Regularizer',
  params: [BETA_DPO, { id: 'eta', label: 'η', default: 1, min: 0, max: 10, step: 0.05, hint: 'weight of the SFT term on y_w' }],
  usesRetain: false,
  compute: (inputs, params) => {
    const pairs = preferenceInputsRequire(inputs.pairs, 'preference pairs', 'RPO');
    const { beta, eta } = rpoParts(params);
    const sft = tf.neg(tf.mean(tfLogProbOf(pairs.logits, pairs.chosen)));
    return tf.add(tfDpo(pairs, beta), tf.mul(eta, sft)) as Scalar;
  },
  terms: (inputs, params) => {
    const pairs = preferenceInputsRequire(inputs.pairs, 'preference pairs', 'RPO');
    const { beta, eta } = rpoParts(params);
    return { pairs: tf.sub(tfDpoTerms(pairs, beta), tf.mul(eta, tfLogProbOf(pairs.logits, pairs.chosen))) };
  },
  reference: (inputs, params) => {
    const pairs = preferenceInputsRequire(inputs.pairs, 'preference pairs', 'RPO');
    const { beta, eta } = rpoParts(params);
    return refDpo(pairs, beta) - eta * refMean(refPairRatios(pairs).logChosen);
  },
};

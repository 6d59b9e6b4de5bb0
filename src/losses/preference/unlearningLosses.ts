// Unlearning losses on a forget set (x_f, y_f): gradient ascent on its likelihood, NPO, and NPO
// with a retain loss. Each is minimised, so gradient ascent is written as minimising log π(y_f|x_f).
import { tf, type Scalar } from '../../engine/tf';
import { preferenceInputsRequire, type PreferenceInputsRef, type PreferenceInputsTf, type PreferenceLossSpec, type ResponseSetTf } from './types';
import { tfLogProbOf } from './tfMath';
import { refLogProb, refMean, refSoftplus } from './refMath';

/** NPO: (2/β)·log(1 + (π_θ/π_ref)^β) = (2/β)·softplus(β(log π_θ − log π_ref)), averaged over the forget set. */
function tfNpo(forget: ResponseSetTf, beta: number): Scalar {
  const ratio = tf.sub(tfLogProbOf(forget.logits, forget.target), forget.ref);
  return tf.mul(2 / beta, tf.mean(tf.softplus(tf.mul(beta, ratio)))) as Scalar;
}

function tfNpoTerms(forget: ResponseSetTf, beta: number): tf.Tensor1D {
  const ratio = tf.sub(tfLogProbOf(forget.logits, forget.target), forget.ref);
  return tf.mul(2 / beta, tf.softplus(tf.mul(beta, ratio)));
}

function refNpo(inputs: PreferenceInputsRef, beta: number, loss: string): number {
  const forget = preferenceInputsRequire(inputs.forget, 'a forget set', loss);
  return refMean(forget.logits.map((z, i) => (2 / beta) * refSoftplus(beta * (refLogProb(z, forget.target[i]!) - forget.ref[i]!))));
}

function forgetOf(inputs: PreferenceInputsTf, loss: string): ResponseSetTf {
  return preferenceInputsRequire(inputs.forget, 'a forget set', loss);
}

const BETA_NPO = { id: 'beta', label: 'β', default: 1, min: 0.01, max: 10, step: 0.01, hint: 'how soon the push on a forgotten response fades as π_θ falls below π_ref' };

export const gradientAscent: PreferenceLossSpec = {
  id: 'ga',
  name: 'Gradient ascent',
  family: 'unlearning',
  // \allowbreak: the note may wrap between its words in a narrow panel (KaTeX's \text does not).
  tex: '\\ell = \\log\\pi_\\theta(y_f|x_f) \\quad(\\text{ascent on}\\allowbreak\\ \\text{the forget set’s NLL})',
  note: 'Pushes the forget set’s likelihood down without limit. Its gradient never weakens as π_θ(y_f) → 0, so the logits keep growing and the rest of the model is dragged along: catastrophic collapse.',
  source: 'Negative Preference Optimization: From Catastrophic Collapse to Effective Unlearning (the baseline)',
  params: [],
  usesRetain: false,
  compute: (inputs) => {
    const forget = forgetOf(inputs, 'Gradient ascent');
    return tf.mean(tfLogProbOf(forget.logits, forget.target)) as Scalar;
  },
  terms: (inputs) => {
    const forget = forgetOf(inputs, 'Gradient ascent');
    return { forget: tfLogProbOf(forget.logits, forget.target) };
  },
  reference: (inputs) => {
    const forget = preferenceInputsRequire(inputs.forget, 'a forget set', 'Gradient ascent');
    return refMean(forget.logits.map((z, i) => refLogProb(z, forget.target[i]!)));
  },
};

export const npo: PreferenceLossSpec = {
  id: 'npo',
  name: 'NPO',
  family: 'unlearning',
  tex: '\\ell = \\tfrac{2}{\\beta}\\log\\Big(1 + \\Big(\\tfrac{\\pi_\\theta(y_f|x_f)}{\\pi_{\\mathrm{ref}}(y_f|x_f)}\\Big)^{\\beta}\\Big)',
  note: 'DPO with only a rejected response. Its gradient is gradient ascent’s times the adaptive weight 2π_θ^β/(π_θ^β + π_ref^β), which vanishes once a response is forgotten, so collapse comes exponentially slower.',
  source: 'Negative Preference Optimization: From Catastrophic Collapse to Effective Unlearning',
  params: [BETA_NPO],
  usesRetain: false,
  compute: (inputs, params) => tfNpo(forgetOf(inputs, 'NPO'), params.beta ?? 1),
  terms: (inputs, params) => ({ forget: tfNpoTerms(forgetOf(inputs, 'NPO'), params.beta ?? 1) }),
  reference: (inputs, params) => refNpo(inputs, params.beta ?? 1, 'NPO'),
};

export const npoRetain: PreferenceLossSpec = {
  id: 'npo-rt',
  name: 'NPO + retain loss',
  family: 'unlearning',
  tex: '\\ell = \\ell_{\\mathrm{NPO}} - \\lambda\\,\\log\\pi_\\theta(y_r|x_r)',
  note: 'NPO on the forget set plus the ordinary likelihood on a retain set, so what should stay is actively kept (NPO+RT in the paper).',
  source: 'Negative Preference Optimization: From Catastrophic Collapse to Effective Unlearning',
  params: [BETA_NPO, { id: 'lambda', label: 'λ', default: 1, min: 0, max: 10, step: 0.05, hint: 'weight of the retain set’s NLL' }],
  usesRetain: true,
  compute: (inputs, params) => {
    const retain = preferenceInputsRequire(inputs.retain, 'a retain set', 'NPO + retain loss');
    const nll = tf.neg(tf.mean(tfLogProbOf(retain.logits, retain.target)));
    return tf.add(tfNpo(forgetOf(inputs, 'NPO + retain loss'), params.beta ?? 1), tf.mul(params.lambda ?? 1, nll)) as Scalar;
  },
  terms: (inputs, params) => {
    const retain = preferenceInputsRequire(inputs.retain, 'a retain set', 'NPO + retain loss');
    return { forget: tfNpoTerms(forgetOf(inputs, 'NPO + retain loss'), params.beta ?? 1), retain: tf.mul(-(params.lambda ?? 1), tfLogProbOf(retain.logits, retain.target)) };
  },
  reference: (inputs, params) => {
    const retain = preferenceInputsRequire(inputs.retain, 'a retain set', 'NPO + retain loss');
    const nll = -refMean(retain.logits.map((z, i) => refLogProb(z, retain.target[i]!)));
    return refNpo(inputs, params.beta ?? 1, 'NPO + retain loss') + (params.lambda ?? 1) * nll;
  },
};

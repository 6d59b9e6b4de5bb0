// Add-ons: per-example terms added to any loss. Like the losses, each carries its formula in
// tfjs and again in plain TypeScript.
import { tf, type Tensor, type Tensor2D } from '../engine/tf';
import { clampNumber } from '../engine/clamp';
import { refLogSoftmax, refLogSumExp } from './math';
import { paramValue } from './params';
import type { LossParamSpec, LossParams } from './types';

export interface AddonSpec {
  id: string;
  name: string;
  /** KaTeX source of the per-example term. */
  tex: string;
  /** What it does and when one would use it. */
  note: string;
  source: string;
  params: readonly LossParamSpec[];
  /** tfjs: logits `n × K` → the per-example term `[n]`. */
  compute(logits: Tensor2D, params: LossParams): Tensor;
  /** Plain TypeScript: the same per-example term. */
  reference(logits: readonly (readonly number[])[], params: LossParams): number[];
}

const Z_LAMBDA: LossParamSpec = { id: 'lambda', label: 'λ', default: 1e-4, min: 0, max: 0.01, step: 1e-5, hint: 'strength of the pull of logsumexp(z) towards 0' };

export const zReg: AddonSpec = {
  id: 'z-reg',
  name: 'Logit-drift penalty (z-reg)',
  tex: '\\lambda \\, \\big(\\operatorname{logsumexp} z\\big)^2',
  note: 'Keeps the softmax normaliser near 1 so the logits cannot drift to large values together, a cause of late-training instability. Not the spherical Z-loss, which only shares the name.',
  source: 'Small-scale proxies for large-scale Transformer training instabilities',
  params: [Z_LAMBDA],
  compute: (logits, params) => tf.mul(paramValue(params, Z_LAMBDA), tf.square(tf.logSumExp(logits, 1))),
  reference: (logits, params) => logits.map((z) => paramValue(params, Z_LAMBDA) * refLogSumExp(z) ** 2),
};

const CP_BETA: LossParamSpec = { id: 'beta', label: 'β', default: 0.1, min: 0, max: 1, step: 0.01, hint: 'how much a low-entropy (confident) prediction is penalised' };

export const confidencePenalty: AddonSpec = {
  id: 'confidence-penalty',
  name: 'Confidence penalty',
  tex: '-\\beta \\, H(p) = \\beta \\sum_k p_k \\log p_k',
  note: 'Rewards predictions that keep some entropy, discouraging the overconfident, peaked softmax outputs that cross-entropy drifts towards. Similar in spirit to label smoothing.',
  source: 'textbook (Pereyra et al. 2017)',
  params: [CP_BETA],
  compute: (logits, params) => {
    const logP = tf.logSoftmax(logits);
    return tf.mul(paramValue(params, CP_BETA), tf.sum(tf.mul(tf.exp(logP), logP), 1));
  },
  reference: (logits, params) =>
    logits.map((z) => paramValue(params, CP_BETA) * refLogSoftmax(z).reduce((s, logP) => s + Math.exp(logP) * logP, 0)),
};

/** Every add-on, in menu order. */
export const ADDONS: readonly AddonSpec[] = [zReg, confidencePenalty];

const BY_ID = new Map(ADDONS.map((addon) => [addon.id, addon]));

/** The add-on with this id (the catalog's leading `+` is accepted); throws on an unknown id, naming it. */
export function addonById(id: string): AddonSpec {
  const addon = BY_ID.get(id.startsWith('+') ? id.slice(1) : id);
  if (!addon) throw new Error(`unknown add-on: ${id}`);
  return addon;
}

/** A complete parameter set for an add-on: defaults filled in, every value clamped to its range. */
export function addonParamsResolve(addon: AddonSpec, given: Readonly<Record<string, unknown>> = {}): LossParams {
  const params: Record<string, number> = {};
  for (const spec of addon.params) params[spec.id] = clampNumber(given[spec.id], spec.min, spec.max, spec.default);
  return params;
}

// What the histogram losses share: m equal bins over the support, the softmax over them, the
// cross-entropy against an encoded target histogram, and the expectation as the prediction.
import { tf, type Tensor1D, type Tensor2D } from '../../engine/tf';
import { refLogSoftmax, refSoftmax } from '../math';
import { paramValue } from '../params';
import type { LossParamSpec, LossParams } from '../types';
import type { RegressionLossSpec, RegressionSupport } from './types';

export const BINS: LossParamSpec = { id: 'bins', label: 'm', default: 32, min: 4, max: 128, step: 1, hint: 'number of bins over the target range: the model gets one output per bin' };

export function binCount(params: LossParams): number {
  return Math.round(paramValue(params, BINS));
}

function checkSupport(support: RegressionSupport): void {
  if (!Number.isFinite(support.vMin) || !Number.isFinite(support.vMax) || support.vMax <= support.vMin) {
    throw new Error(`the support must be a finite interval with v_min < v_max, got [${support.vMin}, ${support.vMax}]`);
  }
}

export function binWidth(support: RegressionSupport, bins: number): number {
  checkSupport(support);
  return (support.vMax - support.vMin) / bins;
}

/** The m + 1 bin edges, v_min to v_max. */
export function binEdges(support: RegressionSupport, bins: number): number[] {
  const width = binWidth(support, bins);
  // The last edge is v_max itself, not v_min + m·w, which may round past it.
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? support.vMax : support.vMin + i * width));
}

/** The m bin centres. */
export function binCentres(support: RegressionSupport, bins: number): number[] {
  const width = binWidth(support, bins);
  return Array.from({ length: bins }, (_, i) => support.vMin + (i + 0.5) * width);
}

/**
 * A support for a set of training targets: their range widened by `margin` of its width on each
 * side, so that the extreme targets are not at the edge, where a histogram target is truncated.
 */
export function regressionSupport(targets: readonly number[] | Float32Array, margin = 0.1): RegressionSupport {
  if (targets.length === 0) throw new Error('cannot place bins: there are no targets');
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of targets) {
    if (!Number.isFinite(t)) throw new Error(`cannot place bins: a target is ${t}`);
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  // All targets equal: any width would do; 1 keeps the bins in the target's units.
  const pad = hi > lo ? margin * (hi - lo) : 0.5;
  return { vMin: lo - pad, vMax: hi + pad };
}

export interface HistogramLossDefinition {
  id: string;
  name: string;
  tex: string;
  note: string;
  source: string;
  /** Its own parameters; the bin count is added first. */
  params: readonly LossParamSpec[];
  /** float64: the target histogram (m numbers summing to 1) of one target. */
  encode(target: number, params: LossParams, support: RegressionSupport): number[];
}

export function histogramLoss(definition: HistogramLossDefinition): RegressionLossSpec {
  const { encode, params, ...words } = definition;
  return {
    ...words,
    kind: 'histogram',
    params: [BINS, ...params],
    outputs: binCount,
    encodeTargets: (targets, p, support) => {
      const bins = binCount(p);
      const out = new Float32Array(targets.length * bins);
      Array.from(targets).forEach((t, i) => out.set(encode(t, p, support), i * bins));
      return out;
    },
    compute: (logits, histograms) => tf.neg(tf.sum(tf.mul(histograms, tf.logSoftmax(logits)), 1)) as Tensor1D,
    predict: (logits, p, support) => tfHistogramMean(logits, binCentres(support, binCount(p))),
    reference: (outputs, targets, p, support) =>
      outputs.map((z, i) => {
        const target = encode(targets[i]!, p, support);
        const logProbs = refLogSoftmax(z);
        return -target.reduce((sum, q, k) => sum + q * logProbs[k]!, 0);
      }),
    predictReference: (z, p, support) => {
      const centres = binCentres(support, binCount(p));
      return refSoftmax(z).reduce((sum, q, k) => sum + q * centres[k]!, 0);
    },
  };
}

/** The expectation of softmax(logits) over the bin centres, `[n]`. */
export function tfHistogramMean(logits: Tensor2D, centres: readonly number[]): Tensor1D {
  return tf.sum(tf.mul(tf.softmax(logits), tf.tensor1d(Float32Array.from(centres))), 1) as Tensor1D;
}

export function clipToSupport(target: number, support: RegressionSupport): number {
  return Math.min(support.vMax, Math.max(support.vMin, target));
}

/**
 * Calibration of a classifier's probabilities: reliability bins, ECE, MCE, Brier score, NLL,
 * accuracy and a confidence histogram split into correct and wrong predictions. Plain TypeScript
 * over read-back arrays, in float64.
 *
 * Binning follows Guo et al. 2017 ("On Calibration of Modern Neural Networks") and its reference
 * code: M equal-width bins I_m = ((m−1)/M, m/M] on the top-label confidence, half-open on the left.
 * We put a confidence of exactly 0 in the first bin (the reference code drops it; a top-label
 * confidence is at least 1/K, so this never changes a result).
 */

export type CalibrationBinning = 'equal-width' | 'equal-mass';

export interface ReliabilityBin {
  /** The bin is (lower, upper]. For equal-mass bins these are the confidences at its edges. */
  lower: number;
  upper: number;
  count: number;
  /** Fraction of the bin's examples predicted correctly; null for an empty bin. */
  accuracy: number | null;
  /** Mean top-label confidence in the bin; null for an empty bin. */
  confidence: number | null;
}

export interface ConfidenceHistogram {
  /** bins + 1 equal-width edges from 0 to 1. */
  edges: number[];
  correct: number[];
  wrong: number[];
}

export interface CalibrationReport {
  examples: number;
  binning: CalibrationBinning;
  /** Fraction of examples whose arg-max class is the label. */
  accuracy: number;
  /** Mean −log p_y, with p_y floored at NLL_FLOOR. */
  nll: number;
  /** Mean over examples of Σ_k (p_k − e_k)². */
  brier: number;
  /** Σ_b (|B_b|/n)·|acc_b − conf_b|. */
  ece: number;
  /** max over non-empty bins of |acc_b − conf_b|. */
  mce: number;
  bins: ReliabilityBin[];
  histogram: ConfidenceHistogram;
}

export interface CalibrationOptions {
  /** Number of bins B, default 15 (Guo et al.'s reference code). */
  bins?: number;
  binning?: CalibrationBinning;
}

export const CALIBRATION_DEFAULT_BINS = 15;
/** Probabilities read back as float32 can be exactly 0; NLL floors p_y here (−log 1e-12 ≈ 27.6). */
export const NLL_FLOOR = 1e-12;

/** Top-label confidence max_k p_k and the predicted class (the first maximum) of each row. */
export function calibrationTopLabel(probabilities: Float32Array, classes: number): { confidence: Float64Array; prediction: Int32Array } {
  const n = probabilities.length / classes;
  const confidence = new Float64Array(n);
  const prediction = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestValue = probabilities[i * classes]!;
    for (let k = 1; k < classes; k++) {
      const value = probabilities[i * classes + k]!;
      if (value > bestValue) {
        best = k;
        bestValue = value;
      }
    }
    confidence[i] = bestValue;
    prediction[i] = best;
  }
  return { confidence, prediction };
}

/** Index of the equal-width bin ((m−1)/B, m/B] holding c, 0 also going to the first bin. */
export function calibrationBinIndex(c: number, bins: number): number {
  let m = Math.min(bins - 1, Math.max(0, Math.ceil(c * bins) - 1));
  // c·B can round across an edge; compare with the edges m/B themselves, as the reference code does.
  while (m > 0 && c <= m / bins) m--;
  while (m < bins - 1 && c > (m + 1) / bins) m++;
  return m;
}

export function calibrationReport(
  probabilities: Float32Array,
  labels: Int32Array,
  classes: number,
  options: CalibrationOptions = {},
): CalibrationReport {
  const n = labels.length;
  if (probabilities.length !== n * classes) {
    throw new Error(`calibration: ${probabilities.length} probabilities for ${n} labels × ${classes} classes`);
  }
  const binCount = Math.max(1, Math.round(options.bins ?? CALIBRATION_DEFAULT_BINS));
  const binning = options.binning ?? 'equal-width';
  const { confidence, prediction } = calibrationTopLabel(probabilities, classes);

  let correctCount = 0;
  let nllSum = 0;
  let brierSum = 0;
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    correct[i] = prediction[i] === y ? 1 : 0;
    correctCount += correct[i]!;
    nllSum -= Math.log(Math.max(probabilities[i * classes + y]!, NLL_FLOOR));
    for (let k = 0; k < classes; k++) {
      const d = probabilities[i * classes + k]! - (k === y ? 1 : 0);
      brierSum += d * d;
    }
  }

  const membership = binning === 'equal-width' ? equalWidthMembership(confidence, binCount) : equalMassMembership(confidence, binCount);
  const bins = membership.bounds.map(([lower, upper]) => ({ lower, upper, count: 0, correct: 0, confidenceSum: 0 }));
  for (let i = 0; i < n; i++) {
    const bin = bins[membership.index[i]!]!;
    bin.count += 1;
    bin.correct += correct[i]!;
    bin.confidenceSum += confidence[i]!;
  }

  let ece = 0;
  let mce = 0;
  const reliability: ReliabilityBin[] = bins.map((b) => {
    if (b.count === 0) return { lower: b.lower, upper: b.upper, count: 0, accuracy: null, confidence: null };
    const accuracy = b.correct / b.count;
    const meanConfidence = b.confidenceSum / b.count;
    const gap = Math.abs(accuracy - meanConfidence);
    ece += (b.count / n) * gap;
    mce = Math.max(mce, gap);
    return { lower: b.lower, upper: b.upper, count: b.count, accuracy, confidence: meanConfidence };
  });

  const histogram: ConfidenceHistogram = {
    edges: Array.from({ length: binCount + 1 }, (_, m) => m / binCount),
    correct: new Array<number>(binCount).fill(0),
    wrong: new Array<number>(binCount).fill(0),
  };
  for (let i = 0; i < n; i++) {
    const m = calibrationBinIndex(confidence[i]!, binCount);
    if (correct[i]) histogram.correct[m]! += 1;
    else histogram.wrong[m]! += 1;
  }

  const empty = n === 0;
  return {
    examples: n,
    binning,
    accuracy: empty ? NaN : correctCount / n,
    nll: empty ? NaN : nllSum / n,
    brier: empty ? NaN : brierSum / n,
    ece: empty ? NaN : ece,
    mce: empty ? NaN : mce,
    bins: reliability,
    histogram,
  };
}

interface Membership {
  /** Bin of each example. */
  index: Int32Array;
  bounds: [number, number][];
}

function equalWidthMembership(confidence: Float64Array, bins: number): Membership {
  return {
    index: Int32Array.from(confidence, (c) => calibrationBinIndex(c, bins)),
    bounds: Array.from({ length: bins }, (_, m) => [m / bins, (m + 1) / bins] as [number, number]),
  };
}

/**
 * Equal-mass (adaptive) bins, as in Nixon et al. 2019 ("Measuring Calibration in Deep Learning"):
 * examples sorted by confidence, bin b takes ranks ⌊bn/B⌋ … ⌊(b+1)n/B⌋ − 1, so counts differ by at most
 * one (and some bins are empty when n < B). Bounds run from the previous bin's largest confidence
 * (0 for the first) to the bin's own largest.
 */
function equalMassMembership(confidence: Float64Array, bins: number): Membership {
  const n = confidence.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => confidence[a]! - confidence[b]! || a - b);
  const index = new Int32Array(n);
  const bounds: [number, number][] = [];
  let lower = 0;
  for (let b = 0; b < bins; b++) {
    const start = Math.floor((b * n) / bins);
    const end = Math.floor(((b + 1) * n) / bins);
    for (let r = start; r < end; r++) index[order[r]!] = b;
    const upper = end > start ? confidence[order[end - 1]!]! : lower;
    bounds.push([lower, upper]);
    lower = upper;
  }
  return { index, bounds };
}

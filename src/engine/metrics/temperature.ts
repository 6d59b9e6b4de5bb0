/**
 * Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks"): one scalar T
 * divides every logit, T* = argmin_T NLL(z/T) on held-out data. Accuracy is unchanged (the arg-max is);
 * only confidence moves. Plain TypeScript over read-back logits, in float64.
 */

export interface TemperatureFit {
  temperature: number;
  /** NLL at T = 1. */
  nllBefore: number;
  /** NLL at T*. */
  nllAfter: number;
  /** True when T* is at an end of the search range (the optimum may lie beyond it). */
  atBound: boolean;
}

export interface TemperatureFitOptions {
  /** Search range for T, default [0.05, 20]. */
  min?: number;
  max?: number;
  /** Stop when the bracket on ln T is narrower than this, default 1e-6. */
  tolerance?: number;
}

/** Row-wise softmax(z/T), computed stably (max subtracted) in float64. */
export function softmaxRows(logits: Float32Array, classes: number, temperature = 1): Float32Array {
  const out = new Float32Array(logits.length);
  for (let row = 0; row < logits.length; row += classes) {
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[row + k]! / temperature);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[row + k]! / temperature - max);
    for (let k = 0; k < classes; k++) out[row + k] = Math.exp(logits[row + k]! / temperature - max) / sum;
  }
  return out;
}

/** Mean −log softmax(z/T)_y = mean (logsumexp(z/T) − z_y/T), exact for any logits (no floor needed). */
export function temperatureNll(logits: Float32Array, labels: Int32Array, classes: number, temperature: number): number {
  const n = labels.length;
  if (logits.length !== n * classes) throw new Error(`temperature: ${logits.length} logits for ${n} labels × ${classes} classes`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = i * classes;
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[row + k]! / temperature);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[row + k]! / temperature - max);
    total += max + Math.log(sum) - logits[row + labels[i]!]! / temperature;
  }
  return total / n;
}

const INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Fits T* by golden-section search on u = ln T. NLL is convex in 1/T (a log-sum-exp of linear
 * functions of 1/T, minus a linear one), so it is unimodal in ln T and golden section finds the
 * minimum within the range.
 */
export function temperatureFit(logits: Float32Array, labels: Int32Array, classes: number, options: TemperatureFitOptions = {}): TemperatureFit {
  const lowest = Math.log(options.min ?? 0.05);
  const highest = Math.log(options.max ?? 20);
  const tolerance = options.tolerance ?? 1e-6;
  const nllAt = (u: number): number => temperatureNll(logits, labels, classes, Math.exp(u));

  let a = lowest;
  let b = highest;
  let c = b - INVERSE_PHI * (b - a);
  let d = a + INVERSE_PHI * (b - a);
  let fc = nllAt(c);
  let fd = nllAt(d);
  while (b - a > tolerance) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INVERSE_PHI * (b - a);
      fc = nllAt(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INVERSE_PHI * (b - a);
      fd = nllAt(d);
    }
  }
  const u = (a + b) / 2;
  return {
    temperature: Math.exp(u),
    nllBefore: nllAt(0),
    nllAfter: nllAt(u),
    atBound: u - lowest < 2 * tolerance || highest - u < 2 * tolerance,
  };
}

// Plain-TypeScript helpers for the reference implementations (float64, no tfjs).

export function refLogSumExp(z: readonly number[]): number {
  const max = Math.max(...z);
  let sum = 0;
  for (const v of z) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

export function refSoftmax(z: readonly number[]): number[] {
  const lse = refLogSumExp(z);
  return z.map((v) => Math.exp(v - lse));
}

export function refLogSoftmax(z: readonly number[]): number[] {
  const lse = refLogSumExp(z);
  return z.map((v) => v - lse);
}

export function refMean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** 1 − p_y as the sum of the other classes' probabilities: no cancellation when p_y is near 1. */
export function refOneMinusPy(z: readonly number[], y: number): number {
  const p = refSoftmax(z);
  return p.reduce((sum, v, k) => (k === y ? sum : sum + v), 0);
}

/** log(1 + e^x) without overflow. */
export function refSoftplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export function refSigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

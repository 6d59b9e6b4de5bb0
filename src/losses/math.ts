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

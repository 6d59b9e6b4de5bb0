// Plain-TypeScript (float64) pieces the reference implementations share.

/** log softmax(z)_k, shifted by max z so that exp never overflows. */
export function refLogProb(z: readonly number[], k: number): number {
  const max = Math.max(...z);
  const sum = z.reduce((s, v) => s + Math.exp(v - max), 0);
  return z[k]! - max - Math.log(sum);
}

/** log(1 + eᵘ), exact at both ends. */
export function refSoftplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

export function refMean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** The log-ratios log π(y|x) − log π_ref(y|x) of each pair's chosen and rejected response. */
export function refPairRatios(p: {
  logits: readonly (readonly number[])[];
  chosen: readonly number[];
  rejected: readonly number[];
  refChosen: readonly number[];
  refRejected: readonly number[];
}): { chosen: number[]; rejected: number[]; logChosen: number[]; logRejected: number[] } {
  const logChosen = p.logits.map((z, i) => refLogProb(z, p.chosen[i]!));
  const logRejected = p.logits.map((z, i) => refLogProb(z, p.rejected[i]!));
  return {
    logChosen,
    logRejected,
    chosen: logChosen.map((v, i) => v - p.refChosen[i]!),
    rejected: logRejected.map((v, i) => v - p.refRejected[i]!),
  };
}

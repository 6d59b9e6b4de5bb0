// What the views and the lesson read about routing, in plain TypeScript over the gate
// probabilities of a set of points (read back once per frame).

export interface MoeRoutingStats {
  /** fᵢ: the share of routing slots (k per point) each expert takes. */
  load: number[];
  /** Mean gate probability pᵢ of each expert. */
  meanGate: number[];
  /** N_E Σᵢ fᵢ pᵢ over the whole set (global-batch LBL of all points). */
  balance: number;
  /** Largest load times N_E: 1 when perfectly even, N_E when one expert takes everything. */
  maxLoadRatio: number;
  /** Mutual information between a point's domain and its top expert, in bits. */
  specialisation: number;
  /** Mean over domains of the share of the domain's points whose top expert is the domain's commonest. */
  topShare: number;
  /** Mean entropy of the router's gate distribution, in bits. */
  routerEntropy: number;
}

/** `probs`: row-major n × N_E gate probabilities; `domains`: each point's domain. */
export function moeRoutingStats(probs: ArrayLike<number>, experts: number, topK: number, domains: Int32Array, domainCount: number): MoeRoutingStats {
  const n = domains.length;
  const load = new Array<number>(experts).fill(0);
  const meanGate = new Array<number>(experts).fill(0);
  const joint = Array.from({ length: domainCount }, () => new Array<number>(experts).fill(0));
  let entropy = 0;
  for (let t = 0; t < n; t++) {
    const row = Array.from({ length: experts }, (_, i) => probs[t * experts + i]!);
    const order = row.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order.slice(0, topK)) load[i]! += 1 / (topK * n);
    joint[domains[t]!]![order[0]![1]]! += 1;
    row.forEach((p, i) => {
      meanGate[i]! += p / n;
      if (p > 0) entropy -= (p * Math.log2(p)) / n;
    });
  }
  const balance = experts * load.reduce((s, f, i) => s + f * meanGate[i]!, 0);
  let specialisation = 0;
  const expertTotals = new Array<number>(experts).fill(0);
  joint.forEach((row) => row.forEach((c, i) => (expertTotals[i]! += c)));
  let shareSum = 0;
  let domainsSeen = 0;
  for (const row of joint) {
    const domainTotal = row.reduce((a, b) => a + b, 0);
    if (domainTotal === 0) continue;
    domainsSeen += 1;
    shareSum += Math.max(...row) / domainTotal;
    row.forEach((c, i) => {
      if (c > 0) specialisation += (c / n) * Math.log2((c * n) / (domainTotal * expertTotals[i]!));
    });
  }
  return {
    load,
    meanGate,
    balance,
    maxLoadRatio: experts * Math.max(...load),
    specialisation: Math.max(0, specialisation),
    topShare: domainsSeen > 0 ? shareSum / domainsSeen : 0,
    routerEntropy: entropy,
  };
}

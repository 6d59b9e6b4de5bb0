// Plain-TypeScript reference of the mixture of experts (moeModel.ts) and its auxiliary losses
// (moeBalance.ts), written from the formulas without tfjs, to check the tfjs code against.
import { activationReference } from '../activationReference';
import type { DenseWeights } from '../mlp';
import type { BalanceScope } from './moeTypes';
import type { MoeShape } from './moeModel';

function dense(layer: DenseWeights, input: readonly number[]): number[] {
  return Array.from({ length: layer.outputs }, (_, o) => input.reduce((sum, v, i) => sum + v * layer.w[i * layer.outputs + o]!, layer.b[o]!));
}

export function moeReferenceSoftmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** The top-k experts of one point's gates as a 0/1 row (ties: the lower index first). */
export function moeReferenceMask(probs: readonly number[], topK: number): number[] {
  const order = probs.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const mask = probs.map(() => 0);
  for (const [, i] of order.slice(0, topK)) mask[i] = 1;
  return mask;
}

export interface MoeReferencePoint {
  logits: number[];
  routerLogits: number[];
  probs: number[];
  mask: number[];
}

/** One point through the mixture; `layers` in moeInitWeights' order. */
export function moeReferenceForward(layers: readonly DenseWeights[], x: readonly number[], shape: MoeShape): MoeReferencePoint {
  const routerLogits = dense(layers[0]!, x);
  const probs = moeReferenceSoftmax(routerLogits);
  const mask = moeReferenceMask(probs, shape.topK);
  const depth = shape.hidden.length + 1;
  const logits = Array.from({ length: shape.outputs }, () => 0);
  for (let e = 0; e < shape.experts; e++) {
    if (mask[e] === 0) continue;
    let h: number[] = [...x];
    for (let l = 0; l < depth; l++) {
      const z = dense(layers[1 + e * depth + l]!, h);
      h = l + 1 < depth ? z.map((v) => activationReference(v, shape.activation)) : z;
    }
    h.forEach((v, k) => (logits[k]! += probs[e]! * v));
  }
  return { logits, routerLogits, probs, mask };
}

/**
 * LBL = N_E Σᵢ fᵢ pᵢ over rows of gate probabilities and routing masks; micro-batch j is rows
 * [j·b, (j + 1)·b). Micro: per micro-batch, averaged. Global: fᵢ and pᵢ over all rows.
 */
export function moeReferenceLbl(probs: readonly number[][], mask: readonly number[][], topK: number, microBatches: number, scope: BalanceScope): number {
  const experts = probs[0]!.length;
  const groups = scope === 'global' ? 1 : microBatches;
  const size = probs.length / groups;
  let total = 0;
  for (let j = 0; j < groups; j++) {
    let sum = 0;
    for (let i = 0; i < experts; i++) {
      let f = 0;
      let p = 0;
      for (let t = j * size; t < (j + 1) * size; t++) {
        f += mask[t]![i]! / topK;
        p += probs[t]![i]!;
      }
      sum += (f / size) * (p / size);
    }
    total += experts * sum;
  }
  return total / groups;
}

export function moeReferenceZLoss(routerLogits: readonly number[][]): number {
  const squares = routerLogits.map((z) => {
    const max = Math.max(...z);
    const lse = max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
    return lse * lse;
  });
  return squares.reduce((a, b) => a + b, 0) / squares.length;
}

/**
 * LBL over a whole training set with each domain one micro-batch (moeFullBatch.ts): micro, the
 * mean over the non-empty domains of each domain's own LBL; global, one LBL over all rows.
 */
export function moeReferenceFullBatchLbl(probs: readonly number[][], mask: readonly number[][], domains: readonly number[], topK: number, scope: BalanceScope): number {
  if (scope === 'global') return moeReferenceLbl(probs, mask, topK, 1, 'global');
  const present = [...new Set(domains)];
  const lbl = present.map((d) => {
    const rows = domains.flatMap((dt, t) => (dt === d ? [t] : []));
    return moeReferenceLbl(rows.map((t) => probs[t]!), rows.map((t) => mask[t]!), topK, 1, 'global');
  });
  return lbl.reduce((a, b) => a + b, 0) / lbl.length;
}

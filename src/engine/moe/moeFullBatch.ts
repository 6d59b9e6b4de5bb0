// A mixture of experts' auxiliary losses over the whole training set, as the loss landscape draws
// them: the full training set is one global batch and each domain one micro-batch of it, since
// every micro-batch of training holds points of one domain (moeBatches.ts).
// - micro-batch LBL: N_E Σᵢ fᵢ^d pᵢ^d within each domain d, averaged over the domains (training
//   draws every domain equally often, so each counts once whatever its size);
// - global-batch LBL: N_E Σᵢ fᵢ pᵢ with fᵢ and pᵢ over all training points;
// - router z-loss: the mean of (log Σᵢ exp rᵢ)² over all training points.
// Domains hold different numbers of points, so the equal micro-batches of moeLoadBalancingLoss do
// not apply: a domain's fᵢ and pᵢ are rows of A·mask and A·probs, A the D × n matrix whose row d
// is 1/|d| on the points of domain d (empty domains have no row).
import { tf, type Scalar, type Tensor2D } from '../tf';
import type { BalanceScope } from './moeTypes';
import { moeRouterZLoss } from './moeBalance';

/** The averaging matrix A (row-major D′ × n, D′ the non-empty domains) of each point's domain. */
export interface MoeDomainAverager {
  rows: number;
  points: number;
  weights: Float32Array;
}

export function moeDomainAverager(domains: Int32Array, domainCount: number): MoeDomainAverager {
  const counts = new Array<number>(domainCount).fill(0);
  for (const d of domains) counts[d]! += 1;
  const present = counts.map((c, d) => (c > 0 ? d : -1)).filter((d) => d >= 0);
  const row = new Map(present.map((d, r) => [d, r]));
  const n = domains.length;
  const weights = new Float32Array(present.length * n);
  domains.forEach((d, t) => (weights[row.get(d)! * n + t] = 1 / counts[d]!));
  return { rows: present.length, points: n, weights };
}

/** The settings of a mixture's auxiliary losses (training.moe, with the routing's k). */
export interface MoeAuxiliarySettings {
  alpha: number;
  zLoss: number;
  balance: BalanceScope;
  topK: number;
}

/**
 * LBL over the full training set (n × N_E gate probabilities and routing mask). `averager` is the
 * tensor of moeDomainAverager's matrix, D′ × n; read only for micro-batch LBL.
 */
export function moeFullBatchBalanceLoss(probs: Tensor2D, mask: Tensor2D, topK: number, scope: BalanceScope, averager: Tensor2D): Scalar {
  const experts = probs.shape[1];
  if (scope === 'global') {
    const f = tf.div(tf.mean(mask, 0), topK);
    const p = tf.mean(probs, 0);
    return tf.mul(experts, tf.sum(tf.mul(f, p))) as Scalar;
  }
  const f = tf.div(tf.matMul(averager, mask), topK);
  const p = tf.matMul(averager, probs);
  return tf.mul(experts, tf.mean(tf.sum(tf.mul(f, p), 1))) as Scalar;
}

/** α·LBL + z·(router z-loss) over the full training set; null when both are off. */
export function moeFullBatchAuxiliaryLoss(
  forward: { probs: Tensor2D; mask: Tensor2D; routerLogits: Tensor2D },
  settings: MoeAuxiliarySettings,
  averager: MoeDomainAverager,
): Scalar | null {
  const terms: Scalar[] = [];
  if (settings.alpha > 0) {
    const a = tf.tensor2d(averager.weights, [averager.rows, averager.points]);
    terms.push(tf.mul(settings.alpha, moeFullBatchBalanceLoss(forward.probs, forward.mask, settings.topK, settings.balance, a)));
  }
  if (settings.zLoss > 0) terms.push(tf.mul(settings.zLoss, moeRouterZLoss(forward.routerLogits)));
  if (terms.length === 0) return null;
  return (terms.length === 1 ? terms[0]! : tf.addN(terms)) as Scalar;
}

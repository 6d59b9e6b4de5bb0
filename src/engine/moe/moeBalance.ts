// The auxiliary losses of a mixture of experts, in tfjs.
//
// Load-balancing loss (Qiu et al. 2025, "Demons in the Detail", after the Switch Transformer):
//   LBL = N_E · Σᵢ fᵢ pᵢ
// fᵢ: the fraction of the batch's routing slots (k per point) that go to expert i, so Σᵢ fᵢ = 1;
// pᵢ: the mean gate probability of expert i over the batch. It is 1 when the load is even and the
// router is confident, and grows as load and probability pile onto the same experts. fᵢ comes
// from the top-k choice and carries no gradient; the loss is minimised through pᵢ.
// - micro-batch LBL: fᵢ and pᵢ per micro-batch, LBL averaged over the micro-batches;
// - global-batch LBL: fᵢ over the whole global batch (synchronised across micro-batches), pᵢ
//   likewise; with equal micro-batches this equals averaging N_E Σᵢ f_i^global p_i^micro.
// Router z-loss (Zoph et al. 2022, "ST-MoE"): the mean of (log Σᵢ exp rᵢ)² over points, r the
// router logits; it keeps router logits small.
import { tf, type Scalar, type Tensor2D } from '../tf';
import type { BalanceScope } from './moeTypes';

/**
 * `probs` and `mask` are n × N_E with n = microBatches · (n / microBatches): micro-batch j is rows
 * [j·b, (j + 1)·b). With one micro-batch both scopes agree.
 */
export function moeLoadBalancingLoss(probs: Tensor2D, mask: Tensor2D, topK: number, microBatches: number, scope: BalanceScope): Scalar {
  const [n, experts] = probs.shape;
  const m = scope === 'global' ? 1 : Math.max(1, microBatches);
  const size = n / m;
  if (!Number.isInteger(size)) throw new Error(`${n} points do not split into ${m} equal micro-batches`);
  const f = tf.div(tf.mean(tf.reshape(mask, [m, size, experts]), 1), topK);
  const p = tf.mean(tf.reshape(probs, [m, size, experts]), 1);
  return tf.mul(experts, tf.mean(tf.sum(tf.mul(f, p), 1))) as Scalar;
}

export function moeRouterZLoss(routerLogits: Tensor2D): Scalar {
  return tf.mean(tf.square(tf.logSumExp(routerLogits, 1))) as Scalar;
}

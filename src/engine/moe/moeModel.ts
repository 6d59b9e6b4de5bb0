// A mixture of experts on the plane: a linear router and N_E small MLP experts. The router's
// softmax gives every point a gate probability per expert; the point goes to its top-k experts,
// and its logits are the gate-weighted sum of theirs,
//   z(x) = Σ_{i ∈ topk(x)} pᵢ(x) · expertᵢ(x),
// with the gates left unnormalised as in the Switch Transformer (Fedus et al. 2021), so the task
// loss reaches the router through pᵢ even with top-1 routing.
//
// Every expert is evaluated on every point and the unrouted ones are masked out. With experts of a
// few dozen weights this is cheaper than gathering each expert's points, and every op stays dense.
import { tf, type Tensor, type Tensor2D } from '../tf';
import { mlpForward, mlpInitWeights, type Activation, type DenseWeights, type MlpShape } from '../mlp';
import { rng, rngSeedFor } from '../rng';

export interface MoeShape {
  inputs: number;
  outputs: number;
  experts: number;
  topK: number;
  /** Hidden widths of each expert (empty: each expert is linear). */
  hidden: readonly number[];
  activation: Activation;
}

export interface MoeForward {
  logits: Tensor2D;
  /** Router logits, n × N_E (for the z-loss). */
  routerLogits: Tensor2D;
  /** Gate probabilities softmax(router logits), n × N_E. */
  probs: Tensor2D;
  /** 1 where a point is routed to an expert (its top-k gates), n × N_E; carries no gradient. */
  mask: Tensor2D;
}

export function moeExpertShape(shape: MoeShape): MlpShape {
  return { inputs: shape.inputs, hidden: shape.hidden, outputs: shape.outputs, activation: shape.activation };
}

/** Tensors per expert: a weight and a bias per layer. */
export function moeExpertParamCount(shape: MoeShape): number {
  return 2 * (shape.hidden.length + 1);
}

/**
 * Initial weights, in the order moeForward reads them: the router (inputs × N_E, then its bias),
 * then each expert's layers. Each expert is drawn from its own seeded stream, so experts start
 * different; the router starts small (std 0.1) so that every expert first gets a share.
 */
export function moeInitWeights(shape: MoeShape, seed: number): DenseWeights[] {
  const random = rng(rngSeedFor(seed, 'router'));
  const w = new Float32Array(shape.inputs * shape.experts);
  for (let i = 0; i < w.length; i++) w[i] = 0.1 * random.normal();
  const router: DenseWeights = { inputs: shape.inputs, outputs: shape.experts, w, b: new Float32Array(shape.experts) };
  const experts = Array.from({ length: shape.experts }, (_, e) => mlpInitWeights(moeExpertShape(shape), rngSeedFor(seed, `expert ${e}`)));
  return [router, ...experts.flat()];
}

/**
 * The top-k routing mask of gate probabilities. It is built from argMax and oneHot, whose
 * gradients are zero, so no gradient flows through which experts are chosen (the fᵢ of the
 * load-balancing loss are constants to the optimizer, as in the paper).
 */
export function moeTopKMask(probs: Tensor2D, topK: number): Tensor2D {
  const experts = probs.shape[1];
  const first = tf.oneHot(tf.argMax(probs, 1), experts).toFloat() as Tensor2D;
  if (topK < 2) return first;
  // Probabilities lie in [0, 1]: subtracting 2 from the chosen one puts it last.
  const second = tf.oneHot(tf.argMax(tf.sub(probs, tf.mul(first, 2)), 1), experts).toFloat();
  return tf.add(first, second) as Tensor2D;
}

/** `params`: [W_router, b_router, expert 0's W₀, b₀, …, expert 1's …]. */
export function moeForward(params: readonly Tensor[], x: Tensor2D, shape: MoeShape): MoeForward {
  const routerLogits = tf.add(tf.matMul(x, params[0] as Tensor2D), params[1]!) as Tensor2D;
  const probs = tf.softmax(routerLogits) as Tensor2D;
  const mask = moeTopKMask(probs, shape.topK);
  const gates = tf.mul(probs, mask);
  const per = moeExpertParamCount(shape);
  let logits: Tensor2D | null = null;
  for (let e = 0; e < shape.experts; e++) {
    const expert = params.slice(2 + e * per, 2 + (e + 1) * per);
    const out = mlpForward(expert, x, shape.activation);
    const gate = tf.slice(gates, [0, e], [-1, 1]);
    const term = tf.mul(out, gate) as Tensor2D;
    logits = logits ? (tf.add(logits, term) as Tensor2D) : term;
  }
  return { logits: logits!, routerLogits, probs, mask };
}

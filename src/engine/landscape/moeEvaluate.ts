// The loss landscape of a mixture of experts (moeModel.ts): its total objective, task loss (with
// the loss's add-ons) + α·LBL + z·(router z-loss) over the whole training set, each domain one
// micro-batch (moeFullBatch.ts), plus the weight penalty, at θ(α, β) = θ + α·d1 + β·d2 where θ is
// every parameter of the router and the experts.
//
// Batched like the MLP's surfaces (evaluate.ts): every layer that reads the inputs — the router
// and the experts' first layers — is linear in (α, β), so X·W(α, β) + b(α, β) is one matMul of
// the chunk's coefficient rows [1, α, β] with a stack [XW + b; XD₁ + b′₁; XD₂ + b′₂] made once per
// surface. The experts run as one wide MLP (moeWide.ts), whose later layers are one rank-3 matMul
// over the chunk's G points each; the routing (softmax, top-k, gates), each point's LBL and its
// z-loss are rank-3 ops over [G, n, N_E]. `perPoint` runs 2-D ops one point at a time.
//
// Top-k routing is piecewise: where a point's top expert changes, its logits switch from one
// expert's output to another's and fᵢ jumps, so the surface has creases and small steps there.
// They are the objective's own, not an artefact of the grid.
import { tf, type Scalar, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { mlpActivate, mlpWeightTensors, type DenseWeights } from '../mlp';
import type { AddonSpec } from '../../losses/addons';
import type { LossParams } from '../../losses/types';
import { moeForward, moeTopKMask, type MoeShape } from '../moe/moeModel';
import { moeFullBatchAuxiliaryLoss, type MoeAuxiliarySettings, type MoeDomainAverager } from '../moe/moeFullBatch';
import type { LandscapeEvaluator, LandscapeObjective, LandscapeStrategy } from './evaluate';
import { landscapeAugmented, landscapeCoefficients, landscapeEvaluateChunked, landscapeStackRows } from './chunks';
import { landscapeChunkLosses, landscapeMeanLoss, landscapeTiledTargets } from './stacked2d';
import type { LandscapePlane } from './params';
import { landscapePenaltyOf } from './penalty';
import { moeGateMatrices, moeWideLayers } from './moeWide';

type Tensor3D = tf.Tensor3D;

/** What a mixture's landscape needs beside the MLP's objective. */
export interface LandscapeMoe {
  shape: MoeShape;
  auxiliary: MoeAuxiliarySettings;
  /** The training points' domains as micro-batches (moeDomainAverager). */
  averager: MoeDomainAverager;
  /** The loss's add-ons, part of the task loss as in training (TrainingObjective.ofLogits). */
  addons: readonly { spec: AddonSpec; params: LossParams }[];
}

/** The layers of a mixture: its router, then each expert's `depth` layers. */
function expertDepth(moe: LandscapeMoe): number {
  return moe.shape.hidden.length + 1;
}

/** Task loss plus the mean of each add-on, from logits n × K (inside a tidy). */
function taskLoss(objective: LandscapeObjective, moe: LandscapeMoe, logits: Tensor2D): Tensor {
  let total = landscapeMeanLoss(objective, logits, objective.targets);
  for (const addon of moe.addons) total = tf.add(total, tf.mean(addon.spec.compute(logits, addon.params)));
  return total;
}

/** The total objective of one parameter set, through the model's own forward pass. */
export async function landscapeMoeLossOf(objective: LandscapeObjective, moe: LandscapeMoe, layers: readonly DenseWeights[]): Promise<number> {
  const value = tf.tidy(() => {
    const routed = moeForward(mlpWeightTensors(layers), objective.x, moe.shape);
    const task = taskLoss(objective, moe, routed.logits);
    const auxiliary = moeFullBatchAuxiliaryLoss(routed, moe.auxiliary, moe.averager);
    return (auxiliary ? tf.add(task, auxiliary) : task) as Scalar;
  });
  try {
    return (await value.data())[0]! + (objective.penalty ? landscapePenaltyOf(objective.penalty, layers) : 0);
  } finally {
    value.dispose();
  }
}

/** The top-k routing mask over the last axis of [G, n, N_E] gate probabilities (moeTopKMask's rule). */
function topKMask(probs: Tensor3D, topK: number): Tensor3D {
  const experts = probs.shape[2];
  const first = tf.oneHot(tf.argMax(probs, 2), experts).toFloat() as Tensor3D;
  if (topK < 2) return first;
  const second = tf.oneHot(tf.argMax(tf.sub(probs, tf.mul(first, 2)), 2), experts).toFloat();
  return tf.add(first, second) as Tensor3D;
}

/** N_E Σᵢ fᵢ pᵢ of each of G points, [G]; `averager` (D′ × n) only for micro-batch LBL. */
function balanceLosses(probs: Tensor3D, mask: Tensor3D, settings: MoeAuxiliarySettings, averager: Tensor2D | null): Tensor1D {
  const [g, n, experts] = probs.shape;
  if (!averager) {
    const f = tf.div(tf.mean(mask, 1), settings.topK);
    return tf.mul(experts, tf.sum(tf.mul(f, tf.mean(probs, 1)), 1)) as Tensor1D;
  }
  // Each domain's mean over its points, for all G points at once: A · [n, G·N_E].
  const domainMeans = (t: Tensor3D): Tensor3D => tf.reshape(tf.matMul(averager, tf.reshape(tf.transpose(t, [1, 0, 2]), [n, g * experts])), [averager.shape[0], g, experts]);
  const f = tf.div(domainMeans(mask), settings.topK);
  return tf.mul(experts, tf.mean(tf.sum(tf.mul(f, domainMeans(probs)), 2), 0)) as Tensor1D;
}

/** [m, n·out]: X·W + b of `layer` of the centre and of each direction, one row each. */
function inputStack(x: Tensor2D, layers: readonly DenseWeights[]): Tensor2D {
  return tf.tidy(() => {
    const [n] = x.shape;
    const rows = layers.map((layer) => tf.reshape(tf.add(tf.matMul(x, tf.tensor2d(layer.w, [layer.inputs, layer.outputs])), tf.tensor1d(layer.b)), [1, n * layer.outputs]));
    return tf.concat(rows, 0) as Tensor2D;
  });
}

/**
 * Batched evaluator of a mixture's total objective on a plane (`strategy` already resolved):
 * `batched` takes a chunk's G points through rank-3 ops at once, `perPoint` one point at a time
 * through 2-D ops (on tfjs's wasm backend a rank-3 matMul over several matrices is slow). The
 * experts run as one wide MLP with block-diagonal layers (moeWide.ts).
 */
export function landscapeMoeEvaluator(objective: LandscapeObjective, moe: LandscapeMoe, plane: LandscapePlane, strategy: LandscapeStrategy, maxElements: number): LandscapeEvaluator {
  const { center, d1, d2 } = plane;
  const { shape, auxiliary } = moe;
  const depth = expertDepth(moe);
  const experts = shape.experts;
  if (center.length !== 1 + experts * depth) throw new Error(`a mixture of ${experts} experts of ${depth} layers has ${1 + experts * depth} layers, the weights ${center.length}`);
  const [n] = objective.x.shape;
  const classes = shape.outputs;
  const perPoint = strategy === 'perPoint';
  const directions = d2 ? [center, d1, d2] : [center, d1];
  const wide = directions.map((layers) => moeWideLayers(layers, experts, depth));
  const wideCentre = wide[0]!;
  // Per point: the router's [n, N_E] logits, probabilities, mask and gates, and the wide network's
  // widest activation (+1 for the bias column) twice over (its activation and its gated copy).
  const perPointElements = n * (4 * experts + 2 * (Math.max(...wideCentre.map((l) => l.outputs)) + 1));
  const chunkSize = Math.max(1, Math.floor(maxElements / perPointElements));

  const keep: Tensor[] = [];
  const kept = <T extends Tensor>(t: T): T => {
    keep.push(t);
    return t;
  };
  const router = kept(inputStack(objective.x, directions.map((layers) => layers[0]!)));
  const first = kept(inputStack(objective.x, wide.map((layers) => layers[0]!)));
  const later = wideCentre.slice(1).map((layer, k) => {
    const at = (layers: readonly DenseWeights[]): DenseWeights => layers[k + 1]!;
    if (!perPoint) return { layer, stack: kept(landscapeStackRows(wide.map((layers) => landscapeAugmented(at(layers))))), biasStack: null };
    return { layer, stack: kept(landscapeStackRows(wide.map((layers) => at(layers).w))), biasStack: kept(landscapeStackRows(wide.map((layers) => at(layers).b))) };
  });
  const gateMatrices = moeGateMatrices(experts, classes);
  const expand = kept(tf.tensor2d(gateMatrices.expand, [experts, experts * classes]));
  const sum = kept(tf.tensor2d(gateMatrices.sum, [experts * classes, classes]));
  const ones = !perPoint && depth > 1 ? kept(tf.ones([chunkSize, n, 1]) as Tensor3D) : null;
  const tiledTargets = perPoint ? null : landscapeTiledTargets(objective, chunkSize);
  const tiledFull = tiledTargets ? kept(tiledTargets) : null;
  const averager = auxiliary.alpha > 0 && auxiliary.balance === 'micro' ? kept(tf.tensor2d(moe.averager.weights, [moe.averager.rows, moe.averager.points])) : null;
  let disposed = false;

  /** The gated sum of the experts' logits from the wide output z ([rows, N_E·K]) and gates ([rows, N_E]). */
  const gated = (z: Tensor2D, gates: Tensor2D): Tensor2D => tf.matMul(tf.mul(z, tf.matMul(gates, expand)), sum);

  /** Task loss, add-ons, α·LBL and the z-loss of g points, [g], from their routing and logits [g·n, K]. */
  const total = (g: number, logits: Tensor2D, routerLogits: Tensor3D, probs: Tensor3D, mask: Tensor3D): Tensor1D => {
    const terms: Tensor[] = [landscapeChunkLosses(objective, logits, g, tiledFull)];
    for (const addon of moe.addons) terms.push(tf.mean(tf.reshape(addon.spec.compute(logits, addon.params), [g, n]), 1));
    if (auxiliary.alpha > 0) terms.push(tf.mul(auxiliary.alpha, balanceLosses(probs, mask, auxiliary, averager)));
    if (auxiliary.zLoss > 0) terms.push(tf.mul(auxiliary.zLoss, tf.mean(tf.square(tf.logSumExp(routerLogits, 2)), 1)));
    return (terms.length === 1 ? terms[0]! : tf.addN(terms)) as Tensor1D;
  };

  /** Total objectives [g] of a chunk's points from their coefficient rows c (g × m), rank-3 (inside a tidy). */
  const batchedLosses = (c: Tensor2D): Tensor1D => {
    const g = c.shape[0];
    const routerLogits = tf.reshape(tf.matMul(c, router), [g, n, experts]) as Tensor3D;
    const probs = tf.softmax(routerLogits) as Tensor3D;
    const mask = topKMask(probs, shape.topK);
    let z = tf.reshape(tf.matMul(c, first), [g, n, wideCentre[0]!.outputs]) as Tensor3D;
    if (ones) {
      const bias = g === chunkSize ? ones : (tf.slice(ones, [0, 0, 0], [g, n, 1]) as Tensor3D);
      for (const { layer, stack } of later) {
        const h = tf.concat([mlpActivate(z, shape.activation) as Tensor3D, bias], 2);
        z = tf.matMul(h, tf.reshape(tf.matMul(c, stack), [g, layer.inputs + 1, layer.outputs]) as Tensor3D);
      }
    }
    const logits = gated(tf.reshape(z, [g * n, experts * classes]) as Tensor2D, tf.reshape(tf.mul(probs, mask), [g * n, experts]) as Tensor2D);
    return total(g, logits, routerLogits, probs, mask);
  };

  /** The total objective of one point, [1], from its coefficient row c (1 × m), 2-D (inside a tidy). */
  const pointLoss = (c: Tensor2D): Tensor1D => {
    const routerLogits = tf.reshape(tf.matMul(c, router), [n, experts]) as Tensor2D;
    const probs = tf.softmax(routerLogits) as Tensor2D;
    const mask = moeTopKMask(probs, shape.topK);
    let z = tf.reshape(tf.matMul(c, first), [n, wideCentre[0]!.outputs]) as Tensor2D;
    for (const { layer, stack, biasStack } of later) {
      const weights = tf.reshape(tf.matMul(c, stack), [layer.inputs, layer.outputs]) as Tensor2D;
      z = tf.add(tf.matMul(mlpActivate(z, shape.activation) as Tensor2D, weights), tf.reshape(tf.matMul(c, biasStack!), [layer.outputs]));
    }
    const logits = gated(z, tf.mul(probs, mask) as Tensor2D);
    const as3 = (t: Tensor2D): Tensor3D => tf.reshape(t, [1, n, experts]) as Tensor3D;
    return total(1, logits, as3(routerLogits), as3(probs), as3(mask));
  };

  const chunk = (alphas: Float32Array, betas: Float32Array): Tensor1D => {
    const m = directions.length;
    const coefficients = landscapeCoefficients(alphas, betas, m);
    if (!perPoint) return batchedLosses(tf.tensor2d(coefficients, [alphas.length, m]));
    // One small tensor per point rather than slices of a shared one (Slice is slow on wasm).
    return tf.concat(Array.from({ length: alphas.length }, (_, i) => pointLoss(tf.tensor2d(coefficients.subarray(i * m, (i + 1) * m), [1, m])))) as Tensor1D;
  };

  return {
    chunkSize,
    // stacked2d's 2-D rewrite of the later layers is not made for a mixture: it runs batched.
    strategy: perPoint ? 'perPoint' : 'batched',
    evaluate: (alphas, betas) => landscapeEvaluateChunked({ chunkSize, plane, penalty: objective.penalty, disposed: () => disposed, chunk }, alphas, betas),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const t of keep) t.dispose();
    },
  };
}

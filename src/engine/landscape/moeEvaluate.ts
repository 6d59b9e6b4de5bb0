// The loss landscape of a mixture of experts (moeModel.ts): its total objective, task loss (with
// the loss's add-ons) + α·LBL + z·(router z-loss) over the whole training set, each domain one
// micro-batch (moeFullBatch.ts), plus the weight penalty, at θ(α, β) = θ + α·d1 + β·d2 where θ is
// every parameter of the router and the experts.
//
// Batched like the MLP's surfaces (evaluate.ts): every layer that reads the inputs — the router
// and each expert's first layer — is linear in (α, β), so X·W(α, β) + b(α, β) is one matMul of
// the chunk's coefficient rows [1, α, β] with a stack [XW + b; XD₁ + b′₁; XD₂ + b′₂] made once per
// surface; each expert's later layers are one rank-3 matMul over the chunk's G points; the
// routing (softmax, top-k, gates), the LBL of each point and its z-loss are rank-3 ops over
// [G, n, N_E]. `perPoint` runs the same ops one point at a time.
//
// Top-k routing is piecewise: where a point's top expert changes, its logits switch from one
// expert's output to another's and fᵢ jumps, so the surface has creases and small steps there.
// They are the objective's own, not an artefact of the grid.
import { tf, type Scalar, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { mlpActivate, mlpWeightTensors, type DenseWeights } from '../mlp';
import type { AddonSpec } from '../../losses/addons';
import type { LossParams } from '../../losses/types';
import { moeForward, type MoeShape } from '../moe/moeModel';
import { moeFullBatchAuxiliaryLoss, type MoeAuxiliarySettings, type MoeDomainAverager } from '../moe/moeFullBatch';
import type { LandscapeEvaluator, LandscapeObjective, LandscapeStrategy } from './evaluate';
import { landscapeAugmented, landscapeCoefficients, landscapeEvaluateChunked, landscapeStackRows } from './chunks';
import { landscapeChunkLosses, landscapeMeanLoss, landscapeTiledTargets } from './stacked2d';
import type { LandscapePlane } from './params';
import { landscapePenaltyOf } from './penalty';

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

/** Batched evaluator of a mixture's total objective on a plane (`strategy` already resolved). */
export function landscapeMoeEvaluator(objective: LandscapeObjective, moe: LandscapeMoe, plane: LandscapePlane, strategy: LandscapeStrategy, maxElements: number): LandscapeEvaluator {
  const { center, d1, d2 } = plane;
  const { shape, auxiliary } = moe;
  const depth = expertDepth(moe);
  const experts = shape.experts;
  if (center.length !== 1 + experts * depth) throw new Error(`a mixture of ${experts} experts of ${depth} layers has ${1 + experts * depth} layers, the weights ${center.length}`);
  const [n] = objective.x.shape;
  const classes = shape.outputs;
  const directions = d2 ? [center, d1, d2] : [center, d1];
  // Per point: the router's [n, N_E] logits, probabilities, mask and gates, every expert's widest
  // activation (+1 for the bias column) and its gated [n, K] output.
  const perPointElements = n * (4 * experts + experts * (Math.max(...center.map((l) => l.outputs)) + 1 + classes));
  const chunkSize = Math.max(1, Math.floor(maxElements / perPointElements));

  const keep: Tensor[] = [];
  const kept = <T extends Tensor>(t: T): T => {
    keep.push(t);
    return t;
  };
  /** [m, n·out]: X·W + b of layer `l` for the centre and each direction. */
  const inputStack = (l: number): Tensor2D =>
    kept(
      tf.tidy(() => {
        const rows = directions.map((layers) => {
          const layer = layers[l]!;
          return tf.reshape(tf.add(tf.matMul(objective.x, tf.tensor2d(layer.w, [layer.inputs, layer.outputs])), tf.tensor1d(layer.b)), [1, n * layer.outputs]);
        });
        return tf.concat(rows, 0) as Tensor2D;
      }),
    );
  const router = inputStack(0);
  const expertStacks = Array.from({ length: experts }, (_, e) => {
    const base = 1 + e * depth;
    return {
      first: inputStack(base),
      firstOutputs: center[base]!.outputs,
      later: center.slice(base + 1, base + depth).map((layer, k) => ({ layer, stack: kept(landscapeStackRows(directions.map((layers) => landscapeAugmented(layers[base + 1 + k]!)))) })),
    };
  });
  const ones = depth > 1 ? kept(tf.ones([chunkSize, n, 1]) as Tensor3D) : null;
  const tiledTargets = landscapeTiledTargets(objective, chunkSize);
  const tiledFull = tiledTargets ? kept(tiledTargets) : null;
  const averager = auxiliary.alpha > 0 && auxiliary.balance === 'micro' ? kept(tf.tensor2d(moe.averager.weights, [moe.averager.rows, moe.averager.points])) : null;
  let disposed = false;

  /** Total objectives [g] of g points from their coefficient rows c (g × m), inside a tidy. */
  const pointsLosses = (c: Tensor2D): Tensor1D => {
    const g = c.shape[0];
    const routerLogits = tf.reshape(tf.matMul(c, router), [g, n, experts]) as Tensor3D;
    const probs = tf.softmax(routerLogits) as Tensor3D;
    const mask = topKMask(probs, shape.topK);
    const gates = tf.mul(probs, mask) as Tensor3D;
    const bias = ones && (g === chunkSize ? ones : (tf.slice(ones, [0, 0, 0], [g, n, 1]) as Tensor3D));
    let logits: Tensor3D | null = null;
    expertStacks.forEach(({ first, firstOutputs, later }, e) => {
      let z = tf.reshape(tf.matMul(c, first), [g, n, firstOutputs]) as Tensor3D;
      for (const { layer, stack } of later) {
        const h = tf.concat([mlpActivate(z, shape.activation) as Tensor3D, bias!], 2);
        z = tf.matMul(h, tf.reshape(tf.matMul(c, stack), [g, layer.inputs + 1, layer.outputs]) as Tensor3D);
      }
      const term = tf.mul(z, tf.slice(gates, [0, 0, e], [g, n, 1])) as Tensor3D;
      logits = logits ? (tf.add(logits, term) as Tensor3D) : term;
    });
    const flat = tf.reshape(logits!, [g * n, classes]) as Tensor2D;
    const terms: Tensor[] = [landscapeChunkLosses(objective, flat, g, tiledFull)];
    for (const addon of moe.addons) terms.push(tf.mean(tf.reshape(addon.spec.compute(flat, addon.params), [g, n]), 1));
    if (auxiliary.alpha > 0) terms.push(tf.mul(auxiliary.alpha, balanceLosses(probs, mask, auxiliary, averager)));
    if (auxiliary.zLoss > 0) terms.push(tf.mul(auxiliary.zLoss, tf.mean(tf.square(tf.logSumExp(routerLogits, 2)), 1)));
    return (terms.length === 1 ? terms[0]! : tf.addN(terms)) as Tensor1D;
  };

  const chunk = (alphas: Float32Array, betas: Float32Array): Tensor1D => {
    const m = directions.length;
    const coefficients = landscapeCoefficients(alphas, betas, m);
    if (strategy !== 'perPoint') return pointsLosses(tf.tensor2d(coefficients, [alphas.length, m]));
    return tf.concat(Array.from({ length: alphas.length }, (_, i) => pointsLosses(tf.tensor2d(coefficients.subarray(i * m, (i + 1) * m), [1, m])))) as Tensor1D;
  };

  return {
    chunkSize,
    // stacked2d's 2-D rewrite of the later layers is not made for a mixture: it runs batched.
    strategy: strategy === 'perPoint' ? 'perPoint' : 'batched',
    evaluate: (alphas, betas) => landscapeEvaluateChunked({ chunkSize, plane, penalty: objective.penalty, disposed: () => disposed, chunk }, alphas, betas),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const t of keep) t.dispose();
    },
  };
}

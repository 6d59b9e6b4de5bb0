// The loss at many points θ(α, β) = θ + α·d1 + β·d2 of a plane, batched across points.
//
// For a chunk of G points the perturbed weights are stacked on a leading axis and every later
// layer is one rank-3 matMul, [G, n, in] × [G, in, out]. The first layer needs no stacking at
// all: it is linear in (α, β), X·W₀(α, β) = XW₀ + α·XD₁ + β·XD₂, so XW₀, XD₁ and XD₂ are
// computed once per surface and each point costs only a weighted sum of them. Chunks are sized
// so that G·n·width stays under a memory bound, and each chunk is read back with `await data()`
// (never dataSync) so the same code runs on WebGPU.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { mlpForward, mlpWeightTensors, type Activation, type DenseWeights } from '../mlp';
import type { LossContext, LossParams, LossSpec } from '../../losses/types';
import type { AddonSpec } from '../../losses/addons';
import { landscapeCheckShapes, landscapePlanePoint, type LandscapePlane } from './params';
import { landscapePenaltyOf, type LandscapePenalty } from './penalty';
import { landscapeAugmented, landscapeCoefficients, landscapeEvaluateChunked, landscapeStackRows } from './chunks';
import { landscapeMoeEvaluator, landscapeMoeLossOf, type LandscapeMoe } from './moeEvaluate';
import { landscapeActivate, landscapeChunkLosses, landscapeMeanLoss as meanLoss, landscapeStacked2d, landscapeTiledTargets } from './stacked2d';

export { landscapeActivate };

export interface LandscapeAddon {
  spec: AddonSpec;
  params: LossParams;
}

/** What a landscape measures: a model's loss over a dataset. The caller owns `x` and `targets`. */
export interface LandscapeObjective {
  activation: Activation;
  /** Inputs, n × F. */
  x: Tensor2D;
  /** One-hot targets, n × K. */
  targets: Tensor2D;
  loss: LossSpec;
  params: LossParams;
  context: LossContext;
  /** An L1/L2 penalty training adds to the loss: the surface is then of the whole objective. */
  penalty?: LandscapePenalty;
  /** Add-ons training adds to the loss (the mean of each over the examples), as TrainingObjective.ofLogits does. */
  addons?: readonly LandscapeAddon[];
  /**
   * Set when the model is a mixture of experts (moeEvaluate.ts): the layers are its router's and
   * then each expert's, and the surface is of its total objective (task loss, α·LBL, z-loss).
   */
  moe?: LandscapeMoe;
}

export interface LandscapeEvaluatorOptions {
  /**
   * Upper bound on G·n·width, the entries of the largest activation tensor of one chunk
   * (default 2²² ≈ 4M floats, 16 MB). A chunk holds at least one point.
   */
  maxElements?: number;
  /** How a chunk is computed; default from landscapeDefaultStrategy(tf.getBackend()). */
  strategy?: LandscapeStrategy;
}

/**
 * `batched`: every layer of a chunk is one rank-3 op over its G points. `stacked2d`: every layer
 * of a chunk is large 2-D matMuls over all its G·n rows, H·W + α ⊙ H·D₁ + β ⊙ H·D₂ (three times
 * the multiply-adds; see stacked2d.ts). `perPoint`: the chunk's points go one at a time through
 * plain 2-D ops (still sharing XW₀, XD₁, XD₂ and the readback).
 */
export type LandscapeStrategy = 'batched' | 'stacked2d' | 'perPoint';

export const LANDSCAPE_STRATEGIES: readonly LandscapeStrategy[] = ['batched', 'stacked2d', 'perPoint'];

/**
 * `perPoint` on tfjs-backend-wasm, `batched` elsewhere. Measured with tfjs 4.22, the wasm backend
 * runs a rank-3 matMul whose batch is over 1 through a plain loop kernel rather than XNNPACK, and
 * its Concat, Slice and Unpack are slow, while its per-op overhead is small: there, `batched` is
 * 3–4× slower than one small forward per point. `stacked2d` avoids all of those, but its three
 * matMuls per later layer cost more than the per-op overhead they save: on a 51×51 surface of a
 * 2-32-32-3 MLP over 1000 points it took ~1.4× as long as `perPoint` both in Node and in headless
 * Chromium. WebGPU and WebGL pay a dispatch per op, which is what batching saves; on cpu
 * `batched` and `perPoint` are level and `stacked2d` is ~3× slower (cpu is FLOP-bound).
 */
export function landscapeDefaultStrategy(backend: string): LandscapeStrategy {
  return backend === 'wasm' ? 'perPoint' : 'batched';
}

export interface LandscapeEvaluator {
  /** Grid points evaluated together in one chunk (and read back together). */
  readonly chunkSize: number;
  readonly strategy: LandscapeStrategy;
  /** The loss at each (alphas[i], betas[i]); `betas` may be omitted for a line (d2 null). */
  evaluate(alphas: ArrayLike<number>, betas?: ArrayLike<number>): Promise<Float32Array>;
  /** Frees the per-surface tensors. The evaluator cannot be used afterwards. */
  dispose(): void;
}

export const LANDSCAPE_DEFAULT_MAX_ELEMENTS = 1 << 22;

type Tensor3D = tf.Tensor3D;

/**
 * Prepares a plane for batched evaluation; holds a few tensors until dispose().
 *
 * Every quantity that is linear in (α, β) is one matMul of the chunk's coefficient rows
 * C = [1, α_g, β_g] (G × 3) with a stack S = [centre; d1; d2] (3 × size) made once per surface:
 * - first layer: S₀ = [XW₀ + b₀; XD₁ + b′₁; XD₂ + b′₂] flattened, so Z₁ = reshape(C·S₀, [G, n, h₁]);
 * - later layers: S_l stacks the weights with the bias as an extra row, so each point's
 *   (in + 1) × out matrix is reshape(C·S_l, [G, in + 1, out]) and the layer is one rank-3 matMul
 *   of [act(Z), 1] ([G, n, in + 1]) with it.
 * This keeps every op free of broadcasting, which tfjs's cpu backend runs an order of magnitude
 * slower than same-shape ops. For a per-example loss the chunk's logits are flattened to
 * [G·n, K] and scored against targets tiled G times; a batch-level loss is called per point.
 * The `perPoint` strategy uses the same stacks one coefficient row at a time, with 2-D ops;
 * `stacked2d` shares the first-layer stack and runs later layers as 2-D matMuls (stacked2d.ts).
 * Each chunk is one tidy and one `await data()`; the next chunk is queued before the wait.
 */
export function landscapeEvaluator(objective: LandscapeObjective, plane: LandscapePlane, options: LandscapeEvaluatorOptions = {}): LandscapeEvaluator {
  const { center, d1, d2 } = plane;
  landscapeCheckShapes(d1, center, 'direction d1');
  if (d2) landscapeCheckShapes(d2, center, 'direction d2');
  if (objective.moe) return landscapeMoeEvaluator(objective, objective.moe, plane, options.strategy ?? landscapeDefaultStrategy(tf.getBackend()), options.maxElements ?? LANDSCAPE_DEFAULT_MAX_ELEMENTS);
  const first = center[0];
  if (!first) throw new Error('the model has no layers');
  const [n] = objective.x.shape;
  const classes = center[center.length - 1]!.outputs;
  const directions = d2 ? [center, d1, d2] : [center, d1];
  const strategy = options.strategy ?? landscapeDefaultStrategy(tf.getBackend());
  const perPoint = strategy === 'perPoint';
  // The largest per-chunk tensors are [G, n, width] (+1 for the bias column) and [G·n, K];
  // stacked2d holds one [G·n, width] product per direction and the centre at once.
  const widest = Math.max(...center.map((layer) => layer.outputs + 1)) * (strategy === 'stacked2d' ? directions.length : 1);
  const maxElements = options.maxElements ?? LANDSCAPE_DEFAULT_MAX_ELEMENTS;
  const chunkSize = Math.max(1, Math.floor(maxElements / Math.max(1, n * widest)));

  const keep: Tensor[] = [];
  const kept = <T extends Tensor>(t: T): T => {
    keep.push(t);
    return t;
  };
  const firstStack = kept(
    tf.tidy(() => {
      const products = directions.map((layers) => {
        const layer = layers[0]!;
        return tf.reshape(tf.add(tf.matMul(objective.x, tf.tensor2d(layer.w, [layer.inputs, layer.outputs])), tf.tensor1d(layer.b)), [1, n * layer.outputs]);
      });
      return tf.concat(products, 0) as Tensor2D;
    }),
  );
  const stacked = strategy === 'stacked2d' ? landscapeStacked2d(objective, directions, firstStack, chunkSize) : null;
  // Batched: weights with the bias as an extra row. Per point: weights and biases apart.
  const laterStacks = (stacked ? [] : center.slice(1)).map((layer, k) => {
    const at = (layers: readonly DenseWeights[]): DenseWeights => layers[k + 1]!;
    if (!perPoint) return { layer, stack: kept(landscapeStackRows(directions.map((layers) => landscapeAugmented(at(layers))))), biasStack: null };
    return { layer, stack: kept(landscapeStackRows(directions.map((layers) => at(layers).w))), biasStack: kept(landscapeStackRows(directions.map((layers) => at(layers).b))) };
  });
  // The bias column and the tiled targets, sized for a full chunk and sliced for a short one.
  const onesFull = strategy === 'batched' && laterStacks.length > 0 ? kept(tf.ones([chunkSize, n, 1]) as Tensor3D) : null;
  const tiledTargets = strategy === 'batched' ? landscapeTiledTargets(objective, chunkSize) : null;
  const tiledFull = tiledTargets ? kept(tiledTargets) : null;
  let disposed = false;

  /** The mean loss at one point, from its coefficient row [1, α, β] (inside a tidy). */
  const pointLoss = (c: Tensor2D): Tensor => {
    let z = tf.reshape(tf.matMul(c, firstStack), [n, first.outputs]) as Tensor2D;
    for (const { layer, stack, biasStack } of laterStacks) {
      const weights = tf.reshape(tf.matMul(c, stack), [layer.inputs, layer.outputs]) as Tensor2D;
      z = tf.add(tf.matMul(landscapeActivate(z, objective.activation) as Tensor2D, weights), tf.reshape(tf.matMul(c, biasStack!), [layer.outputs]));
    }
    return meanLoss(objective, z, objective.targets);
  };

  /** Mean losses [g] for one chunk of points, as a tensor (inside the caller's tidy). */
  const chunkLosses = (alphas: Float32Array, betas: Float32Array): Tensor1D => {
    const g = alphas.length;
    const m = directions.length;
    const coefficients = landscapeCoefficients(alphas, betas, m);
    if (stacked) return stacked.losses(coefficients, g);
    if (perPoint) {
      // One small tensor per point rather than slices of a shared one (Slice is slow on wasm).
      return tf.stack(Array.from({ length: g }, (_, i) => pointLoss(tf.tensor2d(coefficients.subarray(i * m, (i + 1) * m), [1, m])))) as Tensor1D;
    }
    const c = tf.tensor2d(coefficients, [g, m]);
    let z = tf.reshape(tf.matMul(c, firstStack), [g, n, first.outputs]) as Tensor3D;
    if (onesFull) {
      const ones = g === chunkSize ? onesFull : (tf.slice(onesFull, [0, 0, 0], [g, n, 1]) as Tensor3D);
      for (const { layer, stack } of laterStacks) {
        const h = tf.concat([landscapeActivate(z, objective.activation) as Tensor3D, ones], 2);
        const weights = tf.reshape(tf.matMul(c, stack), [g, layer.inputs + 1, layer.outputs]) as Tensor3D;
        z = tf.matMul(h, weights);
      }
    }
    return landscapeChunkLosses(objective, tf.reshape(z, [g * n, classes]) as Tensor2D, g, tiledFull);
  };

  const evaluate = (alphas: ArrayLike<number>, betas?: ArrayLike<number>): Promise<Float32Array> =>
    landscapeEvaluateChunked({ chunkSize, plane, penalty: objective.penalty, disposed: () => disposed, chunk: chunkLosses }, alphas, betas);

  return {
    chunkSize,
    strategy,
    evaluate,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const t of keep) t.dispose();
      stacked?.dispose();
    },
  };
}

/** The loss of one parameter set: one plain mlpForward (a mixture's own forward pass). */
export async function landscapeLossOf(objective: LandscapeObjective, layers: readonly DenseWeights[]): Promise<number> {
  if (objective.moe) return landscapeMoeLossOf(objective, objective.moe, layers);
  const value = tf.tidy(() => {
    const logits = mlpForward(mlpWeightTensors(layers), objective.x, objective.activation);
    return meanLoss(objective, logits, objective.targets);
  });
  try {
    return (await value.data())[0]! + (objective.penalty ? landscapePenaltyOf(objective.penalty, layers) : 0);
  } finally {
    value.dispose();
  }
}

/**
 * The looped reference: one plain forward pass per point, weights combined in float64 in
 * TypeScript. Tests hold the batched evaluator to it and the timing test compares the two.
 */
export async function landscapeEvaluateLooped(
  objective: LandscapeObjective,
  plane: LandscapePlane,
  alphas: ArrayLike<number>,
  betas?: ArrayLike<number>,
): Promise<Float32Array> {
  const out = new Float32Array(alphas.length);
  for (let i = 0; i < alphas.length; i++) {
    out[i] = await landscapeLossOf(objective, landscapePlanePoint(plane, alphas[i]!, betas?.[i] ?? 0));
  }
  return out;
}

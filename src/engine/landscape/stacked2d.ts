// Pieces of the batched surface evaluator shared by its strategies, and the `stacked2d` strategy:
// a chunk of G grid points through large plain 2-D matMuls only.
//
// For a later layer the chunk's activations H (G·n × in) differ per point and so do its weights,
// W(α, β) = W + α·D₁ + β·D₂. Instead of stacking G weight matrices for a rank-3 matMul, the layer
// is written as H·W + α ⊙ H·D₁ + β ⊙ H·D₂ + b(α, β): three 2-D matMuls of all G·n rows against a
// matrix shared by the whole chunk, with α and β as per-row columns (α_g repeated n times). That is
// three times the multiply-adds of a plain forward pass, but each matMul is large and dense, which
// is what tfjs-backend-wasm (XNNPACK) runs fast; its rank-3 matMul over several matrices, Slice and
// Concat are slow, so none are used (measured in Node, tfjs 4.22: one [G·n, 3·out] matMul plus
// a broadcast multiply and sum over the 3 axis was ~1.5× slower than the three matMuls here;
// slicing the wide product into three was ~3× slower).
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { mlpActivate, type DenseWeights } from '../mlp';
import type { LandscapeObjective } from './evaluate';

type Tensor3D = tf.Tensor3D;

/** The hidden-layer nonlinearity: mlpForward's own, so surfaces and training agree exactly. */
export const landscapeActivate = mlpActivate;

/** Loss values from logits: the mean for per-example losses, the batch value otherwise, plus each add-on's mean. */
export function landscapeMeanLoss(objective: LandscapeObjective, logits: Tensor2D, targets: Tensor2D): Tensor {
  const out = objective.loss.compute(logits, targets, objective.params, objective.context);
  let total = objective.loss.level === 'example' ? tf.mean(out) : tf.reshape(out, []);
  for (const addon of objective.addons ?? []) total = tf.add(total, tf.mean(addon.spec.compute(logits, addon.params)));
  return total;
}

/** Each add-on's mean per point, [g], from a chunk's logits stacked point by point ([g·n, K]); null without add-ons. */
function chunkAddons(objective: LandscapeObjective, logits: Tensor2D, g: number, n: number): Tensor1D | null {
  const addons = objective.addons ?? [];
  if (addons.length === 0) return null;
  return tf.addN(addons.map((addon) => tf.mean(tf.reshape(addon.spec.compute(logits, addon.params), [g, n]), 1))) as Tensor1D;
}

/**
 * Targets tiled for a full chunk (G·n × K), for scoring a chunk's logits in one call of a
 * per-example loss; null where they are not needed. The caller owns the tensor.
 */
export function landscapeTiledTargets(objective: LandscapeObjective, chunkSize: number): Tensor2D | null {
  return objective.loss.level === 'example' && chunkSize > 1 ? (tf.tile(objective.targets, [chunkSize, 1]) as Tensor2D) : null;
}

/**
 * Mean losses [g] from a chunk's logits stacked point by point ([g·n, K]), inside a tidy.
 * A per-example loss is computed once over all rows; a batch-level loss once per point.
 */
export function landscapeChunkLosses(objective: LandscapeObjective, logits: Tensor2D, g: number, tiledFull: Tensor2D | null): Tensor1D {
  const [n, classes] = objective.targets.shape;
  if (objective.loss.level === 'example') {
    const full = tiledFull && tiledFull.shape[0] === g * n;
    const targets = g === 1 || !tiledFull ? objective.targets : full ? tiledFull : (tf.slice(tiledFull, [0, 0], [g * n, classes]) as Tensor2D);
    const perExample = objective.loss.compute(logits, targets, objective.params, objective.context);
    const losses = tf.mean(tf.reshape(perExample, [g, n]), 1) as Tensor1D;
    const addons = chunkAddons(objective, logits, g, n);
    return addons ? (tf.add(losses, addons) as Tensor1D) : losses;
  }
  const points = tf.unstack(tf.reshape(logits, [g, n, classes]));
  return tf.stack(points.map((z) => landscapeMeanLoss(objective, z as Tensor2D, objective.targets))) as Tensor1D;
}

export interface Stacked2dChunks {
  /** Mean losses [g] for a chunk from its coefficient rows [1, α, β?] (g × m), inside a tidy. */
  losses(coefficients: Float32Array, g: number): Tensor1D;
  dispose(): void;
}

/**
 * The `stacked2d` strategy over `directions` = [centre, d1, d2?]. `firstStack` is the caller's
 * [m, n·h₁] stack of XW₀ + b₀, XD₁ + b′₁, XD₂ + b′₂ (see landscapeEvaluator), so the first layer of
 * a chunk is one [g, m] × [m, n·h₁] matMul. Holds each later layer's m weight matrices and its
 * [m, out] bias stack until dispose(). Its largest tensors are the m products [g·n, out] alive at
 * once, so chunks should keep g·n·m·width under the memory bound.
 */
export function landscapeStacked2d(objective: LandscapeObjective, directions: readonly (readonly DenseWeights[])[], firstStack: Tensor2D, chunkSize: number): Stacked2dChunks {
  const center = directions[0]!;
  const first = center[0]!;
  const [n] = objective.x.shape;
  const m = directions.length;
  const keep: Tensor[] = [];
  const kept = <T extends Tensor>(t: T): T => {
    keep.push(t);
    return t;
  };
  const later = center.slice(1).map((layer, k) => {
    const at = (layers: readonly DenseWeights[]): DenseWeights => layers[k + 1]!;
    const biases = new Float32Array(m * layer.outputs);
    directions.forEach((layers, d) => biases.set(at(layers).b, d * layer.outputs));
    return {
      layer,
      weights: directions.map((layers) => kept(tf.tensor2d(at(layers).w, [layer.inputs, layer.outputs]))),
      biasStack: kept(tf.tensor2d(biases, [m, layer.outputs])),
    };
  });
  const tiledFull = landscapeTiledTargets(objective, chunkSize);
  if (tiledFull) keep.push(tiledFull);

  const losses = (coefficients: Float32Array, g: number): Tensor1D => {
    const c = tf.tensor2d(coefficients, [g, m]);
    let z = tf.reshape(tf.matMul(c, firstStack), [g * n, first.outputs]) as Tensor2D;
    if (later.length > 0) {
      // α (and β) per row: each point's coefficient repeated over its n examples.
      const columns = Array.from({ length: m - 1 }, (_, d) => {
        const column = new Float32Array(g * n);
        for (let i = 0; i < g; i++) column.fill(coefficients[i * m + d + 1]!, i * n, (i + 1) * n);
        return tf.tensor2d(column, [g * n, 1]);
      });
      for (const { layer, weights, biasStack } of later) {
        const h = landscapeActivate(z, objective.activation) as Tensor2D;
        let sum = tf.matMul(h, weights[0]!);
        columns.forEach((column, d) => {
          const w = weights[d + 1]!;
          // Scale whichever side is narrower: the inputs before the matMul or its product.
          const scaled = layer.inputs < layer.outputs ? tf.matMul(tf.mul(h, column), w) : tf.mul(tf.matMul(h, w), column);
          sum = tf.add(sum, scaled);
        });
        const bias = tf.reshape(tf.matMul(c, biasStack), [g, 1, layer.outputs]);
        z = tf.reshape(tf.add(tf.reshape(sum, [g, n, layer.outputs]) as Tensor3D, bias), [g * n, layer.outputs]) as Tensor2D;
      }
    }
    return landscapeChunkLosses(objective, z, g, tiledFull);
  };

  return {
    losses,
    dispose: () => {
      for (const t of keep) t.dispose();
      keep.length = 0;
    },
  };
}

import { tf, type Tensor, type Tensor2D } from './tf';
import { rng, rngSeedFor } from './rng';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface MlpShape {
  inputs: number;
  /** Width of each hidden layer; empty means a linear model (logistic regression). */
  hidden: readonly number[];
  outputs: number;
  activation: Activation;
}

/** One dense layer's parameters: `w` is row-major `inputs × outputs`. */
export interface DenseWeights {
  inputs: number;
  outputs: number;
  w: Float32Array;
  b: Float32Array;
}

/** Layer sizes from input to output, e.g. [2, 16, 16, 2]. */
export function mlpLayerSizes(shape: MlpShape): number[] {
  return [shape.inputs, ...shape.hidden, shape.outputs];
}

/**
 * Initial weights drawn in TypeScript from the seed, so that every backend (and every run in a
 * comparison) starts from the very same numbers. He-normal for ReLU, Glorot-normal otherwise;
 * biases start at zero.
 */
export function mlpInitWeights(shape: MlpShape, seed: number): DenseWeights[] {
  const random = rng(rngSeedFor(seed, 'weights'));
  const sizes = mlpLayerSizes(shape);
  const layers: DenseWeights[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l]!;
    const outputs = sizes[l + 1]!;
    const scale = shape.activation === 'relu' && l + 2 < sizes.length ? Math.sqrt(2 / inputs) : Math.sqrt(2 / (inputs + outputs));
    const w = new Float32Array(inputs * outputs);
    for (let i = 0; i < w.length; i++) w[i] = scale * random.normal();
    layers.push({ inputs, outputs, w, b: new Float32Array(outputs) });
  }
  return layers;
}

/** The hidden-layer nonlinearity; the landscape's batched evaluators use the same ops. */
export function mlpActivate(x: Tensor, activation: Activation): Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'linear':
      return x;
  }
}

/**
 * Logits of the MLP. `params` alternates weight and bias tensors: [W₀, b₀, W₁, b₁, …].
 * The last layer has no activation.
 */
export function mlpForward(params: readonly Tensor[], x: Tensor2D, activation: Activation): Tensor2D {
  let h: Tensor2D = x;
  const layers = params.length / 2;
  for (let l = 0; l < layers; l++) {
    const z = tf.add(tf.matMul(h, params[2 * l] as Tensor2D), params[2 * l + 1]!) as Tensor2D;
    h = l + 1 < layers ? (mlpActivate(z, activation) as Tensor2D) : z;
  }
  return h;
}

/** The weights as tensors in the order mlpForward expects. */
export function mlpWeightTensors(layers: readonly DenseWeights[]): Tensor[] {
  return layers.flatMap((layer) => [tf.tensor2d(layer.w, [layer.inputs, layer.outputs]), tf.tensor1d(layer.b)]);
}

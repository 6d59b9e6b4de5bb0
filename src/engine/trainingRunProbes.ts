// What a TrainingRun shows beyond training: per-layer activations over the plane, hand-edited and restored weights, the boundary's grid.
import { tf, type Tensor, type Tensor2D, type Variable } from './tf';
import { mlpActivate, type Activation } from './mlp';
import { trainingDataModelInputs, type TrainingData } from './trainingData';
import { curveGridInputs, planeGridInputs, type Plane } from './projection';

/**
 * Every layer's activations over a `resolution²` grid of the boundary's plane, for the network
 * view: the model's inputs, each hidden layer, and the output (class probabilities, or a
 * regression's raw outputs), one tensor a layer, `resolution² × width`. The caller disposes them.
 */
export function layerActivations(data: TrainingData, params: readonly Tensor[], activation: Activation, regression: boolean, resolution: number): Tensor2D[] {
  const inputs = trainingDataModelInputs(data, planeGridInputs(data.plane, resolution));
  return tf.tidy(() => {
    let h = tf.tensor2d(inputs, [resolution * resolution, data.inputs]);
    const out: Tensor2D[] = [h];
    const layers = params.length / 2;
    for (let l = 0; l < layers; l++) {
      const z = tf.add(tf.matMul(h, params[2 * l] as Tensor2D), params[2 * l + 1]!) as Tensor2D;
      // A regression's outputs are its values (point losses) or bin logits; a classifier's, class probabilities.
      h = l + 1 < layers ? (mlpActivate(z, activation) as Tensor2D) : regression ? z : tf.softmax(z);
      out.push(h);
    }
    return out;
  });
}

/** Sets parameter `index` (in weightsFlat's order) of `variables` to `value`. */
export function setWeight(variables: readonly Variable[], index: number, value: number): void {
  if (!Number.isFinite(value)) throw new Error(`a weight must be a finite number, not ${value}`);
  let offset = 0;
  for (const v of variables) {
    if (index < offset + v.size) {
      const values = v.dataSync().slice() as Float32Array;
      values[index - offset] = value;
      const next = tf.tensor(values, v.shape, 'float32');
      v.assign(next);
      next.dispose();
      return;
    }
    offset += v.size;
  }
  throw new Error(`there is no weight ${index} in a model of ${offset}`);
}

/** Assigns `weights` (weightsFlat's order) to `variables`; throws when the count differs. */
export function assignWeights(variables: readonly Variable[], weights: Float32Array): void {
  const total = variables.reduce((sum, v) => sum + v.size, 0);
  if (weights.length !== total) throw new Error(`cannot resume: ${weights.length} weights for a model of ${total}`);
  let offset = 0;
  for (const v of variables) {
    const values = tf.tensor(weights.subarray(offset, offset + v.size), v.shape, 'float32');
    v.assign(values);
    values.dispose();
    offset += v.size;
  }
}

/** The boundary grid's model inputs, kept while the resolution and the plane stay the same. */
export class GridPoints {
  private grid: { resolution: number; plane: Plane; points: Tensor2D } | undefined;

  constructor(private readonly data: TrainingData) {}

  /**
   * A `resolution²` grid of the data's plane (or a 2-D slice of feature space: see
   * projection.ts), `resolution² × F`. Data of one input has a line, not a plane: its
   * resolution² points then run along it (curveGridInputs).
   */
  points(resolution: number): Tensor2D {
    const data = this.data;
    const plane = data.plane;
    if (this.grid?.resolution !== resolution || this.grid.plane !== plane) {
      this.grid?.points.dispose();
      const raw = data.dataset.features === 1 ? curveGridInputs(plane.extent, resolution * resolution) : planeGridInputs(plane, resolution);
      const inputs = trainingDataModelInputs(data, raw);
      this.grid = { resolution, plane, points: tf.tensor2d(inputs, [resolution * resolution, data.inputs]) };
    }
    return this.grid.points;
  }

  dispose(): void {
    this.grid?.points.dispose();
    this.grid = undefined;
  }
}

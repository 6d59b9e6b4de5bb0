import { tf, type Tensor2D } from './tf';
import { datasetGenerate, datasetSplit, datasetSubset, type Dataset, type DatasetSplit } from './datasets';
import type { ExperimentConfig } from './config';
import { labelNoiseApply } from './dataShaping';

export interface SplitTensors {
  x: Tensor2D;
  targets: Tensor2D;
  labels: Int32Array;
}

/** The plane shown behind the points: [xMin, xMax, yMin, yMax]. */
export type Extent = [number, number, number, number];

/**
 * A dataset made ready for training: generated, split, and uploaded once as tensors that every
 * run training on it shares.
 */
export interface TrainingData {
  dataset: Dataset;
  split: DatasetSplit;
  train: SplitTensors;
  validation: SplitTensors;
  test: SplitTensors;
  /** Points whose training label was flipped by label noise (indices into `dataset`). */
  flipped: Int32Array;
  /** Training-set class frequencies, summing to 1. */
  classPriors: Float32Array;
  extent: Extent;
  dispose(): void;
}

export const SPLIT_FRACTIONS = { validation: 0.2, test: 0.2 } as const;

export function trainingDataCreate(config: ExperimentConfig): TrainingData {
  const dataset = datasetGenerate(config.data);
  const split = datasetSplit(dataset.y.length, SPLIT_FRACTIONS, config.data.seed);
  // Label noise corrupts the training labels only; validation and test keep the truth.
  const flipped = labelNoiseApply(dataset.y, split.train, dataset.classes, config.data.labelNoise, config.data.labelNoiseKind, config.data.seed);
  const upload = (indices: Int32Array): SplitTensors => {
    const subset = datasetSubset(dataset, indices);
    return {
      x: tf.tensor2d(subset.x, [subset.y.length, subset.features]),
      targets: tf.tidy(() => tf.oneHot(tf.tensor1d(subset.y, 'int32'), dataset.classes).toFloat() as Tensor2D),
      labels: subset.y,
    };
  };
  const train = upload(split.train);
  const validation = upload(split.validation);
  const test = upload(split.test);
  const classPriors = new Float32Array(dataset.classes);
  for (const label of train.labels) classPriors[label]! += 1 / train.labels.length;
  return {
    dataset,
    split,
    train,
    validation,
    test,
    flipped,
    classPriors,
    extent: extentOf(dataset),
    dispose() {
      for (const t of [train.x, train.targets, validation.x, validation.targets, test.x, test.targets]) t.dispose();
    },
  };
}

/** A square extent around the points with a 15 % margin, so boundaries are seen past the data. */
export function extentOf(dataset: Dataset): Extent {
  let min = Infinity;
  let max = -Infinity;
  for (const v of dataset.x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const half = Math.max(Math.abs(min), Math.abs(max), 1) * 1.15;
  return [-half, half, -half, half];
}

/** Centres of a `resolution × resolution` grid over the extent, row by row from the top. */
export function gridPoints(extent: Extent, resolution: number): Float32Array {
  const [x0, x1, y0, y1] = extent;
  const points = new Float32Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const i = row * resolution + col;
      points[2 * i] = x0 + ((col + 0.5) / resolution) * (x1 - x0);
      points[2 * i + 1] = y1 - ((row + 0.5) / resolution) * (y1 - y0);
    }
  }
  return points;
}

import { tf, type Tensor2D } from './tf';
import { datasetGenerate, datasetIsGenerated, datasetSplit, datasetSubset, type Dataset, type DatasetSplit } from './datasets';
import type { ExperimentConfig } from './config';
import { labelNoiseApply } from './dataShaping';
import { dataTableImbalance, dataTableStandardise, type DataTable } from './dataTable';
import { realDataTable } from './realData';
import { isRegressionKind } from './task';
import type { RegressionTargets } from './regressionTargets';
import { regressionTrainingDataCreate } from './regressionTrainingData';
import { planeCreate, type DataView, type Plane } from './projection';
import { inputFeatureMatrix, inputFeaturesFor, type InputFeatureId } from './inputFeatures';

export type { Extent } from './projection';

export interface SplitTensors {
  /** The model's inputs: the input features of the raw points (see TrainingData.inputFeatures). */
  x: Tensor2D;
  targets: Tensor2D;
  labels: Int32Array;
}

/**
 * A dataset made ready for training: generated (or read from a table), split, and uploaded once
 * as tensors that every run training on it shares.
 */
export interface TrainingData {
  dataset: Dataset;
  split: DatasetSplit;
  train: SplitTensors;
  validation: SplitTensors;
  test: SplitTensors;
  /** Points whose training label was flipped by label noise (indices into `dataset`). */
  flipped: Int32Array;
  /** Points added by clicking: the last `added` rows of `dataset`, all in the training split. */
  added: number;
  /** Training-set class frequencies, summing to 1. */
  classPriors: Float32Array;
  featureNames: string[];
  classNames: string[];
  /** The plane the boundary is drawn on; replaced by trainingDataSetView without retraining. */
  plane: Plane;
  /** A regression's real targets (regressionTrainingData.ts); absent for classification. */
  regression?: RegressionTargets;
  /**
   * The input features the model sees (computed from the raw columns), or null when it sees the
   * raw columns themselves (data of more than two columns).
   */
  inputFeatures: InputFeatureId[] | null;
  /** The model's input width: the number of input features, or of raw columns. */
  inputs: number;
  dispose(): void;
}

/** The default split, 60/20/20; `data.trainFraction` moves it, validation and test sharing the rest. */
export const SPLIT_FRACTIONS = { validation: 0.2, test: 0.2 } as const;

export function splitFractions(trainFraction: number): { validation: number; test: number } {
  const held = (1 - trainFraction) / 2;
  return { validation: held, test: held };
}

/** Raw rows (`n × dataset.features`, as the plane's grid gives them) as the model's inputs. */
export function trainingDataModelInputs(data: Pick<TrainingData, 'inputFeatures' | 'dataset'>, raw: Float32Array): Float32Array {
  return data.inputFeatures ? inputFeatureMatrix(raw, data.dataset.features, data.inputFeatures) : raw;
}

/**
 * The data a config asks for. Kind 'csv' needs the uploaded table (the config holds only its
 * name and hash); without it this throws, rather than train on something else unannounced.
 */
export function trainingDataCreate(config: ExperimentConfig, table: DataTable | null = null): TrainingData {
  if (config.task === 'regression') return regressionTrainingDataCreate(config, table);
  const source = datasetFor(config.data, table);
  const { dataset: base } = source;
  const split = datasetSplit(base.y.length, splitFractions(config.data.trainFraction), config.data.seed);
  // Label noise corrupts the training labels only; validation and test keep the truth.
  const flipped = labelNoiseApply(base.y, split.train, base.classes, config.data.labelNoise, config.data.labelNoiseKind, config.data.seed);
  // Added points join the training split after the noise: their labels are what the user chose.
  const { dataset, train: trainIndices, added } = datasetWithAdded(base, split.train, config.data.added);
  const fullSplit = { ...split, train: trainIndices };
  const inputFeatures = inputFeaturesFor(config.model.features, dataset.features);
  const inputs = inputFeatures ? inputFeatures.length : dataset.features;
  const upload = (indices: Int32Array): SplitTensors => {
    const subset = datasetSubset(dataset, indices);
    return {
      x: tf.tensor2d(trainingDataModelInputs({ inputFeatures, dataset }, subset.x), [subset.y.length, inputs]),
      targets: tf.tidy(() => tf.oneHot(tf.tensor1d(subset.y, 'int32'), dataset.classes).toFloat() as Tensor2D),
      labels: subset.y,
    };
  };
  const train = upload(fullSplit.train);
  const validation = upload(fullSplit.validation);
  const test = upload(fullSplit.test);
  const classPriors = new Float32Array(dataset.classes);
  for (const label of train.labels) classPriors[label]! += 1 / train.labels.length;
  return {
    dataset,
    split: fullSplit,
    train,
    validation,
    test,
    flipped,
    added,
    classPriors,
    featureNames: source.featureNames,
    classNames: source.classNames,
    plane: planeCreate(dataset, fullSplit.train, source.featureNames, config.data.view),
    inputFeatures,
    inputs,
    dispose() {
      for (const t of [train.x, train.targets, validation.x, validation.targets, test.x, test.targets]) t.dispose();
    },
  };
}

/** Draws the boundary on another plane: the data and the runs stay as they are. */
export function trainingDataSetView(data: TrainingData, view: DataView): void {
  data.plane = planeCreate(data.dataset, data.split.train, data.featureNames, view);
}

function datasetFor(data: ExperimentConfig['data'], table: DataTable | null): { dataset: Dataset; featureNames: string[]; classNames: string[] } {
  const { kind } = data;
  if (datasetIsGenerated(kind)) {
    const dataset = datasetGenerate({ ...data, kind });
    return { dataset, featureNames: ['x₁', 'x₂'], classNames: Array.from({ length: dataset.classes }, (_, k) => `class ${k + 1}`) };
  }
  if (isRegressionKind(kind)) throw new Error(`${kind} is regression data: it trains as task regression`);
  if (kind === 'prompts') throw new Error('prompts are the preference task’s data: it trains as task preference');
  const source = kind === 'csv' ? table : realDataTable(kind);
  if (!source) throw new Error(`This experiment trains on an uploaded CSV file${data.csv.name ? ` (${data.csv.name})` : ''} that is not loaded: upload it again.`);
  // Real data: z-scored features, then the class imbalance if asked for; points and noise do not apply.
  const dataset = dataTableImbalance(dataTableStandardise(source), data.minorityFraction, data.seed);
  return { dataset, featureNames: source.featureNames, classNames: source.classNames };
}

/** The dataset with the added (x, y, class) triples appended as rows, their indices appended to `train`. */
export function datasetWithAdded(dataset: Dataset, train: Int32Array, added: readonly number[]): { dataset: Dataset; train: Int32Array; added: number } {
  const count = dataset.features === 2 ? Math.floor(added.length / 3) : 0;
  if (count === 0) return { dataset, train, added: 0 };
  const n = dataset.y.length;
  const x = new Float32Array((n + count) * 2);
  x.set(dataset.x);
  const y = new Int32Array(n + count);
  y.set(dataset.y);
  const indices = new Int32Array(train.length + count);
  indices.set(train);
  for (let j = 0; j < count; j++) {
    x[2 * (n + j)] = added[3 * j]!;
    x[2 * (n + j) + 1] = added[3 * j + 1]!;
    y[n + j] = Math.min(dataset.classes - 1, Math.max(0, added[3 * j + 2]!));
    indices[train.length + j] = n + j;
  }
  return { dataset: { ...dataset, x, y }, train: indices, added: count };
}

import { tf, type Tensor2D } from './tf';
import { datasetSplit, datasetSubset, type Dataset } from './datasets';
import type { ExperimentConfig } from './config';
import { dataTableStandardise, type DataTable } from './dataTable';
import { planeCreate } from './projection';
import { regressionDataGenerate } from './regressionData';
import { regressionTargetsCreate } from './regressionTargets';
import { isRegressionKind } from './task';
import { inputFeaturesFor } from './inputFeatures';
import { splitFractions, trainingDataModelInputs, type SplitTensors, type TrainingData } from './trainingData';

/**
 * The data of a regression, made ready for training like a classification's (same split, same
 * shared tensors), with the real targets in `regression`. The dataset's `y` (a class per point
 * elsewhere) is all zeros and `classes` is 1; the split tensors' `targets` are the raw targets,
 * `n × 1`. Label noise, class imbalance and added points are classification's and do not apply.
 */
export function regressionTrainingDataCreate(config: ExperimentConfig, table: DataTable | null): TrainingData {
  const source = regressionSource(config.data, table);
  const { dataset, targets } = source;
  const split = datasetSplit(targets.length, splitFractions(config.data.trainFraction), config.data.seed);
  const inputFeatures = inputFeaturesFor(config.model.features, dataset.features);
  const inputs = inputFeatures ? inputFeatures.length : dataset.features;
  const pick = (indices: Int32Array): Float32Array => Float32Array.from(indices, (i) => targets[i]!);
  const values = { all: targets, train: pick(split.train), validation: pick(split.validation), test: pick(split.test) };
  const upload = (indices: Int32Array, y: Float32Array): SplitTensors => {
    const subset = datasetSubset(dataset, indices);
    return { x: tf.tensor2d(trainingDataModelInputs({ inputFeatures, dataset }, subset.x), [indices.length, inputs]), targets: tf.tensor2d(y, [y.length, 1]) as Tensor2D, labels: subset.y };
  };
  const train = upload(split.train, values.train);
  const validation = upload(split.validation, values.validation);
  const test = upload(split.test, values.test);
  const regression = regressionTargetsCreate(values, dataset.features, source.targetName);
  return {
    dataset,
    split,
    train,
    validation,
    test,
    flipped: new Int32Array(0),
    added: 0,
    classPriors: Float32Array.of(1),
    featureNames: source.featureNames,
    classNames: [source.targetName],
    plane: planeCreate(dataset, split.train, source.featureNames, config.data.view),
    regression,
    inputFeatures,
    inputs,
    dispose() {
      for (const t of [train.x, train.targets, validation.x, validation.targets, test.x, test.targets]) t.dispose();
      regression.dispose();
    },
  };
}

interface RegressionSource {
  dataset: Dataset;
  targets: Float32Array;
  featureNames: string[];
  targetName: string;
}

function regressionSource(data: ExperimentConfig['data'], table: DataTable | null): RegressionSource {
  const { kind } = data;
  if (isRegressionKind(kind)) {
    const generated = regressionDataGenerate({ kind, points: data.points, noise: data.noise, seed: data.seed });
    const n = generated.y.length;
    return {
      dataset: { x: generated.x, y: new Int32Array(n), features: generated.features, classes: 1 },
      targets: generated.y,
      featureNames: generated.features === 1 ? ['x'] : ['x₁', 'x₂'],
      targetName: 'y',
    };
  }
  if (kind !== 'csv') throw new Error(`${kind} is classification data: a regression trains on a regression dataset or a CSV file with a numeric target`);
  if (!table) throw new Error(`This experiment trains on an uploaded CSV file${data.csv.name ? ` (${data.csv.name})` : ''} that is not loaded: upload it again.`);
  if (!table.targets) throw new Error(`The column “${data.csv.label || 'label'}” of ${table.name} is not numeric in every row, so it cannot be a regression target: pick a numeric column.`);
  // Features are z-scored as for classification; the target is kept in its own units.
  const standardised = dataTableStandardise(table);
  return {
    dataset: { ...standardised, y: new Int32Array(table.targets.length), classes: 1 },
    targets: table.targets,
    featureNames: table.featureNames,
    targetName: data.csv.label || 'target',
  };
}

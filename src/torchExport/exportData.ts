// The exact points an experiment trains on, as plain arrays for the exported project's data.json:
// the same generator or table, imbalance, split, label noise and added points as
// trainingDataCreate (src/engine/trainingData.ts), without uploading anything to tfjs.
import type { ExperimentConfig } from '../engine/config';
import { labelNoiseApply } from '../engine/dataShaping';
import { dataTableImbalance, dataTableStandardise, type DataTable } from '../engine/dataTable';
import { isRegressionKind } from '../engine/task';
import { regressionDataGenerate } from '../engine/regressionData';
import { datasetGenerate, datasetIsGenerated, datasetSplit, datasetSubset, type Dataset } from '../engine/datasets';
import { realDataTable } from '../engine/realData';
import { datasetWithAdded, splitFractions } from '../engine/trainingData';
import { TorchExportError } from './pyLiteral';

export interface ExportSplit {
  /** Row-major float32 features. */
  x: Float32Array;
  /** Class labels, or a regression's real targets. */
  y: Int32Array | Float32Array;
}

export interface ExportData {
  features: number;
  classes: number;
  train: ExportSplit;
  validation: ExportSplit;
  test: ExportSplit;
  /** Training class frequencies, accumulated in float32 as the engine does. */
  classPriors: Float32Array;
}

function baseDataset(data: ExperimentConfig['data'], table: DataTable | null): Dataset {
  const { kind } = data;
  if (datasetIsGenerated(kind)) return datasetGenerate({ ...data, kind });
  if (isRegressionKind(kind)) throw new TorchExportError(`${kind} is regression data: it trains as task regression`);
  if (kind === 'prompts') throw new TorchExportError('prompts are the preference task’s data: its export is written by preferenceExport.ts');
  const source = kind === 'csv' ? table : realDataTable(kind);
  if (!source) throw new TorchExportError('This experiment trains on an uploaded CSV file that is not loaded: upload it again, then export.');
  return dataTableImbalance(dataTableStandardise(source), data.minorityFraction, data.seed);
}

/**
 * A regression's points and real targets, split as regressionTrainingDataCreate splits them (no
 * label noise, imbalance or added points: those are classification's).
 */
function regressionExportData(data: ExperimentConfig['data'], table: DataTable | null): ExportData {
  const { kind } = data;
  let dataset: Dataset;
  let targets: Float32Array;
  if (isRegressionKind(kind)) {
    const generated = regressionDataGenerate({ kind, points: data.points, noise: data.noise, seed: data.seed });
    dataset = { x: generated.x, y: new Int32Array(generated.y.length), features: generated.features, classes: 1 };
    targets = generated.y;
  } else {
    if (kind !== 'csv' || !table) throw new TorchExportError('This experiment trains on an uploaded CSV file that is not loaded: upload it again, then export.');
    if (!table.targets) throw new TorchExportError('The target column of the uploaded file is not numeric in every row: pick a numeric column, then export.');
    dataset = { ...dataTableStandardise(table), y: new Int32Array(table.targets.length), classes: 1 };
    targets = table.targets;
  }
  const split = datasetSplit(targets.length, splitFractions(data.trainFraction), data.seed);
  const part = (indices: Int32Array): ExportSplit => ({ x: datasetSubset(dataset, indices).x, y: Float32Array.from(indices, (i) => targets[i]!) });
  return { features: dataset.features, classes: 1, train: part(split.train), validation: part(split.validation), test: part(split.test), classPriors: Float32Array.of(1) };
}

/** The data of a config, split as the engine splits it. `table` is the uploaded file for kind 'csv'. */
export function exportData(config: ExperimentConfig, table: DataTable | null = null): ExportData {
  if (config.task === 'regression') return regressionExportData(config.data, table);
  const base = baseDataset(config.data, table);
  const split = datasetSplit(base.y.length, splitFractions(config.data.trainFraction), config.data.seed);
  labelNoiseApply(base.y, split.train, base.classes, config.data.labelNoise, config.data.labelNoiseKind, config.data.seed);
  const { dataset, train } = datasetWithAdded(base, split.train, config.data.added);
  const part = (indices: Int32Array): ExportSplit => {
    const subset = datasetSubset(dataset, indices);
    return { x: subset.x, y: subset.y };
  };
  const trainSplit = part(train);
  const classPriors = new Float32Array(dataset.classes);
  for (const label of trainSplit.y) classPriors[label]! += 1 / trainSplit.y.length;
  return { features: dataset.features, classes: dataset.classes, train: trainSplit, validation: part(split.validation), test: part(split.test), classPriors };
}

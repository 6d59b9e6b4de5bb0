// An experiment as a small PyTorch project: fixed Python modules, the generated experiment.py,
// the exact points (data.json), the exact initial weights (weights.json) and a README.
import { configClamp, type ExperimentConfig } from '../engine/config';
import { inputFeaturesFor } from '../engine/inputFeatures';
import { splitFractions } from '../engine/trainingData';
import type { DataTable } from '../engine/dataTable';
import { mlpInitWeights, mlpLayerSizes } from '../engine/mlp';
import { regressionLossById } from '../losses/regression/regressionLosses';
import { moeInitWeights } from '../engine/moe/moeModel';
import { preferenceDataJson } from './preferenceExport';
import { exportData, type ExportSplit } from './exportData';
import { experimentPy } from './experimentPy';
import { projectReadme } from './projectReadme';
import { PYTHON_SOURCES } from './pythonSources';

export interface ProjectFile {
  /** Relative path inside the project folder. */
  path: string;
  content: string;
}

/** Float32 values written exactly: String() of a float32 parses back to the same float32. */
function numbers(values: ArrayLike<number>): string {
  return `[${Array.from(values, (v) => String(v)).join(', ')}]`;
}

function splitJson(split: ExportSplit, features: number): string {
  const rows = Array.from({ length: split.y.length }, (_, i) => `      ${numbers(split.x.subarray(i * features, (i + 1) * features))}`);
  return `{\n    "x": [\n${rows.join(',\n')}\n    ],\n    "y": ${numbers(split.y)}\n  }`;
}

function dataJson(config: ExperimentConfig, table: DataTable | null): { text: string; inputs: number; outputs: number } {
  const data = exportData(config, table);
  const d = config.data;
  // What the model sees (features.py computes it from the raw points); null: the raw columns.
  const inputFeatures = inputFeaturesFor(config.model.features, data.features);
  // How the points were made, numbers and catalog ids only (an uploaded file's name stays out).
  const source = {
    kind: d.kind,
    points: d.points,
    noise: d.noise,
    classes: d.classes,
    seed: d.seed,
    minorityFraction: d.minorityFraction,
    labelNoise: d.labelNoise,
    labelNoiseKind: d.labelNoiseKind,
    // Points added by clicking, as x, y, class triples.
    added: d.added,
    split: { train: d.trainFraction, ...splitFractions(d.trainFraction) },
  };
  const text = `{
  "task": "${config.task === 'regression' ? 'regression' : 'classification'}",
  "features": ${data.features},
  "input_features": ${JSON.stringify(inputFeatures)},
  "classes": ${data.classes},
  "source": ${JSON.stringify(source)},
  "class_priors": ${numbers(data.classPriors)},
  "train": ${splitJson(data.train, data.features)},
  "validation": ${splitJson(data.validation, data.features)},
  "test": ${splitJson(data.test, data.features)}
}
`;
  // A regression's outputs are its loss's (one, or a histogram's bins), as TrainingRun sizes them.
  const outputs = config.task === 'regression' ? regressionLossById(config.loss.id).outputs(config.loss.params) : data.classes;
  return { text, inputs: inputFeatures ? inputFeatures.length : data.features, outputs };
}

/** Run 1's initial weights (a run of another shape, a regression loss with other outputs, draws its own by the same rule). */
function weightsJson(config: ExperimentConfig, inputs: number, outputs: number): string {
  const shape = { inputs, hidden: Array.from({ length: config.model.layers }, () => config.model.width), outputs, activation: config.model.activation };
  const layers = mlpInitWeights(shape, config.seed).map((layer) => `    {"w": ${numbers(layer.w)}, "b": ${numbers(layer.b)}}`);
  return `{\n  "sizes": ${JSON.stringify(mlpLayerSizes(shape))},\n  "layers": [\n${layers.join(',\n')}\n  ]\n}\n`;
}

/** A preference experiment's problem; the policy reads the raw plane and outputs one logit per response. */
function preferenceData(config: ExperimentConfig): { text: string; inputs: number; outputs: number } {
  const { text, responses } = preferenceDataJson(config);
  return { text, inputs: 2, outputs: responses };
}

/** A mixture of experts' initial weights: the router, then each expert's layers (moeInitWeights). */
function moeWeightsJson(config: ExperimentConfig, inputs: number, outputs: number): string {
  const shape = { inputs, outputs, experts: config.model.experts, topK: config.model.topK, hidden: Array.from({ length: config.model.layers }, () => config.model.width), activation: config.model.activation };
  const layers = moeInitWeights(shape, config.seed).map((layer) => `    {"w": ${numbers(layer.w)}, "b": ${numbers(layer.b)}}`);
  return `{\n  "kind": "moe",\n  "experts": ${shape.experts},\n  "sizes": ${JSON.stringify([inputs, ...shape.hidden, outputs])},\n  "layers": [\n${layers.join(',\n')}\n  ]\n}\n`;
}

/**
 * The files of the project for `input` (clamped again here, so anything that is not a valid
 * config becomes one before a byte is written). `table`: the uploaded file, for CSV data.
 * The same config gives the same bytes.
 */
export function torchProjectFiles(input: ExperimentConfig, table: DataTable | null = null): ProjectFile[] {
  const { config } = configClamp(input);
  const data = config.task === 'preference' ? preferenceData(config) : dataJson(config, table);
  const files: ProjectFile[] = [
    { path: 'README.md', content: projectReadme(config) },
    { path: 'requirements.txt', content: 'torch>=1.13\n' },
    { path: 'experiment.py', content: experimentPy(config) },
    { path: 'data.json', content: data.text },
    { path: 'weights.json', content: config.model.kind === 'moe' ? moeWeightsJson(config, data.inputs, data.outputs) : weightsJson(config, data.inputs, data.outputs) },
    ...Object.entries(PYTHON_SOURCES).map(([path, content]) => ({ path, content })),
  ];
  return files;
}

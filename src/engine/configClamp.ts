// The config clamp: turns any input (URL, JSON import, message) into a valid config, saying what it changed.
import { DATASET_INFO, datasetClasses, datasetIsGenerated } from './datasets';
import { dataAddedClamp, dataCsvClamp, dataViewClamp } from './configData';
import { ACTIVATIONS } from './mlp';
import { asRecord, clampTools, compareRunsClamp, landscapeClamp, runVariantClamp, viewsClamp } from './configParts';
import { MODEL_KINDS } from './moe/moeTypes';
import { boundaryClamp, inputFeaturesClamp, playbackClamp } from './configPlayground';
import { preferenceClamp } from './configPreference';
import { ALL_DATA_KINDS, TASK_DATA_KINDS, TASK_DEFAULTS, TASKS, type DataKind, type Task } from './task';
import type { ExperimentConfig, RunVariant } from './config';
import { BINNINGS, DEFAULT_CONFIG, LABEL_NOISE_KINDS, LANDSCAPE_DIRECTIONS, LANDSCAPE_VIEWS, LIMITS, MAX_RUNS } from './configDefaults';

export interface ClampResult {
  config: ExperimentConfig;
  /** One plain sentence per value that was changed to fit. */
  changes: string[];
}

/**
 * Makes any input a valid config: unknown values fall back to defaults, numbers are clamped to
 * their ranges. The limits live here, not in the widgets, so no URL or message can ask for more.
 */
export function configClamp(input: unknown): ClampResult {
  const changes: string[] = [];
  const tools = clampTools(changes, LIMITS);
  const { number, choice } = tools;
  const source = asRecord(input);
  const data = asRecord(source.data);
  const model = asRecord(source.model);
  const metrics = asRecord(source.metrics);
  const d = DEFAULT_CONFIG;

  const task = choice('task', source.task, TASKS, d.task);
  const kind = dataKindClamp(task, data.kind, changes);
  const requestedClasses = number('data.classes', data.classes, LIMITS.classes, d.data.classes, true);
  // Classes belong to classification's generators; a regression config keeps the number as given.
  const classes = datasetIsGenerated(kind) || kind === 'iris' || kind === 'penguins' || (kind === 'csv' && task === 'classification') ? datasetClasses(kind, requestedClasses) : requestedClasses;
  if (classes !== requestedClasses && data.classes !== undefined && kind in DATASET_INFO) {
    const info = DATASET_INFO[kind as keyof typeof DATASET_INFO];
    changes.push(`${info.label} allows ${info.minClasses}–${info.maxClasses} classes → ${classes}`);
  }
  const base = runVariantClamp(source, '', taskRunDefaults(task), tools, task);
  const config: ExperimentConfig = {
    task,
    data: {
      kind,
      points: number('data.points', data.points, LIMITS.points, d.data.points, true),
      noise: number('data.noise', data.noise, LIMITS.noise, d.data.noise),
      classes,
      seed: number('data.seed', data.seed, LIMITS.seed, d.data.seed, true),
      minorityFraction: number('data.minorityFraction', data.minorityFraction, LIMITS.minorityFraction, d.data.minorityFraction),
      labelNoise: number('data.labelNoise', data.labelNoise, LIMITS.labelNoise, d.data.labelNoise),
      labelNoiseKind: choice('data.labelNoiseKind', data.labelNoiseKind, LABEL_NOISE_KINDS, d.data.labelNoiseKind),
      view: dataViewClamp(asRecord(data.view), d.data.view, kind, tools),
      added: dataAddedClamp(data.added, kind, classes, tools),
      csv: dataCsvClamp(asRecord(data.csv), d.data.csv, tools),
      domains: number('data.domains', data.domains, LIMITS.domains, d.data.domains, true),
      trainFraction: number('data.trainFraction', data.trainFraction, LIMITS.trainFraction, d.data.trainFraction),
    },
    model: {
      kind: choice('model.kind', model.kind, MODEL_KINDS, d.model.kind),
      experts: number('model.experts', model.experts, LIMITS.experts, d.model.experts, true),
      topK: number('model.topK', model.topK, LIMITS.topK, d.model.topK, true),
      layers: number('model.layers', model.layers, LIMITS.layers, d.model.layers, true),
      width: number('model.width', model.width, LIMITS.width, d.model.width, true),
      activation: choice('model.activation', model.activation, ACTIVATIONS, d.model.activation),
      features: inputFeaturesClamp(model.features, d.model.features, tools),
    },
    ...base,
    compare: { runs: compareRunsClamp(asRecord(source.compare).runs, base, MAX_RUNS, tools, task) },
    metrics: {
      calibrationEvery: number('metrics.calibrationEvery', metrics.calibrationEvery, LIMITS.calibrationEvery, d.metrics.calibrationEvery, true),
      bins: number('metrics.bins', metrics.bins, LIMITS.bins, d.metrics.bins, true),
      binning: choice('metrics.binning', metrics.binning, BINNINGS, d.metrics.binning),
      sharpnessEvery: number('metrics.sharpnessEvery', metrics.sharpnessEvery, LIMITS.sharpnessEvery, d.metrics.sharpnessEvery, true),
      telemetryEvery: number('metrics.telemetryEvery', metrics.telemetryEvery, LIMITS.telemetryEvery, d.metrics.telemetryEvery, true),
    },
    landscape: landscapeClamp(asRecord(source.landscape), d.landscape, tools, { directions: LANDSCAPE_DIRECTIONS, views: LANDSCAPE_VIEWS }),
    views: viewsClamp(asRecord(source.views), d.views, tools),
    boundary: boundaryClamp(asRecord(source.boundary), d.boundary, tools),
    playback: playbackClamp(asRecord(source.playback), d.playback, tools),
    preference: preferenceClamp(asRecord(source.preference), d.preference, tools),
    seed: number('seed', source.seed, LIMITS.seed, d.seed, true),
  };
  moeCompatible(config, changes);
  return { config, changes };
}

/**
 * A mixture of experts is a classifier here: other tasks train an MLP. Mixup blends points across
 * domains, which would undo a mixture's one-domain micro-batches: a mixture trains without it.
 */
function moeCompatible(config: ExperimentConfig, changes: string[]): void {
  if (config.model.kind !== 'moe') return;
  if (config.task !== 'classification') {
    changes.push(`model.kind "moe" → mlp (a mixture of experts trains on classification only, not ${config.task})`);
    config.model = { ...config.model, kind: 'mlp' };
    return;
  }
  for (const [i, run] of [config, ...config.compare.runs].entries()) {
    if (run.training.mixup === 0) continue;
    changes.push(`${i === 0 ? '' : `compare.runs.${i - 1}.`}training.mixup ${run.training.mixup} → 0 (a mixture of experts trains without mixup)`);
    run.training = { ...run.training, mixup: 0 };
  }
}

/** The data kind for a task: one of its own, else the task's default, saying why. */
function dataKindClamp(task: Task, given: unknown, changes: string[]): DataKind {
  const kinds = TASK_DATA_KINDS[task];
  const fallback = TASK_DEFAULTS[task].dataKind;
  if (given === undefined) return fallback;
  if (typeof given === 'string' && (kinds as readonly string[]).includes(given)) return given as DataKind;
  const known = typeof given === 'string' && (ALL_DATA_KINDS as readonly string[]).includes(given);
  changes.push(known ? `data.kind "${given}" is not data for task ${task} → ${fallback}` : `data.kind "${String(given)}" is unknown → ${fallback}`);
  return fallback;
}

/** The run defaults of a task: its default loss, the rest as DEFAULT_CONFIG. */
function taskRunDefaults(task: Task): RunVariant {
  const d = DEFAULT_CONFIG;
  if (task === d.task) return d;
  return { ...d, loss: { id: TASK_DEFAULTS[task].lossId, params: {}, addons: {} } };
}

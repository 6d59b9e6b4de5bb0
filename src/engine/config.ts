import { clampChoice, clampInteger, clampNumber } from './clamp';
import { DATASET_INFO, DATASET_KINDS, datasetClasses, type DatasetKind } from './datasets';
import { ACTIVATIONS, type Activation } from './mlp';
import { LOSSES, lossById, lossParamsResolve } from '../losses/registry';
import { OPTIMIZERS, optimizerById, optimizerParamsResolve } from './optimizers/registry';

/**
 * Everything that defines an experiment, as plain data. The same config gives the same data,
 * the same initial weights and (on the same backend) the same loss curve.
 */
export interface ExperimentConfig {
  data: {
    kind: DatasetKind;
    points: number;
    noise: number;
    classes: number;
    seed: number;
  };
  model: {
    /** Hidden layers, 0–4; 0 is a linear model. */
    layers: number;
    /** Units per hidden layer, 1–64. */
    width: number;
    activation: Activation;
  };
  loss: {
    id: string;
    params: Record<string, number>;
  };
  optimizer: {
    id: string;
    learningRate: number;
    /** Examples per step; 0 means the full training set. */
    batchSize: number;
    params: Record<string, number>;
  };
  /** Seeds the initial weights and the minibatch order. */
  seed: number;
}

export const LIMITS = {
  points: { min: 20, max: 2000 },
  noise: { min: 0, max: 1 },
  classes: { min: 2, max: 6 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  layers: { min: 0, max: 4 },
  width: { min: 1, max: 64 },
  learningRate: { min: 1e-5, max: 100 },
  batchSize: { min: 0, max: 2000 },
} as const;

export const DEFAULT_CONFIG: ExperimentConfig = {
  data: { kind: 'circle', points: 400, noise: 0.1, classes: 2, seed: 1 },
  model: { layers: 2, width: 8, activation: 'tanh' },
  loss: { id: 'ce', params: {} },
  optimizer: { id: 'adam', learningRate: 0.03, batchSize: 0, params: {} },
  seed: 1,
};

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
  const source = asRecord(input);
  const data = asRecord(source.data);
  const model = asRecord(source.model);
  const loss = asRecord(source.loss);
  const optimizer = asRecord(source.optimizer);
  const d = DEFAULT_CONFIG;

  const number = (path: string, value: unknown, limit: { min: number; max: number }, fallback: number, integer = false): number => {
    const result = integer ? clampInteger(value, limit.min, limit.max, fallback) : clampNumber(value, limit.min, limit.max, fallback);
    if (value !== undefined && value !== result) changes.push(`${path} ${String(value)} → ${result}`);
    return result;
  };
  const choice = <T extends string>(path: string, value: unknown, options: readonly T[], fallback: T): T => {
    const result = clampChoice(value, options, fallback);
    if (value !== undefined && value !== result) changes.push(`${path} "${String(value)}" is unknown → ${result}`);
    return result;
  };

  const kind = choice('data.kind', data.kind, DATASET_KINDS, d.data.kind);
  const requestedClasses = number('data.classes', data.classes, LIMITS.classes, d.data.classes, true);
  const classes = datasetClasses(kind, requestedClasses);
  if (classes !== requestedClasses && data.classes !== undefined) {
    changes.push(`${DATASET_INFO[kind].label} allows ${DATASET_INFO[kind].minClasses}–${DATASET_INFO[kind].maxClasses} classes → ${classes}`);
  }

  const lossId = choice('loss.id', loss.id, LOSSES.map((l) => l.id), d.loss.id);
  const optimizerId = choice('optimizer.id', optimizer.id, OPTIMIZERS.map((o) => o.id), d.optimizer.id);

  const config: ExperimentConfig = {
    data: {
      kind,
      points: number('data.points', data.points, LIMITS.points, d.data.points, true),
      noise: number('data.noise', data.noise, LIMITS.noise, d.data.noise),
      classes,
      seed: number('data.seed', data.seed, LIMITS.seed, d.data.seed, true),
    },
    model: {
      layers: number('model.layers', model.layers, LIMITS.layers, d.model.layers, true),
      width: number('model.width', model.width, LIMITS.width, d.model.width, true),
      activation: choice('model.activation', model.activation, ACTIVATIONS, d.model.activation),
    },
    loss: { id: lossId, params: { ...lossParamsResolve(lossById(lossId), asRecord(loss.params)) } },
    optimizer: {
      id: optimizerId,
      learningRate: number('optimizer.learningRate', optimizer.learningRate, LIMITS.learningRate, d.optimizer.learningRate),
      batchSize: number('optimizer.batchSize', optimizer.batchSize, LIMITS.batchSize, d.optimizer.batchSize, true),
      params: { ...optimizerParamsResolve(optimizerById(optimizerId), asRecord(optimizer.params)) },
    },
    seed: number('seed', source.seed, LIMITS.seed, d.seed, true),
  };
  return { config, changes };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

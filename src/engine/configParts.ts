// Clamping of the config's sections, kept apart from config.ts so each file stays one concept:
// config.ts says what a config is; this file makes any input into a valid piece of one.
import { clampChoice, clampInteger, clampNumber } from './clamp';
import type { ExperimentConfig, LandscapeConfig, RunVariant, ViewId } from './config';
import { taskLossIds, taskLossParamsResolve } from '../losses/taskLosses';
import type { Task } from './task';
import { ADDONS, addonParamsResolve } from '../losses/addons';
import { OPTIMIZERS, optimizerById, optimizerParamsResolve } from './optimizers/registry';
import { SCHEDULES, scheduleById, scheduleParamsResolve } from './schedules/schedules';
import { moeTrainingClamp } from './moe/moeConfigClamp';
import { REGULARIZATION_KINDS, REGULARIZATION_RATE } from './regularization';

/** Range limits that the section clamps need (a subset of config.ts's LIMITS, passed in to avoid a cycle). */
export interface PartLimits {
  learningRate: { min: number; max: number };
  batchSize: { min: number; max: number };
  weightDecay: { min: number; max: number };
  clipNorm: { min: number; max: number };
  mixup: { min: number; max: number };
  totalSteps: { min: number; max: number };
  landscapeRange: { min: number; max: number };
  landscapeResolution: { min: number; max: number };
  landscapeRecomputeEvery: { min: number; max: number };
}

/** Clamping helpers that record, in words, every value they had to change. */
export interface ClampTools {
  number(path: string, value: unknown, limit: { min: number; max: number }, fallback: number, integer?: boolean): number;
  choice<T extends string>(path: string, value: unknown, options: readonly T[], fallback: T): T;
  flag(path: string, value: unknown, fallback: boolean): boolean;
  changes: string[];
  limits: PartLimits;
}

export function clampTools(changes: string[], limits: PartLimits): ClampTools {
  return {
    changes,
    limits,
    number(path, value, limit, fallback, integer = false) {
      const result = integer ? clampInteger(value, limit.min, limit.max, fallback) : clampNumber(value, limit.min, limit.max, fallback);
      if (value !== undefined && value !== result) changes.push(`${path} ${String(value)} → ${result}`);
      return result;
    },
    choice(path, value, options, fallback) {
      const result = clampChoice(value, options, fallback);
      if (value !== undefined && value !== result) changes.push(`${path} "${String(value)}" is unknown → ${result}`);
      return result;
    },
    flag(path, value, fallback) {
      if (typeof value === 'boolean') return value;
      if (value !== undefined) changes.push(`${path} "${String(value)}" is not true or false → ${fallback}`);
      return fallback;
    },
  };
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The loss, optimizer and training options of one run, from `source.loss` etc. Missing values
 * come from `fallback` — the defaults for the base run, the base run itself for a compare run, so
 * a compare run only needs to say how it differs.
 */
export function runVariantClamp(source: Record<string, unknown>, prefix: string, fallback: RunVariant, tools: ClampTools, task: Task = 'classification'): RunVariant {
  const { number, choice, limits } = tools;
  const loss = asRecord(source.loss);
  const optimizer = asRecord(source.optimizer);
  const training = asRecord(source.training);
  const schedule = asRecord(optimizer.schedule);
  const f = fallback;
  const lossId = choice(`${prefix}loss.id`, loss.id, taskLossIds(task), f.loss.id);
  const optimizerId = choice(`${prefix}optimizer.id`, optimizer.id, OPTIMIZERS.map((o) => o.id), f.optimizer.id);
  const scheduleId = choice(`${prefix}optimizer.schedule.id`, schedule.id, SCHEDULES.map((x) => x.id), f.optimizer.schedule.id);
  // Parameters fall back to the fallback's only when the id is the same (they mean the same thing).
  const sameLoss = lossId === f.loss.id;
  const sameOptimizer = optimizerId === f.optimizer.id;
  const sameSchedule = scheduleId === f.optimizer.schedule.id;
  return {
    loss: {
      id: lossId,
      params: { ...taskLossParamsResolve(task, lossId, { ...(sameLoss ? f.loss.params : {}), ...asRecord(loss.params) }) },
      addons: addonsForTask(task, loss.addons === undefined ? structuredClone(f.loss.addons) : addonsClamp(asRecord(loss.addons), prefix, tools), prefix, tools),
    },
    optimizer: {
      id: optimizerId,
      learningRate: number(`${prefix}optimizer.learningRate`, optimizer.learningRate, limits.learningRate, f.optimizer.learningRate),
      batchSize: number(`${prefix}optimizer.batchSize`, optimizer.batchSize, limits.batchSize, f.optimizer.batchSize, true),
      params: { ...optimizerParamsResolve(optimizerById(optimizerId), { ...(sameOptimizer ? f.optimizer.params : {}), ...asRecord(optimizer.params) }) },
      schedule: {
        id: scheduleId,
        params: scheduleParamsResolve(scheduleById(scheduleId), { ...(sameSchedule ? f.optimizer.schedule.params : {}), ...asRecord(schedule.params) }),
      },
      weightDecay: number(`${prefix}optimizer.weightDecay`, optimizer.weightDecay, limits.weightDecay, f.optimizer.weightDecay),
      clipNorm: number(`${prefix}optimizer.clipNorm`, optimizer.clipNorm, limits.clipNorm, f.optimizer.clipNorm),
    },
    training: {
      mixup: number(`${prefix}training.mixup`, training.mixup, limits.mixup, f.training.mixup),
      totalSteps: number(`${prefix}training.totalSteps`, training.totalSteps, limits.totalSteps, f.training.totalSteps, true),
      moe: moeTrainingClamp(asRecord(training.moe), prefix, f.training.moe, tools),
      regularization: choice(`${prefix}training.regularization`, training.regularization, REGULARIZATION_KINDS, f.training.regularization),
      regularizationRate: number(`${prefix}training.regularizationRate`, training.regularizationRate, REGULARIZATION_RATE, f.training.regularizationRate),
    },
  };
}

/** The add-ons act on class logits; a regression run has none, and says so when some were asked for. */
function addonsForTask(task: Task, addons: Record<string, Record<string, number>>, prefix: string, tools: ClampTools): Record<string, Record<string, number>> {
  if (task === 'classification' || Object.keys(addons).length === 0) return addons;
  tools.changes.push(`${prefix}add-ons (${Object.keys(addons).join(', ')}) act on class logits; task ${task} has none → off`);
  return {};
}

/** Up to `maxRuns − 1` compare runs, each a variant of the base run. */
export function compareRunsClamp(given: unknown, base: RunVariant, maxRuns: number, tools: ClampTools, task: Task = 'classification'): RunVariant[] {
  if (given === undefined) return [];
  const list = Array.isArray(given) ? given : typeof given === 'object' && given !== null ? Object.values(given) : null;
  if (!list) {
    tools.changes.push('compare.runs is not a list → no comparison');
    return [];
  }
  if (list.length > maxRuns - 1) tools.changes.push(`compare.runs has ${list.length} runs → the first ${maxRuns - 1} (at most ${maxRuns} with the base run)`);
  return list.slice(0, maxRuns - 1).map((run, i) => runVariantClamp(asRecord(run), `compare.runs.${i}.`, base, tools, task));
}

function addonsClamp(given: Record<string, unknown>, prefix: string, tools: ClampTools): Record<string, Record<string, number>> {
  const addons: Record<string, Record<string, number>> = {};
  for (const [id, params] of Object.entries(given)) {
    const addon = ADDONS.find((a) => a.id === id);
    if (addon) addons[id] = { ...addonParamsResolve(addon, asRecord(params)) };
    else tools.changes.push(`${prefix}add-on "${id}" is unknown → ignored`);
  }
  return addons;
}

export function viewsClamp<T extends Record<ViewId, boolean>>(given: Record<string, unknown>, defaults: T, tools: ClampTools): T {
  const views = { ...defaults };
  for (const id of Object.keys(defaults) as ViewId[]) views[id] = tools.flag(`views.${id}`, given[id], defaults[id]);
  return views;
}

export function landscapeClamp(
  given: Record<string, unknown>,
  d: LandscapeConfig,
  tools: ClampTools,
  options: { directions: readonly LandscapeConfig['directions'][]; views: readonly LandscapeConfig['view'][] },
): LandscapeConfig {
  const { number, choice, flag, limits } = tools;
  return {
    open: flag('landscape.open', given.open, d.open),
    directions: choice('landscape.directions', given.directions, options.directions, d.directions),
    keepBias: flag('landscape.keepBias', given.keepBias, d.keepBias),
    range: number('landscape.range', given.range, limits.landscapeRange, d.range),
    resolution: number('landscape.resolution', given.resolution, limits.landscapeResolution, d.resolution, true),
    recomputeEvery: number('landscape.recomputeEvery', given.recomputeEvery, limits.landscapeRecomputeEvery, d.recomputeEvery, true),
    logHeight: flag('landscape.logHeight', given.logHeight, d.logHeight),
    ownScale: flag('landscape.ownScale', given.ownScale, d.ownScale),
    view: choice('landscape.view', given.view, options.views, d.view),
  };
}

export type { ExperimentConfig };

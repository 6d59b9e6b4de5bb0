// experiment.py: the one generated Python module of an exported project. Everything else in the
// project is fixed text; this file holds the settings, each a checked number or a known id.
import { BINNINGS, configRuns, LANDSCAPE_DIRECTIONS, LIMITS, type ExperimentConfig } from '../engine/config';
import { ACTIVATIONS } from '../engine/mlp';
import { OPTIMIZERS, optimizerById } from '../engine/optimizers/registry';
import { SCHEDULES, scheduleById } from '../engine/schedules/schedules';
import { ADDONS, addonById } from '../losses/addons';
import { LOSSES, lossById } from '../losses/registry';
import { REGRESSION_LOSSES, regressionLossById } from '../losses/regression/regressionLosses';
import { PREFERENCE_LOSSES, preferenceLossById } from '../losses/preference/registry';
import type { LossParamSpec } from '../losses/types';
import { preferencePy } from './preferenceExport';
import { REGULARIZATION_KINDS } from '../engine/regularization';
import { BALANCE_SCOPES, MODEL_KINDS, MOE_LIMITS, type MoeTrainingConfig } from '../engine/moe/moeTypes';
import { pyBool, pyId, pyInteger, pyNumber, pyParams, TorchExportError } from './pyLiteral';

const LOSS_IDS = LOSSES.map((l) => l.id);
const REGRESSION_LOSS_IDS = REGRESSION_LOSSES.map((l) => l.id);
const PREFERENCE_LOSS_IDS = PREFERENCE_LOSSES.map((l) => l.id);

/** A run's loss id and parameter specs: loss ids are scoped by the task (`mse` of a regression is the regression MSE). */
function lossOf(run: ExperimentConfig, where: string): { id: string; params: readonly LossParamSpec[] } {
  if (run.task === 'regression') return { id: pyId(run.loss.id, REGRESSION_LOSS_IDS, `${where} loss`), params: regressionLossById(run.loss.id).params };
  if (run.task === 'preference') return { id: pyId(run.loss.id, PREFERENCE_LOSS_IDS, `${where} loss`), params: preferenceLossById(run.loss.id).params };
  return { id: pyId(run.loss.id, LOSS_IDS, `${where} loss`), params: lossById(run.loss.id).params };
}
const OPTIMIZER_IDS = OPTIMIZERS.map((o) => o.id);
const SCHEDULE_IDS = SCHEDULES.map((s) => s.id);
const ADDON_IDS = ADDONS.map((a) => a.id);

function runPy(run: ExperimentConfig, index: number): string {
  const where = `run ${index + 1}`;
  const { id: lossId, params: lossParams } = lossOf(run, where);
  const optimizerId = pyId(run.optimizer.id, OPTIMIZER_IDS, `${where} optimizer`);
  const scheduleId = pyId(run.optimizer.schedule.id, SCHEDULE_IDS, `${where} schedule`);
  const addons = Object.entries(run.loss.addons).map(([id, params]) => {
    const quoted = pyId(id, ADDON_IDS, `${where} add-on`);
    return `${quoted}: ${pyParams(params, addonById(id).params, `${where} add-on`)}`;
  });
  const o = run.optimizer;
  const lines = [
    `"loss": ${lossId}`,
    `"loss_params": ${pyParams(run.loss.params, lossParams, `${where} loss`)}`,
    `"addons": {${addons.join(', ')}}`,
    `"optimizer": ${optimizerId}`,
    `"optimizer_params": ${pyParams(o.params, optimizerById(o.id).params, `${where} optimizer`)}`,
    `"learning_rate": ${pyNumber(o.learningRate, `${where} learning rate`)}`,
    `"batch_size": ${pyInteger(o.batchSize, `${where} batch size`, LIMITS.batchSize.min, LIMITS.batchSize.max)}`,
    `"schedule": ${scheduleId}`,
    `"schedule_params": ${pyParams(o.schedule.params, scheduleById(o.schedule.id).params, `${where} schedule`)}`,
    `"weight_decay": ${pyNumber(o.weightDecay, `${where} weight decay`)}`,
    `"clip_norm": ${pyNumber(o.clipNorm, `${where} clip norm`)}`,
    `"mixup": ${pyNumber(run.training.mixup, `${where} mixup`)}`,
    `"regularization": ${pyId(run.training.regularization, REGULARIZATION_KINDS, `${where} regularization`)}`,
    `"regularization_rate": ${pyNumber(run.training.regularizationRate, `${where} regularization rate`)}`,
    `"total_steps": ${pyInteger(run.training.totalSteps, `${where} total steps`, LIMITS.totalSteps.min, LIMITS.totalSteps.max)}`,
  ];
  if (run.model.kind === 'moe') lines.push(`"moe": ${moeTrainingPy(run.training.moe, where)}`);
  return `    {\n${lines.map((line) => `        ${line},`).join('\n')}\n    },`;
}

/** A mixture of experts' training settings of one run (moe.py reads them). */
function moeTrainingPy(moe: MoeTrainingConfig, where: string): string {
  const { microBatches, microBatchSize } = MOE_LIMITS;
  const entries = [
    `"balance": ${pyId(moe.balance, BALANCE_SCOPES, `${where} load-balancing scope`)}`,
    `"alpha": ${pyNumber(moe.alpha, `${where} LBL weight`)}`,
    `"z_loss": ${pyNumber(moe.zLoss, `${where} z-loss weight`)}`,
    `"micro_batches": ${pyInteger(moe.microBatches, `${where} micro-batches`, microBatches.min, microBatches.max)}`,
    `"micro_batch_size": ${pyInteger(moe.microBatchSize, `${where} micro-batch size`, microBatchSize.min, microBatchSize.max)}`,
  ];
  return `{${entries.join(', ')}}`;
}

/** A mixture of experts' shape and domains, in MODEL. */
function moeModelPy(config: ExperimentConfig): string {
  if (config.model.kind !== 'moe') return '';
  const { experts, topK, domains } = MOE_LIMITS;
  return `
    "experts": ${pyInteger(config.model.experts, 'experts', experts.min, experts.max)},
    "top_k": ${pyInteger(config.model.topK, 'top-k', topK.min, topK.max)},
    "domains": ${pyInteger(config.data.domains, 'domains', domains.min, domains.max)},`;
}

/** The tasks train.py trains (preference runs through preference.py). */
const EXPORTED_TASKS = ['classification', 'regression', 'preference'];

/** The text of experiment.py for a (clamped) config. Throws TorchExportError on anything unexpected. */
export function experimentPy(config: ExperimentConfig): string {
  const runs = configRuns(config);
  if (runs.length > 6) throw new TorchExportError('too many runs');
  const { model, metrics, landscape } = config;
  return `"""The experiment exported from Losscape: the model, the seed, and each run's loss,
optimizer and training options (a comparison has several runs, trained from the same data and
initial weights). Generated; every value is a number or an id of the app's catalog.
"""

SEED = ${pyInteger(config.seed, 'seed', LIMITS.seed.min, LIMITS.seed.max)}

TASK = ${pyId(config.task, EXPORTED_TASKS, 'task')}
${config.task === 'preference' ? preferencePy(config) : ''}
MODEL = {
    "kind": ${pyId(model.kind, MODEL_KINDS, 'model kind')},${moeModelPy(config)}
    "layers": ${pyInteger(model.layers, 'model layers', LIMITS.layers.min, LIMITS.layers.max)},
    "width": ${pyInteger(model.width, 'model width', LIMITS.width.min, LIMITS.width.max)},
    "activation": ${pyId(model.activation, ACTIVATIONS, 'activation')},
}

RUNS = [
${runs.map(runPy).join('\n')}
]

METRICS = {
    "bins": ${pyInteger(metrics.bins, 'calibration bins', LIMITS.bins.min, LIMITS.bins.max)},
    "binning": ${pyId(metrics.binning, BINNINGS, 'binning')},
}

LANDSCAPE = {
    "directions": ${pyId(landscape.directions, LANDSCAPE_DIRECTIONS, 'landscape directions')},
    "keep_bias": ${pyBool(landscape.keepBias, 'landscape keepBias')},
    "range": ${pyNumber(landscape.range, 'landscape range')},
    "resolution": ${pyInteger(landscape.resolution, 'landscape resolution', LIMITS.landscapeResolution.min, LIMITS.landscapeResolution.max)},
}
`;
}

// The URL's key table: the short keys for common settings, the parameter families, and the
// add-on and compare-run keys, shared by writing (urlCodecWrite.ts) and reading (urlCodecRead.ts).
import { LABEL_NOISE_KINDS } from '../engine/config';
import { TASK_DATA_KINDS, TASKS, type Task } from '../engine/task';
import { VIEW_MODES } from '../engine/projection';
import { ACTIVATIONS } from '../engine/mlp';
import { BALANCE_SCOPES, MODEL_KINDS } from '../engine/moe/moeTypes';
import { REGULARIZATION_KINDS } from '../engine/regularization';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import { SCHEDULES } from '../engine/schedules/schedules';
import { taskLossIds } from '../losses/taskLosses';
import type { Path } from './urlCodecPaths';

export const URL_VERSION = '1';
/** Keys the app reads apart from the config (backend choice; the classroom's, see classroomUrl.ts): never "unknown". */
export const URL_RESERVED_KEYS = ['backend', 'lesson', 'hide', 'presenter', 'lock'] as const;

export interface KeyEntry {
  key: string;
  path: Path;
  /** For a choice: the values allowed, for the link's task (data and loss names are the task's own). */
  options?: (task: Task) => readonly string[];
}

/** Short keys for the common settings. Every other leaf is reached by its dotted path. */
export const KEYS: readonly KeyEntry[] = [
  // The task scopes `data` and `loss`: each is checked against the task's own list by configClamp.
  { key: 'task', path: ['task'], options: () => TASKS },
  { key: 'data', path: ['data', 'kind'], options: (task) => TASK_DATA_KINDS[task] },
  { key: 'points', path: ['data', 'points'] },
  { key: 'noise', path: ['data', 'noise'] },
  { key: 'classes', path: ['data', 'classes'] },
  { key: 'dseed', path: ['data', 'seed'] },
  { key: 'minority', path: ['data', 'minorityFraction'] },
  { key: 'label-noise', path: ['data', 'labelNoise'] },
  { key: 'label-noise-kind', path: ['data', 'labelNoiseKind'], options: () => LABEL_NOISE_KINDS },
  // The boundary's plane with more than two features, points added by clicking (x,y,class,…),
  // and the uploaded file a CSV experiment names (its rows are never in the URL).
  { key: 'view', path: ['data', 'view', 'mode'], options: () => VIEW_MODES },
  { key: 'view-x', path: ['data', 'view', 'x'] },
  { key: 'view-y', path: ['data', 'view', 'y'] },
  { key: 'added', path: ['data', 'added'] },
  { key: 'csv', path: ['data', 'csv', 'name'] },
  { key: 'csv-label', path: ['data', 'csv', 'label'] },
  { key: 'csv-hash', path: ['data', 'csv', 'hash'] },
  { key: 'domains', path: ['data', 'domains'] },
  { key: 'model', path: ['model', 'kind'], options: () => MODEL_KINDS },
  { key: 'experts', path: ['model', 'experts'] },
  { key: 'top-k', path: ['model', 'topK'] },
  { key: 'layers', path: ['model', 'layers'] },
  { key: 'width', path: ['model', 'width'] },
  { key: 'act', path: ['model', 'activation'], options: () => ACTIVATIONS },
  { key: 'loss', path: ['loss', 'id'], options: taskLossIds },
  { key: 'opt', path: ['optimizer', 'id'], options: () => OPTIMIZERS.map((o) => o.id) },
  { key: 'lr', path: ['optimizer', 'learningRate'] },
  { key: 'batch', path: ['optimizer', 'batchSize'] },
  { key: 'sched', path: ['optimizer', 'schedule', 'id'], options: () => SCHEDULES.map((s) => s.id) },
  { key: 'wd', path: ['optimizer', 'weightDecay'] },
  { key: 'clip', path: ['optimizer', 'clipNorm'] },
  { key: 'mixup', path: ['training', 'mixup'] },
  { key: 'steps', path: ['training', 'totalSteps'] },
  // A mixture of experts' training, per run (so `run2.lbl=global` compares the two scopes).
  { key: 'lbl', path: ['training', 'moe', 'balance'], options: () => BALANCE_SCOPES },
  { key: 'lbl-alpha', path: ['training', 'moe', 'alpha'] },
  { key: 'router-z', path: ['training', 'moe', 'zLoss'] },
  { key: 'micro-batches', path: ['training', 'moe', 'microBatches'] },
  { key: 'micro-size', path: ['training', 'moe', 'microBatchSize'] },
  { key: 'seed', path: ['seed'] },
  // TensorFlow Playground's settings.
  { key: 'train', path: ['data', 'trainFraction'] },
  { key: 'features', path: ['model', 'features'] },
  { key: 'reg', path: ['training', 'regularization'], options: () => REGULARIZATION_KINDS },
  { key: 'reg-rate', path: ['training', 'regularizationRate'] },
  { key: 'show-test', path: ['boundary', 'showTest'] },
  { key: 'discretize', path: ['boundary', 'discretize'] },
  { key: 'speed', path: ['playback', 'stepsPerFrame'] },
];
/** The keys that choose a loss, optimizer or schedule; the parameters' defaults depend on them. */
export const ID_KEYS = ['task', 'loss', 'opt', 'sched'];

/** Parameters of whatever loss, optimizer or schedule is chosen: `prefix.<param>`. */
export const FAMILIES: readonly { prefix: string; path: Path }[] = [
  { prefix: 'loss', path: ['loss', 'params'] },
  { prefix: 'opt', path: ['optimizer', 'params'] },
  { prefix: 'sched', path: ['optimizer', 'schedule', 'params'] },
];
export const ADDONS_KEY = 'addons';
export const ADDONS_PATH: Path = ['loss', 'addons'];
/** What one run of a comparison sets for itself; `run2.` … `run6.` in front of its keys. */
export const RUN_SECTIONS = ['loss', 'optimizer', 'training'];
export const RUN_KEY = /^run([2-9]|[1-9]\d{1,2})\.(.+)$/;
export const RUNS_PATH: Path = ['compare', 'runs'];

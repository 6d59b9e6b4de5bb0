// The experiment config in the URL, both ways. Pure: no DOM, so it is tested in Node.
//
// Format (version 1): `?v=1&data=spiral&points=1000&loss=focal&loss.gamma=2&addons=z-reg&z-reg.lambda=0.001`
// - A declarative table gives short keys to the settings people change most (KEYS below).
// - Parameters of the chosen loss, optimizer and schedule are `loss.<param>`, `opt.<param>`,
//   `sched.<param>`; add-ons are `addons=<id>,<id>` (in order) and `<id>.<param>`.
// - Compare runs are `run2.…` to `run6.…` (run 1 is the base run): the same keys for a run's loss,
//   optimizer and training, written where they differ from the base run; `run2.loss` is always
//   written, so `?loss=ce&run2.loss=focal` compares cross-entropy with focal loss.
// - Every other leaf of the config is its dotted path (`metrics.bins=10`, `views.calibration=true`),
//   so a new config field is addressable without touching this file. Lists of plain values are
//   comma-separated.
// - Only values that differ from the defaults are written (a parameter's default is its spec's),
//   plus `v=1`. Numbers are written with `String(n)`, the shortest text that parses back to the
//   same float64, so config → URL → config is the identity.
// A link without `v` is read as the current version, without a notice (links are typed by hand).
// Reading never throws: zod checks each value's shape, `configClamp` makes the result valid, and
// every key that could not be used as given is named in a notice.
import * as z from 'zod/mini';
import { configClamp, DEFAULT_CONFIG, LABEL_NOISE_KINDS, MAX_RUNS, type ExperimentConfig, type RunVariant } from '../engine/config';
import { ALL_DATA_KINDS, TASKS } from '../engine/task';
import { VIEW_MODES } from '../engine/projection';
import { ACTIVATIONS } from '../engine/mlp';
import { BALANCE_SCOPES, MODEL_KINDS } from '../engine/moe/moeTypes';
import { REGULARIZATION_KINDS } from '../engine/regularization';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import { SCHEDULES } from '../engine/schedules/schedules';
import { ADDONS, addonById, addonParamsResolve } from '../losses/addons';
import { allLossIds } from '../losses/taskLosses';
import { asRecord, clip, dataEqual, emptyRecord, formatAny, isLeaf, isPrimitive, leafEqual, leafFormat, pathGet, pathSet, segmentSafe, type Path } from './urlCodecPaths';

export const URL_VERSION = '1';
/** Keys the app reads apart from the config (backend choice; the classroom's, see classroomUrl.ts): never "unknown". */
export const URL_RESERVED_KEYS = ['backend', 'lesson', 'hide', 'presenter', 'lock'] as const;

interface KeyEntry {
  key: string;
  path: Path;
  /** For a choice: the values allowed. */
  options?: () => readonly string[];
}

/** Short keys for the common settings. Every other leaf is reached by its dotted path. */
const KEYS: readonly KeyEntry[] = [
  // The task scopes `data` and `loss`: each is checked against the task's own list by configClamp.
  { key: 'task', path: ['task'], options: () => TASKS },
  { key: 'data', path: ['data', 'kind'], options: () => ALL_DATA_KINDS },
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
  { key: 'loss', path: ['loss', 'id'], options: allLossIds },
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
const ID_KEYS = ['task', 'loss', 'opt', 'sched'];

/** Parameters of whatever loss, optimizer or schedule is chosen: `prefix.<param>`. */
const FAMILIES: readonly { prefix: string; path: Path }[] = [
  { prefix: 'loss', path: ['loss', 'params'] },
  { prefix: 'opt', path: ['optimizer', 'params'] },
  { prefix: 'sched', path: ['optimizer', 'schedule', 'params'] },
];
const ADDONS_KEY = 'addons';
const ADDONS_PATH: Path = ['loss', 'addons'];
/** What one run of a comparison sets for itself; `run2.` … `run6.` in front of its keys. */
const RUN_SECTIONS = ['loss', 'optimizer', 'training'];
const RUN_KEY = /^run([2-9]|[1-9]\d{1,2})\.(.+)$/;
const RUNS_PATH: Path = ['compare', 'runs'];

// ---------------------------------------------------------------------------------------------
// Writing

/** The query string (without `?`) for a config: `v=1` and what differs from the defaults. */
export function configToSearch(config: ExperimentConfig): string {
  const pairs: [string, string][] = [['v', URL_VERSION]];
  const add = (key: string, value: unknown, fallback: unknown) => {
    if (isLeaf(value) && !leafEqual(value, fallback)) pairs.push([key, leafFormat(value)]);
  };
  // The base run: ids against the defaults, everything else against what those ids default to.
  runWrite(config, DEFAULT_CONFIG, configClamp({ task: config.task, ...runIds(config) }).config, '', add, pairs);
  config.compare.runs.forEach((run, i) => {
    // What this run would be given only its ids: the base run's values, its parameters where the ids agree.
    const fallback = configClamp({ ...config, compare: { runs: [runIds(run)] } }).config.compare.runs[0]!;
    runWrite(run, config, fallback, `run${i + 2}.`, add, pairs);
  });
  // Everything else, by dotted path.
  const covered = new Set([...KEYS, ...FAMILIES].map((e) => e.path.join('.')).concat(ADDONS_PATH.join('.'), RUNS_PATH.join('.')));
  const walk = (value: unknown, path: string[]) => {
    if (covered.has(path.join('.'))) return;
    if (isLeaf(value)) return add(path.join('.'), value, pathGet(DEFAULT_CONFIG, path));
    if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(config, []);
  return pairs.map(([key, value]) => `${urlEncode(key)}=${urlEncode(value)}`).join('&');
}

function runIds(run: RunVariant) {
  return { loss: { id: run.loss.id }, optimizer: { id: run.optimizer.id, schedule: { id: run.optimizer.schedule.id } } };
}

/** The table keys, parameters and add-ons of one run (the base run with prefix ''). */
function runWrite(run: RunVariant, ids: RunVariant, fallback: RunVariant, prefix: string, add: (key: string, value: unknown, fallback: unknown) => void, pairs: [string, string][]): void {
  for (const entry of KEYS) {
    if (prefix !== '' && !RUN_SECTIONS.includes(entry.path[0]!)) continue;
    // A compare run always names its loss, so that it exists even when it differs in nothing else.
    const always = prefix !== '' && entry.key === 'loss';
    add(prefix + entry.key, pathGet(run, entry.path), always ? undefined : pathGet(ID_KEYS.includes(entry.key) ? ids : fallback, entry.path));
  }
  for (const family of FAMILIES) {
    const defaults = asRecord(pathGet(fallback, family.path));
    for (const [id, value] of Object.entries(asRecord(pathGet(run, family.path)))) add(`${prefix}${family.prefix}.${id}`, value, defaults[id]);
  }
  if (dataEqual(run.loss.addons, fallback.loss.addons)) return;
  const addons = Object.entries(run.loss.addons);
  pairs.push([prefix + ADDONS_KEY, addons.map(([id]) => id).join(',')]);
  for (const [id, params] of addons) {
    const defaults = addonParamsResolve(addonById(id));
    for (const [param, value] of Object.entries(params)) add(`${prefix}${id}.${param}`, value, defaults[param]);
  }
}

/** Percent-encodes a key or value, leaving `,` and `:` readable. */
export function urlEncode(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface UrlConfig {
  config: ExperimentConfig;
  /** What in the URL could not be used as given, one plain sentence each. */
  notices: string[];
}

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
// zod/mini: the same checks as zod's chained API at a fifth of the bundle size. z.number() rejects
// ±Infinity (text such as 1e999) itself: its message is the one a link shows.
const numberSchema = z.pipe(
  // A `+` typed by hand (`1e+3`) arrives as a space.
  z.pipe(z.string(), z.transform((s: string) => s.trim().replace(/ /g, '+'))),
  z.pipe(z.string().check(z.regex(NUMBER_TEXT, 'is not a number')), z.pipe(z.transform(Number), z.number('is too large'))),
);
const booleanSchema = z.pipe(z.enum(['true', 'false', '1', '0'], 'is not true or false'), z.transform((s) => s === 'true' || s === '1'));
const listSchema = z.pipe(
  z.string(),
  z.transform((s: string) => s.split(',').map((item) => item.trim()).filter((item) => item.length > 0)),
);
const choiceSchema = (options: readonly string[]) => z.string().check(z.refine((s: string) => options.includes(s), `is not one of ${options.join(', ')}`));

/** `auto`: a leaf the defaults lack (a parameter, a list item), typed by its text. */
type Kind = 'number' | 'boolean' | 'string' | 'list' | 'auto';
interface Target {
  path: Path;
  kind: Kind;
  options?: readonly string[];
  /** What kind of key it was, for the notice if the value goes unused. */
  role: 'setting' | 'param';
}

/** Reads a query string (with or without `?`) into a valid config and notices; never throws. */
export function configFromSearch(search: string): UrlConfig {
  const notices: string[] = [];
  const given = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [key, value] of new URLSearchParams(search)) {
    given.set(key, value); // the last one wins, as when a key is appended to override it
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Reserved keys are counted by their own readers (urlParams.ts, classroomUrl.ts).
  for (const [key, count] of counts) if (count > 1 && !isReserved(key)) notices.push(`${clip(key)} is given ${count} times; the last is used`);

  const settingKeys = [...given.keys()].filter((key) => key !== 'v' && !isReserved(key));
  const version = given.get('v');
  if (version !== undefined && version !== URL_VERSION) notices.push(`version v=${clip(version)} is not known; read as version ${URL_VERSION}`);

  // Scopes: the base run (no prefix), then the compare runs in order, numbered from 2 without gaps.
  const runNumbers = [...new Set(settingKeys.map((key) => RUN_KEY.exec(key)?.[1]).filter((n) => n !== undefined).map(Number))].sort((a, b) => a - b);
  const scopes = new Map<string, { path: Path; addons: string[] }>([['', { path: [], addons: [] }]]);
  const raw = emptyRecord();
  runNumbers.forEach((n, i) => {
    if (i >= MAX_RUNS - 1) return notices.push(`run${n} is ignored: at most ${MAX_RUNS} runs are compared`);
    if (n !== i + 2) notices.push(`run${n} is read as run${i + 2} (runs are numbered from 2, without gaps)`);
    scopes.set(`run${n}.`, { path: [...RUNS_PATH, String(i)], addons: [] });
    pathSet(raw, [...RUNS_PATH, String(i)], emptyRecord());
  });
  // Add-ons first: their parameters only count for the add-ons that are on.
  for (const [prefix, scope] of scopes) {
    const text = given.get(prefix + ADDONS_KEY);
    if (text === undefined) continue;
    for (const id of listSchema.parse(text)) {
      if (!ADDONS.some((a) => a.id === id)) notices.push(`${prefix}add-on "${clip(id)}" is unknown; ignored`);
      else if (!scope.addons.includes(id)) scope.addons.push(id);
    }
    pathSet(raw, [...scope.path, ...ADDONS_PATH], emptyRecord());
    for (const id of scope.addons) pathSet(raw, [...scope.path, ...ADDONS_PATH, id], emptyRecord());
  }

  const requests: { key: string; text: string; path: Path; role: Target['role']; value: unknown; error: string | null }[] = [];
  for (const key of settingKeys) {
    const run = RUN_KEY.exec(key);
    const prefix = run ? `run${run[1]}.` : '';
    const scope = scopes.get(prefix);
    const local = key.slice(prefix.length);
    if (!scope) continue; // a run past the limit, already noticed
    if (local === ADDONS_KEY) continue;
    const target = keyResolve(local);
    if (!target || (run && !RUN_SECTIONS.includes(target.path[0]!))) {
      notices.push(run && target ? `${clip(key)}: every run shares ${local}; ignored` : `${clip(key)} is not a setting; ignored`);
      continue;
    }
    const addonId = target.path.length === 4 && target.path[1] === 'addons' ? target.path[2]! : null;
    if (addonId !== null && !scope.addons.includes(addonId)) {
      notices.push(`${clip(key)} is ignored: the add-on ${addonId} is not on (${prefix}addons=${addonId} turns it on)`);
      continue;
    }
    const text = given.get(key) ?? '';
    const path = [...scope.path, ...target.path];
    const parsed = valueSchema(target, text).safeParse(text);
    if (parsed.success && !pathSet(raw, path, parsed.data)) {
      notices.push(`${clip(key)} is not a setting; ignored`);
      continue;
    }
    requests.push({ key, text, path, role: target.role, value: parsed.data, error: parsed.success ? null : (parsed.error.issues[0]?.message ?? 'is not valid') });
  }

  const { config } = configClamp(raw);
  for (const { key, text, path, role, value, error } of requests) {
    const used = pathGet(config, path);
    if (used === undefined) notices.push(`${clip(key)} is not ${role === 'param' ? 'a parameter of this choice' : 'a setting'}; ignored`);
    else if (error !== null) notices.push(`${clip(key)}=${clip(text)} ${error} → ${clip(formatAny(used))}`);
    else if (!leafEqual(used, value)) notices.push(`${clip(key)}=${clip(formatAny(value))} → ${clip(formatAny(used))}`);
  }
  return { config, notices: noticesCap(notices) };
}

const isReserved = (key: string): boolean => (URL_RESERVED_KEYS as readonly string[]).includes(key);

/** At most this many notices are listed; a link of a thousand unknown keys gets one line for the rest. */
export const MAX_NOTICES = 12;

export function noticesCap(notices: string[]): string[] {
  if (notices.length <= MAX_NOTICES) return notices;
  return [...notices.slice(0, MAX_NOTICES - 1), `and ${notices.length - MAX_NOTICES + 1} more`];
}

/** Which leaf of the config a key names, and what kind of value it holds; null if none. */
function keyResolve(key: string): Target | null {
  const entry = KEYS.find((e) => e.key === key);
  if (entry) return { path: entry.path, kind: leafKind(pathGet(DEFAULT_CONFIG, entry.path)), ...(entry.options ? { options: entry.options() } : {}), role: 'setting' };
  const segments = key.split('.');
  if (!segments.every(segmentSafe)) return null;
  const [head, param, ...rest] = segments;
  if (head !== undefined && param !== undefined && rest.length === 0) {
    if (ADDONS.some((a) => a.id === head)) return { path: [...ADDONS_PATH, head, param], kind: 'number', role: 'param' };
    const family = FAMILIES.find((f) => f.prefix === head);
    // `loss.id` is the loss section's own field, reached by its path below; `loss.gamma` is a parameter.
    if (family && !Object.hasOwn(asRecord(pathGet(DEFAULT_CONFIG, [head])), param)) return { path: [...family.path, param], kind: 'number', role: 'param' };
  }
  // A dotted path: its section must exist; a leaf the defaults lack (a parameter) is typed by its text.
  // Compare runs are reached only through their `runN.` keys.
  if (head === undefined || !Object.hasOwn(DEFAULT_CONFIG, head) || key.startsWith(RUNS_PATH.join('.'))) return null;
  for (let i = 1; i < segments.length; i++) if (isPrimitive(pathGet(DEFAULT_CONFIG, segments.slice(0, i)))) return null;
  const fallback = pathGet(DEFAULT_CONFIG, segments);
  if (fallback !== undefined && !isLeaf(fallback)) return null;
  return { path: segments, kind: leafKind(fallback), role: 'setting' };
}

function valueSchema(target: Target, text: string): z.ZodMiniType<unknown, string> {
  if (target.options) return choiceSchema(target.options);
  if (target.kind === 'number' || (target.kind === 'auto' && NUMBER_TEXT.test(text.trim()))) return numberSchema;
  if (target.kind === 'boolean') return booleanSchema;
  if (target.kind === 'list') return z.pipe(listSchema, z.transform((items: string[]) => items.map((item) => (NUMBER_TEXT.test(item) ? Number(item) : item))));
  return z.string();
}

function leafKind(fallback: unknown): Kind {
  if (typeof fallback === 'number') return 'number';
  if (typeof fallback === 'boolean') return 'boolean';
  if (typeof fallback === 'string') return 'string';
  return Array.isArray(fallback) ? 'list' : 'auto';
}

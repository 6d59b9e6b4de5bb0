// Reading a config from the URL: every value checked and clamped, every key not used as given named in a notice.
import * as z from 'zod/mini';
import { configClamp, DEFAULT_CONFIG, MAX_RUNS, type ExperimentConfig } from '../engine/config';
import { TASKS, type Task } from '../engine/task';
import { ADDONS } from '../losses/addons';
import { asRecord, clip, emptyRecord, formatAny, isLeaf, isPrimitive, leafEqual, pathGet, pathSet, segmentSafe, type Path } from './urlCodecPaths';
import { ADDONS_KEY, ADDONS_PATH, FAMILIES, KEYS, RUN_KEY, RUN_SECTIONS, RUNS_PATH, URL_RESERVED_KEYS, URL_VERSION } from './urlCodecKeys';

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

  // A link's data and loss names are checked against its own task's lists (an unknown task is read as the default's).
  const taskText = given.get('task');
  const task: Task = TASKS.find((t) => t === taskText) ?? DEFAULT_CONFIG.task;
  const requests: { key: string; text: string; path: Path; role: Target['role']; value: unknown; error: string | null }[] = [];
  for (const key of settingKeys) {
    const run = RUN_KEY.exec(key);
    const prefix = run ? `run${run[1]}.` : '';
    const scope = scopes.get(prefix);
    const local = key.slice(prefix.length);
    if (!scope) continue; // a run past the limit, already noticed
    if (local === ADDONS_KEY) continue;
    const target = keyResolve(local, task);
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
function keyResolve(key: string, task: Task): Target | null {
  const entry = KEYS.find((e) => e.key === key);
  if (entry) return { path: entry.path, kind: leafKind(pathGet(DEFAULT_CONFIG, entry.path)), ...(entry.options ? { options: entry.options(task) } : {}), role: 'setting' };
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


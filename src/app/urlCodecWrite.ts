// Writing a config into the URL: only what differs from the defaults, in the format urlCodec.ts describes.
import { configClamp, DEFAULT_CONFIG, type ExperimentConfig, type RunVariant } from '../engine/config';
import { addonById, addonParamsResolve } from '../losses/addons';
import { asRecord, dataEqual, isLeaf, leafEqual, leafFormat, pathGet } from './urlCodecPaths';
import { ADDONS_KEY, ADDONS_PATH, FAMILIES, ID_KEYS, KEYS, RUN_SECTIONS, RUNS_PATH, URL_VERSION } from './urlCodecKeys';

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

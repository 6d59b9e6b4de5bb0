// Fuzz: run files, exported and then damaged or written by hand, imported as the app imports them
// (importStoreApply: runJsonParse, then the config and import stores). Every case must end in a
// valid config and runs, or in one clear sentence with nothing else changed; never an exception,
// never a polluted prototype. Seeded, fixed count.
import { beforeEach, describe, expect, it } from 'vitest';
import { configClamp, configRuns, DEFAULT_CONFIG, type ExperimentConfig } from '../../engine/config';
import { rng, type Rng } from '../../engine/rng';
import { LOSSES } from '../../losses/registry';
import { useConfigStore } from '../configStore';
import { importStoreApply, useImportStore } from './importStore';
import { runJson } from './runJson';
import { METRIC_COLUMNS, METRIC_GROUPS, runMetricsEmpty, type RunRecord } from './runMetrics';

const CASES = 1_200;
const HUGE_CASES = 8;
const pick = <T,>(r: Rng, items: readonly T[]): T => items[r.int(items.length)]!;
const META = { url: 'https://example.org/?v=1', exportedAt: new Date('2026-01-02T03:04:05Z') };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Kind = 'valid' | 'wrong version' | 'wrong format' | 'missing field' | 'extra field' | 'prototype key' | 'huge array' | 'non-finite number' | 'wrong type' | 'not JSON';

/** A run's history of `steps` points in every group. */
function randomRun(r: Rng, steps: number): RunRecord {
  const metrics = runMetricsEmpty();
  for (const group of METRIC_GROUPS) {
    const table = metrics[group] as Record<string, number[]>;
    for (const column of METRIC_COLUMNS[group]) table[column] = Array.from({ length: steps }, (_, i) => (column === 'step' ? i + 1 : r.next() < 0.05 ? NaN : r.normal()));
  }
  return { step: steps, diverged: r.next() < 0.1 ? { step: steps, reason: 'the training loss became NaN' } : null, metrics };
}

function randomExport(r: Rng): { config: ExperimentConfig; document: { [key: string]: Json } } {
  const compare = Array.from({ length: r.int(3) }, () => ({ loss: { id: pick(r, LOSSES).id } }));
  const { config } = configClamp({ ...DEFAULT_CONFIG, loss: { id: pick(r, LOSSES).id }, seed: r.int(1000), compare: { runs: compare } });
  const runs = configRuns(config).map(() => randomRun(r, r.int(40)));
  return { config, document: JSON.parse(runJson(config, runs, META)) as { [key: string]: Json } };
}

/** A random path to an object inside the document (the root, the config, a section, a run, its metrics). */
function someObject(r: Rng, document: { [key: string]: Json }): { [key: string]: Json } {
  const config = document.config as { [key: string]: Json };
  const runs = document.runs as { [key: string]: Json }[];
  const candidates = [document, config, config.data, config.loss, config.optimizer, config.metrics, runs[0], runs[0]?.metrics, (runs[0]?.metrics as { [key: string]: Json } | undefined)?.trainLoss];
  return pick(r, candidates.filter((c): c is { [key: string]: Json } => typeof c === 'object' && c !== null && !Array.isArray(c)));
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function fuzzCase(seed: number): { kind: Kind; text: string } {
  const r = rng(seed);
  const { document } = randomExport(r);
  // 10⁶-element arrays take a second each: a fixed few, the first seeds.
  const kind = seed <= HUGE_CASES ? 'huge array' : pick<Kind>(r, ['valid', 'wrong version', 'wrong format', 'missing field', 'extra field', 'prototype key', 'non-finite number', 'wrong type', 'not JSON']);
  let text: string | null = null;
  if (kind === 'wrong version') document.version = pick<Json>(r, [0, -1, 1.5, '1', 2, 99, null, [], {}]);
  else if (kind === 'wrong format') document.format = pick<Json>(r, ['losscape', 'LOSSCAPE-RUN', '', 7, null]);
  else if (kind === 'missing field') {
    const target = someObject(r, document);
    const keys = Object.keys(target);
    if (keys.length > 0) delete target[pick(r, keys)];
  } else if (kind === 'extra field') {
    const target = someObject(r, document);
    const key = pick(r, ['extra', 'note', 'comment', 'zz', 'Width', 'kind2', 'steps']);
    if (!Object.hasOwn(target, key)) target[key] = pick<Json>(r, [1, 'x', null, [1, 2], { a: 1 }, true]);
  } else if (kind === 'prototype key') {
    // Written as text: JSON.parse makes "__proto__" an own key, which is what a hostile file does.
    const key = pick(r, HOSTILE_KEYS);
    const payload = pick(r, ['{"polluted": 1}', '{"prototype": {"polluted": 1}}', '1', '"x"', '[1]']);
    const where = pick(r, ['{', '"config": {', '"data": {', '"metrics": {', '"loss": {', '"trainLoss": {']);
    text = JSON.stringify(document).replace(where, `${where}"${key}": ${payload},`);
  } else if (kind === 'huge array') {
    // 10⁶ elements: a metric column, the runs, or the points added by clicking.
    const million = (fill: (i: number) => Json): Json[] => Array.from({ length: 1_000_000 }, (_, i) => fill(i));
    const variant = seed % 4;
    const runs = document.runs as { [key: string]: Json }[];
    if (variant === 0 && runs[0]) runs[0].metrics = { trainLoss: { step: million((i) => i + 1), value: million(() => 0.5) } };
    else if (variant === 1) document.runs = million(() => null);
    else if (variant === 2) (document.config as { [key: string]: { [key: string]: Json } }).data!.added = million((i) => i % 3 === 2 ? 1 : 0.5);
    else (document.config as { [key: string]: Json }).compare = { runs: million(() => ({ loss: { id: 'mae' } })) };
  } else if (kind === 'non-finite number') {
    // JSON has no NaN or Infinity: a huge exponent reads as Infinity, a bare NaN does not parse.
    const json = JSON.stringify(document);
    const numbers = [...json.matchAll(/(?<=[:[,])-?\d+(\.\d+)?(e[-+]?\d+)?(?=[,\]}])/g)];
    const at = numbers.length > 0 ? pick(r, numbers) : null;
    const replacement = pick(r, ['1e999', '-1e999', 'NaN', 'Infinity', '1e308', '-0', '5e-324']);
    text = at ? json.slice(0, at.index) + replacement + json.slice(at.index! + at[0].length) : json;
  } else if (kind === 'wrong type') {
    const target = someObject(r, document);
    const keys = Object.keys(target);
    if (keys.length > 0) target[pick(r, keys)] = pick<Json>(r, ['text', 42, null, true, [], {}, [null], ['1']]);
  } else if (kind === 'not JSON') {
    const json = JSON.stringify(document);
    text = pick(r, [() => json.slice(0, r.int(json.length)), () => `${json}}`, () => '', () => 'null', () => '[]', () => '"run"', () => json.replace(/"/g, "'"), () => String.fromCharCode(...Array.from({ length: 200 }, () => r.int(0x3000)))])();
  }
  return { kind, text: text ?? JSON.stringify(document) };
}

/** A message a person can act on: a sentence, no leaked internals. */
function clear(message: string): boolean {
  return message.length > 10 && message.length < 400 && /[.)]$/.test(message) && !/undefined|\[object|TypeError|RangeError/.test(message);
}

describe('run file fuzz', () => {
  beforeEach(() => {
    useConfigStore.setState({ config: structuredClone(DEFAULT_CONFIG), revision: 1, notices: [] });
    useImportStore.setState({ imported: null, error: null });
  });

  it(`imports ${CASES} generated run files into valid configs and runs, or says why not and changes nothing`, () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).join();
    const tally = new Map<Kind, { ok: number; error: number }>();
    for (let seed = 1; seed <= CASES; seed++) {
      const { kind, text } = fuzzCase(seed);
      const fail = (what: string): never => expect.fail(`seed ${seed} (${kind}): ${what}`);
      const before = { config: useConfigStore.getState().config, imported: useImportStore.getState().imported };
      let ok = false;
      try {
        ok = importStoreApply(`fuzz-${seed}.json`, text);
      } catch (thrown) {
        fail(`threw ${String(thrown)}`);
      }
      if (Object.getOwnPropertyNames(Object.prototype).join() !== prototypeNames || ({} as Record<string, unknown>).polluted !== undefined) fail('Object.prototype changed');
      const count = tally.get(kind) ?? { ok: 0, error: 0 };
      tally.set(kind, count);
      const { config } = useConfigStore.getState();
      const { imported, error } = useImportStore.getState();
      if (!ok) {
        count.error++;
        if (error === null || !clear(error)) fail(`unclear message: ${error}`);
        // Nothing is lost: the config and the reference in use stay as they were.
        if (config !== before.config || imported !== before.imported) fail('a failed import changed the app');
        if (kind === 'valid' || kind === 'extra field') fail(`a readable file was refused: ${error}`);
        continue;
      }
      count.ok++;
      if (['wrong version', 'wrong format', 'not JSON'].includes(kind) && !/^\{/.test(text)) fail('imported something that is not a run file');
      if (Object.getPrototypeOf(config) !== Object.prototype) fail('the config has another prototype');
      const clamped = configClamp(config);
      if (clamped.changes.length > 0) fail(`an invalid config: ${clamped.changes.join('; ')}`);
      if (!imported) return fail('no reference run');
      if (imported.runs.length > configRuns(config).length) fail(`${imported.runs.length} runs for ${configRuns(config).length}`);
      for (const run of imported.runs) {
        if (!Number.isFinite(run.step)) fail(`a run at step ${run.step}`);
        if (run.diverged && (!Number.isFinite(run.diverged.step) || run.diverged.reason.length > 200)) fail(`diverged ${JSON.stringify(run.diverged).slice(0, 80)}`);
        for (const group of METRIC_GROUPS) {
          const table = run.metrics[group] as Record<string, number[]>;
          const lengths = new Set(METRIC_COLUMNS[group].map((c) => table[c]!.length));
          if (lengths.size !== 1) fail(`columns of ${group} differ in length`);
          if (!table.step!.every(Number.isFinite)) fail(`a step of ${group} that is not finite`);
        }
      }
      useConfigStore.setState({ config: structuredClone(DEFAULT_CONFIG), notices: [] });
      useImportStore.setState({ imported: null, error: null });
    }
    const summary = [...tally].map(([kind, t]) => `${kind} ${t.ok}+${t.error}`).join(', ');
    console.log(`run file fuzz: ${CASES} files tried (seeds 1–${CASES}; kind imported+refused: ${summary}); 0 exceptions, 0 failures`);
    expect(tally.size).toBe(10);
  }, 120_000);
});

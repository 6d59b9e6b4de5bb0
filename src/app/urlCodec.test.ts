import { describe, expect, it } from 'vitest';
import { BINNINGS, configClamp, DEFAULT_CONFIG, LABEL_NOISE_KINDS, LANDSCAPE_DIRECTIONS, LANDSCAPE_VIEWS, LIMITS, MAX_RUNS, type ExperimentConfig, type RunVariant } from '../engine/config';
import { DATASET_KINDS } from '../engine/datasets';
import { VIEW_MODES } from '../engine/projection';
import { ACTIVATIONS } from '../engine/mlp';
import { BALANCE_SCOPES, MODEL_KINDS } from '../engine/moe/moeTypes';
import { INPUT_FEATURES } from '../engine/inputFeatures';
import { REGULARIZATION_KINDS, REGULARIZATION_RATE } from '../engine/regularization';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import { rng, type Rng } from '../engine/rng';
import { SCHEDULES } from '../engine/schedules/schedules';
import { ADDONS } from '../losses/addons';
import { LOSSES } from '../losses/registry';
import { Environment } from '@tensorflow/tfjs-core';
import { classroomParse } from './classroomUrl';
import { configFromSearch, configToSearch } from './urlCodec';
import { urlOptionsParse } from './urlParams';
import { searchRepair } from './urlRepair';

const pick = <T,>(r: Rng, items: readonly T[]): T => items[r.int(items.length)]!;

/** A number in [min, max]: often an end, sometimes a round value, mostly a full-precision draw. */
function draw(r: Rng, min: number, max: number, integer = false): number {
  const u = r.next();
  if (u < 0.1) return min;
  if (u < 0.2) return max;
  // Ranges spanning decades (learning rate, epsilon) are drawn on a log scale.
  let x = min > 0 && max / min > 100 ? min * (max / min) ** r.next() : min + r.next() * (max - min);
  if (u < 0.35) x = Math.round(x * 100) / 100;
  return integer ? Math.round(x) : x;
}

const randomParams = (r: Rng, specs: readonly { id: string; min: number; max: number }[]) =>
  Object.fromEntries(specs.filter(() => r.next() < 0.7).map((s) => [s.id, draw(r, s.min, s.max)]));

/** A random loss, optimizer and training options (with `partial`, some left out). */
function randomRun(r: Rng, base: ExperimentConfig, partial = false): RunVariant {
  const L = LIMITS;
  const loss = pick(r, LOSSES);
  const addons = ADDONS.filter(() => r.next() < 0.4);
  if (r.next() < 0.5) addons.reverse();
  const optimizer = pick(r, OPTIMIZERS);
  const schedule = pick(r, SCHEDULES);
  const run: RunVariant = {
    loss: { id: loss.id, params: randomParams(r, loss.params), addons: Object.fromEntries(addons.map((a) => [a.id, randomParams(r, a.params)])) },
    optimizer: {
      id: optimizer.id,
      learningRate: draw(r, L.learningRate.min, L.learningRate.max),
      batchSize: draw(r, L.batchSize.min, L.batchSize.max, true),
      params: randomParams(r, optimizer.params),
      schedule: { id: schedule.id, params: randomParams(r, schedule.params) },
      weightDecay: draw(r, L.weightDecay.min, L.weightDecay.max),
      clipNorm: draw(r, L.clipNorm.min, L.clipNorm.max),
    },
    training: {
      mixup: draw(r, L.mixup.min, L.mixup.max),
      totalSteps: draw(r, L.totalSteps.min, L.totalSteps.max, true),
      moe: {
        balance: pick(r, BALANCE_SCOPES),
        alpha: draw(r, L.alpha.min, L.alpha.max),
        zLoss: draw(r, L.zLoss.min, L.zLoss.max),
        microBatches: draw(r, L.microBatches.min, L.microBatches.max, true),
        microBatchSize: draw(r, L.microBatchSize.min, L.microBatchSize.max, true),
      },
      regularization: pick(r, REGULARIZATION_KINDS),
      regularizationRate: draw(r, REGULARIZATION_RATE.min, REGULARIZATION_RATE.max),
    },
  };
  if (!partial) return run;
  // Keep the base run's choices here and there, so that fallbacks to it are exercised.
  if (r.next() < 0.5) run.loss = structuredClone(base.loss);
  if (r.next() < 0.5) run.optimizer = structuredClone(base.optimizer);
  if (r.next() < 0.5) run.training = structuredClone(base.training);
  return run;
}

/** A random valid config: every field drawn within LIMITS and the registries, then clamped. */
function randomConfig(seed: number): ExperimentConfig {
  const r = rng(seed);
  const c: ExperimentConfig = structuredClone(DEFAULT_CONFIG);
  // Any numeric leaf, including in sections added later, gets a random value of random size;
  // configClamp brings it into range. The fields known today are then drawn properly below.
  const perturb = (node: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'number' && r.next() < 0.5) node[key] = r.normal() * 10 ** r.int(5);
      else if (typeof value === 'boolean' && r.next() < 0.5) node[key] = !value;
      else if (typeof value === 'object' && value !== null) perturb(value as Record<string, unknown>);
    }
  };
  perturb(c as unknown as Record<string, unknown>);
  const L = LIMITS;
  c.data = {
    ...c.data,
    kind: pick(r, DATASET_KINDS),
    points: draw(r, L.points.min, L.points.max, true),
    noise: draw(r, L.noise.min, L.noise.max),
    classes: draw(r, L.classes.min, L.classes.max, true),
    seed: draw(r, L.seed.min, L.seed.max, true),
    minorityFraction: draw(r, L.minorityFraction.min, L.minorityFraction.max),
    labelNoise: draw(r, L.labelNoise.min, L.labelNoise.max),
    labelNoiseKind: pick(r, LABEL_NOISE_KINDS),
    view: { mode: pick(r, VIEW_MODES), x: r.int(4), y: r.int(4) },
    // Added points (kept on generated data only) and a file's name with characters that need escaping.
    added: Array.from({ length: r.next() < 0.5 ? 0 : 3 * (1 + r.int(5)) }, (_, i) => (i % 3 === 2 ? r.int(2) : draw(r, -3, 3))),
    csv: r.next() < 0.3 ? { name: 'my data, v2 & final%.csv', label: 'species', hash: '0a1b2c3d' } : c.data.csv,
    domains: draw(r, L.domains.min, L.domains.max, true),
  };
  c.model = {
    kind: pick(r, MODEL_KINDS),
    experts: draw(r, L.experts.min, L.experts.max, true),
    topK: draw(r, L.topK.min, L.topK.max, true),
    layers: draw(r, L.layers.min, L.layers.max, true),
    width: draw(r, L.width.min, L.width.max, true),
    activation: pick(r, ACTIVATIONS),
    features: INPUT_FEATURES.filter(() => r.next() < 0.5),
  };
  Object.assign(c, randomRun(r, c));
  // Compare runs: full variants, or partial ones that take the rest from the base run.
  c.compare = { runs: Array.from({ length: r.next() < 0.5 ? 0 : 1 + r.int(MAX_RUNS - 1) }, () => randomRun(r, c, r.next() < 0.5)) };
  c.metrics = { ...c.metrics, bins: draw(r, L.bins.min, L.bins.max, true), binning: pick(r, BINNINGS) };
  c.landscape = { ...c.landscape, directions: pick(r, LANDSCAPE_DIRECTIONS), view: pick(r, LANDSCAPE_VIEWS) };
  c.seed = draw(r, L.seed.min, L.seed.max, true);
  return configClamp(c).config;
}

describe('configToSearch / configFromSearch', () => {
  it('writes only the version for the defaults, and reads an empty URL as the defaults', () => {
    expect(configToSearch(DEFAULT_CONFIG)).toBe('v=1');
    expect(configFromSearch('')).toEqual({ config: DEFAULT_CONFIG, notices: [] });
    expect(configFromSearch('?backend=cpu&lesson=focal&hide=x&presenter=1')).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });

  it('uses short readable keys, loss.<param>, add-ons in order and dotted paths for the rest', () => {
    const { config } = configClamp({
      ...DEFAULT_CONFIG,
      data: { ...DEFAULT_CONFIG.data, kind: 'spiral', points: 1000 },
      loss: { id: 'focal', params: { gamma: 3 }, addons: { 'confidence-penalty': { beta: 0.25 }, 'z-reg': {} } },
      optimizer: { ...DEFAULT_CONFIG.optimizer, learningRate: 0.1 + 0.2 },
      metrics: { ...DEFAULT_CONFIG.metrics, bins: 10 },
    });
    const search = configToSearch(config);
    expect(search).toBe('v=1&data=spiral&points=1000&loss=focal&lr=0.30000000000000004&loss.gamma=3&addons=confidence-penalty,z-reg&confidence-penalty.beta=0.25&metrics.bins=10');
    expect(configFromSearch(search)).toEqual({ config, notices: [] });
    expect(Object.keys(configFromSearch(search).config.loss.addons)).toEqual(['confidence-penalty', 'z-reg']);
  });

  it('round-trips 600 seeded random configs exactly', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const config = randomConfig(seed);
      const search = configToSearch(config);
      const back = configFromSearch(search);
      expect(back.notices, `seed ${seed}: ${search}`).toEqual([]);
      expect(back.config, `seed ${seed}: ${search}`).toEqual(config);
      expect(configToSearch(back.config)).toBe(search);
    }
  });

  it('says what it clamped, what it could not read and what it ignored', () => {
    const { config, notices } = configFromSearch('?points=abc&layers=99&zzz=1');
    expect(config).toEqual({ ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, layers: 6 } });
    expect(notices).toEqual([
      'zzz is not a setting; ignored',
      'points=abc is not a number → 400',
      'layers=99 → 6',
    ]);
  });

  it('reads repeated keys, versions, aliases, parameters and add-ons as described', () => {
    const read = (search: string) => configFromSearch(search);
    expect(read('v=1&lr=0.1&lr=0.2').config.optimizer.learningRate).toBe(0.2);
    expect(read('v=1&lr=0.1&lr=0.2').notices).toEqual(['lr is given 2 times; the last is used']);
    expect(read('v=7&lr=0.1').notices).toEqual(['version v=7 is not known; read as version 1']);
    expect(read('v=1&optimizer.learningRate=0.5&metrics.binning=equal-mass')).toMatchObject({ notices: [], config: { optimizer: { learningRate: 0.5 }, metrics: { binning: 'equal-mass' } } });
    expect(read('v=1&lr=1e+2').config.optimizer.learningRate).toBe(100); // a hand-typed `+` arrives as a space
    expect(read('v=1&loss.gamma=2').notices).toEqual(['loss.gamma is not a parameter of this choice; ignored']);
    expect(read('v=1&loss=focal&loss.gamma=50')).toMatchObject({ config: { loss: { params: { gamma: 5 } } }, notices: ['loss.gamma=50 → 5'] });
    expect(read('v=1&z-reg.lambda=0.001').notices[0]).toContain('add-on z-reg is not on');
    expect(read('v=1&addons=z-reg,magic').notices).toEqual(['add-on "magic" is unknown; ignored']);
    expect(read('v=1&data=moons&classes=4').notices).toEqual(['classes=4 → 2']);
    expect(read('v=1&data=nowhere').notices[0]).toMatch(/^data=nowhere is not one of circle, xor.* → circle$/);
    expect(read('v=1&loss.id=focal&loss.params=3&seed.x=1').notices).toEqual(['loss.params is not a setting; ignored', 'seed.x is not a setting; ignored']);
  });

  it('writes compare runs as runN keys, where they differ from the base run', () => {
    const { config } = configClamp({
      ...DEFAULT_CONFIG,
      loss: { id: 'ce', params: {}, addons: { 'z-reg': {} } },
      compare: { runs: [{ loss: { id: 'focal', params: { gamma: 3 } } }, { loss: { id: 'ce', addons: {} }, optimizer: { learningRate: 0.1 } }] },
    });
    const search = configToSearch(config);
    expect(search).toBe('v=1&addons=z-reg&run2.loss=focal&run2.loss.gamma=3&run3.loss=ce&run3.lr=0.1&run3.addons=');
    expect(configFromSearch(search)).toEqual({ config, notices: [] });
    const read = configFromSearch('v=1&run3.loss=gce&run9.lr=0.5&run1.loss=mae&run3.points=5');
    expect(read.config.compare.runs.map((run) => [run.loss.id, run.optimizer.learningRate])).toEqual([['gce', 0.03], ['ce', 0.5]]);
    expect(read.notices).toEqual([
      'run3 is read as run2 (runs are numbered from 2, without gaps)',
      'run9 is read as run3 (runs are numbered from 2, without gaps)',
      'run1.loss is not a setting; ignored',
      'run3.points: every run shares points; ignored',
    ]);
    const many = configFromSearch(`v=1&${[2, 3, 4, 5, 6, 7].map((n) => `run${n}.loss=mae`).join('&')}`);
    expect(many.config.compare.runs).toHaveLength(MAX_RUNS - 1);
    expect(many.notices).toEqual([`run7 is ignored: at most ${MAX_RUNS} runs are compared`]);
  });

  it('never lets a key reach an object prototype', () => {
    for (const key of ['__proto__.polluted', 'constructor.prototype.polluted', 'data.__proto__.polluted', 'loss.__proto__', 'data.constructor']) {
      const { notices } = configFromSearch(`v=1&${key}=1`);
      expect(notices.length, key).toBeGreaterThan(0);
      expect((({}) as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzz: random and malformed links, read as the page reads them (urlRepair, then the config,
// classroom and backend readers, and tfjs-core's own flag reader). Every case must read without
// throwing into a valid config, leave Object.prototype alone, and write out and back as itself;
// a case into which the generator put a fault must yield at least one notice, and a case with
// none (a link without `v` included) must yield none.

const NUMBER_KEYS = ['points', 'noise', 'classes', 'dseed', 'minority', 'label-noise', 'layers', 'width', 'lr', 'batch', 'wd', 'clip', 'mixup', 'steps', 'seed'];
const RANGES: Record<string, { min: number; max: number }> = {
  points: LIMITS.points, noise: LIMITS.noise, layers: LIMITS.layers, width: LIMITS.width, lr: LIMITS.learningRate, batch: LIMITS.batchSize, steps: LIMITS.totalSteps, seed: LIMITS.seed,
};
const CHOICE_KEYS = ['data', 'act', 'loss', 'opt', 'sched', 'label-noise-kind'];
const GARBAGE_NUMBERS = ['abc', 'NaN', 'Infinity', '-Infinity', '1e999', '', '0x10', '１２', '1,2', '%', '%E0%A4%A', '1..2', '--1', 'null', '[]', '💥', '\u0000', ' '];
/** Written into the link as they are, not encoded: decodeURIComponent rejects every one. */
const MALFORMED_ESCAPES = ['%%%', '%E0%A4%A', '%', '%zz', '%C3', '%C3(', '%ED%A0%80', '%F4%90%80%80', '%C0%AF', '%E0%A4', '%FF', '%2', '100%', '%u00e9'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', '__proto__.polluted', 'constructor.prototype.polluted', 'data.__proto__', 'data.__proto__.polluted', 'loss.constructor', 'loss.__proto__', 'opt.prototype', 'run2.__proto__', 'run2.constructor.prototype', 'metrics.constructor', 'toString', 'hasOwnProperty', 'data.toString', 'valueOf.x'];
const NON_FINITE = ['1e309', '-1e309', '9'.repeat(400), `-${'9'.repeat(400)}`, 'Infinity', '-Infinity', 'NaN', '1e999999', '+Inf'];
const JUNK = ['%', '%%', '%zz', '%E0%A4%A', '&', '=', '==', '+', '?', '#', 'é', '💥', '\u202e', 'a.b', '.', '..', '__proto__', 'v', 'loss.', '.loss', 'z-reg.', 'NaN', '1e308', '-0'];
const FAULTS = ['unknown key', 'garbage number', 'out of range', 'bad choice', 'duplicate key', 'bad version', 'bad add-on', 'bad run key', 'malformed escape', 'prototype key', 'non-finite number', 'duplicate reserved key'] as const;
type Fault = (typeof FAULTS)[number];

function randomText(r: Rng, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += r.next() < 0.3 ? pick(r, JUNK) : String.fromCodePoint(r.int(r.next() < 0.9 ? 128 : 0x2ffff));
  return text;
}

/**
 * A query string and the faults the generator put into it; `faults` is null for random text,
 * which may or may not be faulty. `noVersion`: `v` was dropped, which is no fault.
 */
function fuzzCase(seed: number): { search: string; faults: Fault[] | null; noVersion: boolean } {
  const r = rng(seed);
  if (r.next() < 0.2) return { search: randomText(r, r.int(60)), faults: null, noVersion: false };
  const pairs = configToSearch(randomConfig(seed)).split('&').map((p) => p.split('=') as [string, string]);
  const faults: Fault[] = [];
  let noVersion = false;
  const mutations = r.int(4);
  for (let m = 0; m < mutations; m++) {
    const kind = r.int(13);
    if (kind === 0) {
      pairs.push([`${pick(r, ['zz', 'foo', 'Points', 'LR', 'data.kinds', 'metrics', 'loss.params', 'opt.beta9'])}${randomText(r, r.int(3))}`, randomText(r, r.int(8))]);
      faults.push('unknown key');
    } else if (kind === 1) {
      pairs.push([pick(r, NUMBER_KEYS), encodeURIComponent(pick(r, GARBAGE_NUMBERS))]);
      faults.push('garbage number');
    } else if (kind === 2) {
      const key = pick(r, Object.keys(RANGES));
      const range = RANGES[key]!;
      pairs.push([key, String(r.next() < 0.5 ? range.min - 1 - r.next() * 1e6 : range.max * (2 + r.next() * 1e6))]);
      faults.push('out of range');
    } else if (kind === 3) {
      pairs.push([pick(r, CHOICE_KEYS), `${pick(r, ['nope', 'CE', 'Adam', 'circle%20', '__proto__', 'constructor', 'toString'])}${randomText(r, r.int(3))}`]);
      faults.push('bad choice');
    } else if (kind === 4 && pairs.length > 0) {
      pairs.push(pick(r, pairs)); // a repeated key
      faults.push('duplicate key');
    } else if (kind === 5) {
      const at = pairs.findIndex(([k]) => k === 'v');
      if (at >= 0 && r.next() < 0.5) {
        pairs.splice(at, 1); // no version: read as the current one, silently
        noVersion = true;
        if (faults.includes('bad version')) faults.splice(faults.indexOf('bad version'), 1);
      } else {
        if (at >= 0) pairs[at] = ['v', pick(r, ['2', '0', '', 'one', '1.0'])];
        else pairs.push(['v', '9']);
        faults.push('bad version');
      }
    } else if (kind === 6) {
      pairs.push(['addons', `${pick(r, ADDONS).id},${pick(r, ['magic', 'Z-REG', '%2Bz-reg', '__proto__', 'constructor'])}`]);
      faults.push('bad add-on');
    } else if (kind === 7) {
      pairs.push(pick(r, [[`run${2 + r.int(9)}.lr`, 'abc'], ['run7.loss', 'ce'], ['run2.points', '100'], ['run2.zz', '1'], ['run1.loss', 'ce'], ['run02.loss', 'ce'], ['compare.runs.0.loss.id', 'ce']]));
      faults.push('bad run key');
    } else if (kind === 8) {
      // A malformed escape as a key, or spliced into a number's value.
      const escape = pick(r, MALFORMED_ESCAPES);
      if (r.next() < 0.5) pairs.push([`${pick(r, ['', 'loss', 'x'])}${escape}`, pick(r, ['', '1', escape])]);
      else pairs.push([pick(r, NUMBER_KEYS), `${r.int(100)}${escape}`]);
      faults.push('malformed escape');
    } else if (kind === 9) {
      pairs.push([pick(r, PROTOTYPE_KEYS), pick(r, ['1', 'true', '{}', 'polluted'])]);
      faults.push('prototype key');
    } else if (kind === 10) {
      pairs.push([pick(r, NUMBER_KEYS.concat('loss.gamma', 'opt.beta1', 'metrics.bins', 'landscape.range')), encodeURIComponent(pick(r, NON_FINITE))]);
      faults.push('non-finite number');
    } else if (kind === 11) {
      const key = pick(r, ['backend', 'lesson', 'hide', 'lock', 'presenter']);
      const value = { backend: 'cpu', lesson: 'calibration', hide: 'data', lock: 'loss', presenter: '1' }[key]!;
      pairs.push([key, value], [key, value]);
      faults.push('duplicate reserved key');
    } else {
      // Harmless: shuffle, or percent-encode a character that did not need it.
      pairs.sort(() => r.next() - 0.5);
      const at = r.int(pairs.length);
      const pair = pairs[at];
      if (pair && pair[1].length > 0 && !pair[1].startsWith('%')) pairs[at] = [pair[0], `%${pair[1].charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}${pair[1].slice(1)}`];
    }
  }
  const search = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  return { search: r.next() < 0.5 ? `?${search}` : search, faults, noVersion };
}

/** Everything the page reads from a link, in the page's order; throws only if a reader does. */
function linkRead(search: string) {
  const repaired = searchRepair(search);
  // tfjs-core reads the page's link as it loads: after the repair it must not throw.
  new Environment({ location: { search: repaired.search } });
  const read = configFromSearch(repaired.search);
  const classroom = classroomParse(repaired.search);
  const options = urlOptionsParse(repaired.search);
  return { repaired, config: read.config, notices: [...repaired.notices, ...read.notices, ...classroom.notices, ...options.notices] };
}

describe('link fuzz', () => {
  it('reads 12 000 seeded random and malformed links into valid configs, with a notice for every fault and none otherwise', () => {
    const CASES = 12_000;
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).join();
    const tally = new Map<string, number>(FAULTS.map((f) => [f, 0]));
    let faulty = 0;
    let clean = 0;
    let noVersion = 0;
    let repaired = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const { search, faults, noVersion: versionDropped } = fuzzCase(seed);
      // Plain checks, with expect only on a failure: 12 000 cases stay fast.
      const fail = (what: string) => expect.fail(`seed ${seed}: ${what} for ${JSON.stringify(search)}`);
      let result: ReturnType<typeof linkRead>;
      try {
        result = linkRead(search);
      } catch (error) {
        return fail(`threw ${String(error)}`);
      }
      const { config, notices } = result;
      const clamped = configClamp(config);
      if (clamped.changes.length > 0) fail(`invalid config (${clamped.changes.join('; ')})`);
      if (Object.getOwnPropertyNames(Object.prototype).join() !== prototypeNames || ({} as Record<string, unknown>).polluted !== undefined) fail('Object.prototype changed');
      if (faults !== null && faults.length > 0) {
        faulty++;
        for (const f of new Set(faults)) tally.set(f, tally.get(f)! + 1);
        if (notices.length === 0) fail(`no notice (faults: ${faults.join(', ')})`);
      }
      if (faults !== null && faults.length === 0) {
        clean++;
        if (notices.length > 0) fail(`notices without a fault: ${notices.join('; ')}`);
      }
      if (versionDropped) noVersion++;
      if (notices.some((n) => n.includes('no version'))) fail('a notice for a missing version');
      // The repair changes how a piece is written, never what it means.
      const written = configToSearch(config);
      if (result.repaired.search !== search) {
        repaired++;
        if (configToSearch(configFromSearch(search).config) !== written) fail('the repair changed the config');
      }
      // Whatever was read writes out and reads back as itself.
      const again = configFromSearch(written);
      if (again.notices.length > 0 || configToSearch(again.config) !== written) fail('no round trip');
    }
    const counts = [...tally].map(([f, n]) => `${f} ${n}`).join(', ');
    console.log(`link fuzz: ${CASES} links tried (seeds 1–${CASES}); ${faulty} with faults (${counts}); ${clean} without (${noVersion} without v); ${repaired} repaired escapes; 0 exceptions, 0 failures`);
    expect(faulty).toBeGreaterThan(5000);
    for (const [f, n] of tally) expect(n, f).toBeGreaterThan(100);
    expect(noVersion).toBeGreaterThan(300);
    // 12 000 cases take ~15 s on a quiet 2-core machine and over 120 s when the cores are shared:
    // the limit only catches a hang, so it is generous.
  }, 300_000);
});

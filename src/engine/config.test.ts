import { describe, expect, it } from 'vitest';
import { configClamp, configRuns, configTrainingKey, DEFAULT_CONFIG, MAX_RUNS, type ExperimentConfig } from './config';

describe('configClamp', () => {
  it('leaves the default config as it is, with no notices', () => {
    expect(configClamp(DEFAULT_CONFIG)).toEqual({ config: DEFAULT_CONFIG, changes: [] });
  });

  it('turns anything into a valid config', () => {
    for (const input of [undefined, null, 42, 'x', [], { data: 'nope' }, { model: { layers: 'many' } }]) {
      expect(configClamp(input).config).toEqual(DEFAULT_CONFIG);
    }
  });

  it('clamps out-of-range numbers and says what it changed', () => {
    const { config, changes } = configClamp({ model: { layers: 9, width: 0 }, optimizer: { learningRate: 1e6 }, data: { points: 5 } });
    expect(config.model.layers).toBe(6);
    expect(config.model.width).toBe(1);
    expect(config.optimizer.learningRate).toBe(100);
    expect(config.data.points).toBe(20);
    expect(changes.join('; ')).toContain('model.layers 9 → 6');
    expect(changes).toHaveLength(4);
  });

  it('falls back from unknown ids and clamps loss parameters', () => {
    const { config, changes } = configClamp({ loss: { id: 'magic', params: {} }, optimizer: { id: 'teleport' } });
    expect(config.loss.id).toBe('ce');
    expect(config.optimizer.id).toBe('adam');
    expect(changes.some((c) => c.includes('magic'))).toBe(true);
    expect(configClamp({ loss: { id: 'focal', params: { gamma: 50 } } }).config.loss.params).toEqual({ gamma: 5 });
  });

  it('fits the class count to what the dataset allows', () => {
    const { config, changes } = configClamp({ data: { kind: 'xor', classes: 5 } });
    expect(config.data.classes).toBe(2);
    expect(changes.some((c) => c.includes('XOR'))).toBe(true);
  });

  it('keeps known add-ons with resolved parameters and drops unknown ones', () => {
    const { config, changes } = configClamp({ loss: { id: 'ce', addons: { 'z-reg': { lambda: 1 }, bogus: {} } } });
    expect(config.loss.addons).toEqual({ 'z-reg': { lambda: 0.01 } });
    expect(changes.some((c) => c.includes('bogus'))).toBe(true);
  });
});

describe('compare runs', () => {
  it('fills a compare run from the base run, so it only says how it differs', () => {
    const { config, changes } = configClamp({
      loss: { id: 'focal', params: { gamma: 3 } },
      optimizer: { id: 'sgd', learningRate: 0.5 },
      compare: { runs: [{ loss: { id: 'mae' } }, { loss: { id: 'focal', params: {} } }] },
    });
    expect(changes).toEqual([]);
    const [first, second] = config.compare.runs;
    expect(first!.loss).toEqual({ id: 'mae', params: {}, addons: {} });
    expect(first!.optimizer).toEqual(config.optimizer);
    // Same loss as the base: its parameters carry over unless given.
    expect(second!.loss.params).toEqual({ gamma: 3 });
  });

  it('keeps at most six runs in all and says so', () => {
    const runs = Array.from({ length: 9 }, () => ({ loss: { id: 'mae' } }));
    const { config, changes } = configClamp({ compare: { runs } });
    expect(config.compare.runs).toHaveLength(MAX_RUNS - 1);
    expect(changes.some((c) => c.includes('compare.runs'))).toBe(true);
  });

  it('clamps inside compare runs, naming the run', () => {
    const { changes } = configClamp({ compare: { runs: [{ optimizer: { learningRate: 1e9 } }] } });
    expect(changes).toEqual(['compare.runs.0.optimizer.learningRate 1000000000 → 100']);
  });

  it('gives one config per run sharing data, model and seed', () => {
    const { config } = configClamp({ compare: { runs: [{ loss: { id: 'mae' } }, { loss: { id: 'gce' } }] } });
    const runs = configRuns(config);
    expect(runs.map((r) => r.loss.id)).toEqual(['ce', 'mae', 'gce']);
    for (const run of runs) {
      expect(run.data).toBe(config.data);
      expect(run.model).toBe(config.model);
      expect(run.seed).toBe(config.seed);
      expect(run.compare.runs).toEqual([]);
    }
  });
});

describe('configTrainingKey', () => {
  it('is the same for the defaults and the defaults clamped, whatever order their fields are listed in', () => {
    const clamped = configClamp(DEFAULT_CONFIG).config;
    expect(configTrainingKey(clamped)).toBe(configTrainingKey(DEFAULT_CONFIG));
    const reordered = { ...DEFAULT_CONFIG, training: Object.fromEntries(Object.entries(DEFAULT_CONFIG.training).reverse()) } as ExperimentConfig;
    expect(configTrainingKey(reordered)).toBe(configTrainingKey(DEFAULT_CONFIG));
  });

  it('changes with training and not with the landscape', () => {
    const landscape = { ...DEFAULT_CONFIG, landscape: { ...DEFAULT_CONFIG.landscape, directions: 'pca' as const } };
    expect(configTrainingKey(landscape)).toBe(configTrainingKey(DEFAULT_CONFIG));
    const training = { ...DEFAULT_CONFIG, training: { ...DEFAULT_CONFIG.training, regularization: 'l2' as const } };
    expect(configTrainingKey(training)).not.toBe(configTrainingKey(DEFAULT_CONFIG));
  });
});

// The exporter's text: only checked numbers and catalog ids reach generated Python, whatever the
// link says; the same config gives the same bytes; nothing of this machine leaks into the files.
import { describe, expect, test } from 'vitest';
import { configClamp, DEFAULT_CONFIG, type ExperimentConfig } from '../engine/config';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import { SCHEDULES } from '../engine/schedules/schedules';
import { ADDONS } from '../losses/addons';
import { LOSSES } from '../losses/registry';
import { REGRESSION_LOSSES } from '../losses/regression/regressionLosses';
import { PREFERENCE_LOSSES } from '../losses/preference/registry';
import { configFromSearch } from '../app/urlCodec';
import { experimentPy } from './experimentPy';
import { torchProjectFiles } from './projectFiles';
import { TorchExportError } from './pyLiteral';
import { PYTHON_SOURCES } from './pythonSources';

const KNOWN_STRINGS = new Set([
  ...LOSSES.map((l) => l.id),
  ...OPTIMIZERS.map((o) => o.id),
  ...SCHEDULES.map((s) => s.id),
  ...ADDONS.map((a) => a.id),
  ...LOSSES.flatMap((l) => l.params.map((p) => p.id)),
  ...OPTIMIZERS.flatMap((o) => o.params.map((p) => p.id)),
  ...SCHEDULES.flatMap((s) => s.params.map((p) => p.id)),
  ...ADDONS.flatMap((a) => a.params.map((p) => p.id)),
  ...REGRESSION_LOSSES.map((l) => l.id),
  ...REGRESSION_LOSSES.flatMap((l) => l.params.map((p) => p.id)),
  ...PREFERENCE_LOSSES.map((l) => l.id),
  ...PREFERENCE_LOSSES.flatMap((l) => l.params.map((p) => p.id)),
  'preference', 'warmup_steps',
  'classification', 'regression', 'kind', 'mlp', 'moe', 'experts', 'top_k', 'domains', 'micro', 'global', 'balance', 'alpha', 'z_loss', 'micro_batches', 'micro_batch_size',
  'relu', 'tanh', 'sigmoid', 'linear', 'equal-width', 'equal-mass', 'random', 'pca', 'solutions',
  'layers', 'width', 'activation', 'loss', 'loss_params', 'addons', 'optimizer', 'optimizer_params', 'learning_rate', 'batch_size',
  'schedule', 'schedule_params', 'weight_decay', 'clip_norm', 'mixup', 'regularization', 'regularization_rate', 'none', 'l1', 'l2', 'total_steps', 'bins', 'binning', 'directions', 'keep_bias', 'range', 'resolution',
]);
const NAMES = new Set(['SEED', 'TASK', 'PREFERENCE', 'MODEL', 'RUNS', 'METRICS', 'LANDSCAPE', 'True', 'False']);

/**
 * Every token of experiment.py after its fixed docstring: a known name, a known quoted id, a
 * number, or punctuation of a literal. Throws on anything else (a call, an import, an operator,
 * an unknown string).
 */
function expectOnlyLiterals(text: string): void {
  const body = text.slice(text.indexOf('"""', 3) + 3);
  const token = /\s+|"([a-zA-Z0-9-_]*)"|([A-Za-z_][A-Za-z0-9_]*)|(-?\d+(\.\d+)?(e[-+]?\d+)?)|([{}[\]:,=])/y;
  let at = 0;
  while (at < body.length) {
    token.lastIndex = at;
    const match = token.exec(body);
    if (!match) throw new Error(`unexpected text in experiment.py: ${JSON.stringify(body.slice(at, at + 40))}`);
    if (match[1] !== undefined && !KNOWN_STRINGS.has(match[1])) throw new Error(`unknown string "${match[1]}"`);
    if (match[2] !== undefined && !NAMES.has(match[2])) throw new Error(`unknown name ${match[2]}`);
    at = token.lastIndex;
  }
}

function filesOf(config: ExperimentConfig): Map<string, string> {
  return new Map(torchProjectFiles(config).map((f) => [f.path, f.content]));
}

const HOSTILE_LINKS = [
  '?v=1&loss=ce%22%0Aimport%20os%0Aos.system(%22id%22)%23',
  '?v=1&loss=focal&loss.gamma=__import__(%27os%27)&loss.__class__=1&loss.x%22%3A1%7D=2',
  '?v=1&addons=z-reg,os.system,%22%22%22&z-reg.lambda=1e999&confidence-penalty.beta=-inf',
  '?v=1&opt=adam%0A&opt.beta1=nan&lr=1e308&batch=1.5&steps=1e9&sched=cosine%22&sched.final=%22)',
  '?v=1&act=relu)%3Bprint(1&layers=99&width=-3&seed=1%3Brm&landscape.directions=pca%22&landscape.range=Infinity',
  '?v=1&data=csv&data.csv.name=%22%22%22%0Aimport%20os%0A%22%22%22&data.csv.label=%27&run2.loss=mae%22&run2.opt=sgd&run2.lr=0x10&run3.loss=ldr-kl&run3.loss.lambda=1e-400',
  '?v=1&metrics.binning=equal-width%22%5D&metrics.bins=NaN&loss=anyloss&loss.metric=4.6&loss.L=%5C%5C',
];

describe('exported project text', () => {
  test.each(HOSTILE_LINKS)('a hostile link gives experiment.py of known tokens only: %s', (link) => {
    const { config } = configFromSearch(link);
    const files = config.data.kind === 'csv' ? null : filesOf(config);
    const text = experimentPy(config);
    expectOnlyLiterals(text);
    if (files) {
      expectOnlyLiterals(files.get('experiment.py')!);
      expect(files.get('README.md')).not.toMatch(/import os|"""/);
    }
  });

  test('the token check itself rejects code and unknown strings', () => {
    const header = '"""doc"""\n';
    expect(() => expectOnlyLiterals(`${header}SEED = 1\nimport os\n`)).toThrow(/unknown name import/);
    expect(() => expectOnlyLiterals(`${header}RUNS = [{"loss": "rm -rf"}]\n`)).toThrow(/unexpected text/);
    expect(() => expectOnlyLiterals(`${header}RUNS = [{"loss": "payload"}]\n`)).toThrow(/unknown string/);
    expect(() => expectOnlyLiterals(`${header}SEED = (1)\n`)).toThrow(/unexpected text/);
    expectOnlyLiterals(`${header}SEED = 1\nRUNS = [{"loss": "ce", "learning_rate": 1e-8}]\n`);
  });

  test('a config that skipped the clamp is clamped before a byte is written, or refused', () => {
    const raw = {
      ...structuredClone(DEFAULT_CONFIG),
      loss: { id: 'ce"\nimport os', params: { 'x"': 1, gamma: 'os' }, addons: { 'os.system': {} } },
      optimizer: { ...DEFAULT_CONFIG.optimizer, learningRate: '__import__("os")', params: { beta1: Number.NaN } },
      model: { layers: 2, width: 8, activation: 'tanh\n' },
      seed: 'eval',
    } as unknown as ExperimentConfig;
    expectOnlyLiterals(filesOf(raw).get('experiment.py')!);
    // experimentPy itself checks every value: an unclamped id or a non-finite number is refused.
    expect(() => experimentPy(raw)).toThrow(TorchExportError);
    const nan = { ...structuredClone(DEFAULT_CONFIG), optimizer: { ...DEFAULT_CONFIG.optimizer, learningRate: Number.NaN } };
    expect(() => experimentPy(nan)).toThrow(/learning rate is not a finite number/);
    const extraParam = { ...structuredClone(DEFAULT_CONFIG), loss: { id: 'focal', params: { gamma: 2, 'os.system("x")': 1 }, addons: {} } };
    expect(experimentPy(extraParam)).not.toContain('os.system');
  });

  test('CSV data that is not loaded is a clear error, not another dataset', () => {
    const { config } = configFromSearch('?v=1&data=csv');
    expect(() => torchProjectFiles(config)).toThrow(/uploaded CSV file that is not loaded/);
  });

  test('the same config gives the same bytes, with no paths of this machine; the fixed modules are fixed', () => {
    const config = configClamp({ ...DEFAULT_CONFIG, loss: { id: 'focal', params: { gamma: 3 }, addons: { 'z-reg': {} } } }).config;
    const a = torchProjectFiles(config);
    const b = torchProjectFiles(structuredClone(config));
    expect(a).toEqual(b);
    expect(a.map((f) => f.path).sort()).toEqual(
      ['README.md', 'requirements.txt', 'experiment.py', 'data.json', 'weights.json', ...Object.keys(PYTHON_SOURCES)].sort(),
    );
    for (const file of a) {
      expect(file.content, file.path).not.toMatch(/\/(work|home|tmp|root|Users)\/|[A-Z]:\\\\/);
      expect(file.content.endsWith('\n'), file.path).toBe(true);
      expect(file.content, file.path).not.toMatch(/\t|[ ]+\n/);
      if (file.path.endsWith('.py')) expect(PYTHON_SOURCES[file.path] ?? experimentPy(config)).toBe(file.content);
    }
    const experiment = a.find((f) => f.path === 'experiment.py')!.content;
    expect(experiment).toContain('"loss": "focal"');
    expect(experiment).toContain('"loss_params": {"gamma": 3}');
    expect(experiment).toContain('"addons": {"z-reg": {"lambda": 0.0001}}');
  });

  test('the Python modules implement exactly the catalog: every loss, add-on, optimizer and schedule id', () => {
    const block = (source: string, name: string): string => source.slice(source.indexOf(`${name} = {`), source.indexOf('}', source.indexOf(`${name} = {`)));
    const keys = (text: string): string[] => [...text.matchAll(/"([a-z0-9-]+)":/g)].map((m) => m[1]!).sort();
    const losses = PYTHON_SOURCES['losses.py']!;
    const optim = PYTHON_SOURCES['optim.py']!;
    expect(keys(block(losses, 'LOSSES'))).toEqual(LOSSES.map((l) => l.id).sort());
    expect(keys(block(losses, 'ADDONS'))).toEqual(ADDONS.map((a) => a.id).sort());
    expect(keys(block(optim, 'OPTIMIZERS'))).toEqual(OPTIMIZERS.map((o) => o.id).sort());
    const schedules = [...optim.matchAll(/schedule_id == "([a-z-]+)"/g)].map((m) => m[1]!).sort();
    expect(schedules).toEqual(SCHEDULES.map((x) => x.id).sort());
  });

  test('data.json holds the engine’s split sizes and priors; weights.json the initial weights', () => {
    const files = filesOf(DEFAULT_CONFIG);
    const data = JSON.parse(files.get('data.json')!) as { train: { y: number[]; x: number[][] }; validation: { y: number[] }; test: { y: number[] }; class_priors: number[] };
    expect([data.train.y.length, data.validation.y.length, data.test.y.length]).toEqual([240, 80, 80]);
    expect(data.train.x[0]).toHaveLength(2);
    const ones = data.train.y.filter((y) => y === 1).length;
    expect(data.class_priors[1]).toBeCloseTo(ones / 240, 6);
    const weights = JSON.parse(files.get('weights.json')!) as { sizes: number[]; layers: { w: number[]; b: number[] }[] };
    expect(weights.sizes).toEqual([2, 8, 8, 2]);
    expect(weights.layers.map((l) => l.w.length)).toEqual([16, 64, 16]);
  });

  test('the train fraction reaches data.json; so do the input features, which size the first layer', () => {
    const split = JSON.parse(filesOf(configClamp({ data: { trainFraction: 0.8 } }).config).get('data.json')!) as { train: { y: number[] }; validation: { y: number[] }; test: { y: number[] }; source: { split: { validation: number } } };
    expect([split.train.y.length, split.validation.y.length, split.test.y.length]).toEqual([320, 40, 40]);
    expect(split.source.split.validation).toBeCloseTo(0.1, 12);
    // Given in any order, the features are the catalogue's order (as the engine builds the model).
    const featured = filesOf(configClamp({ model: { features: ['sinx1', 'x1', 'x1sq'] } }).config);
    expect((JSON.parse(featured.get('data.json')!) as { input_features: string[] }).input_features).toEqual(['x1', 'x1sq', 'sinx1']);
    expect((JSON.parse(featured.get('weights.json')!) as { sizes: number[] }).sizes).toEqual([3, 8, 8, 2]);
    // Iris has four columns: the toggles do not apply to it; it trains on its columns.
    const iris = filesOf(configClamp({ data: { kind: 'iris' }, model: { features: ['x1sq'] } }).config);
    expect((JSON.parse(iris.get('data.json')!) as { input_features: null }).input_features).toBeNull();
    expect((JSON.parse(iris.get('weights.json')!) as { sizes: number[] }).sizes[0]).toBe(4);
  });

  test('L1/L2 reaches each run of experiment.py', () => {
    const experiment = filesOf(configFromSearch('?reg=l1&reg-rate=0.003&run2.reg=l2&run2.reg-rate=0.01&run2.loss=mae').config).get('experiment.py')!;
    expect(experiment).toContain('"regularization": "l1"');
    expect(experiment).toContain('"regularization_rate": 0.003');
    expect(experiment).toContain('"regularization": "l2"');
  });

  test('a regression exports its task, real targets and its loss’s output layer', () => {
    const files = filesOf(configFromSearch('?task=regression&loss=hl-gauss&loss.bins=24&data=plane').config);
    expect(files.get('experiment.py')).toContain('TASK = "regression"');
    const data = JSON.parse(files.get('data.json')!) as { task: string; features: number; train: { y: number[] } };
    expect(data.task).toBe('regression');
    expect(data.features).toBe(2);
    expect(data.train.y.some((y) => !Number.isInteger(y))).toBe(true);
    expect((JSON.parse(files.get('weights.json')!) as { sizes: number[] }).sizes).toEqual([2, 8, 8, 24]);
  });

  test('a mixture of experts exports its shape, each run’s balancing and the router and experts’ initial weights', () => {
    const files = filesOf(configFromSearch('?model=moe&experts=3&top-k=2&domains=5&lbl-alpha=0.2&run2.lbl=global').config);
    const experiment = files.get('experiment.py')!;
    expectOnlyLiterals(experiment);
    expect(experiment).toContain('"kind": "moe"');
    expect(experiment).toContain('"experts": 3');
    expect(experiment).toContain('"top_k": 2');
    expect(experiment).toContain('"domains": 5');
    expect(experiment).toContain('"moe": {"balance": "micro", "alpha": 0.2,');
    expect(experiment).toContain('"moe": {"balance": "global", "alpha": 0.2,');
    const weights = JSON.parse(files.get('weights.json')!) as { kind: string; experts: number; sizes: number[]; layers: { w: number[] }[] };
    expect([weights.kind, weights.experts, weights.sizes]).toEqual(['moe', 3, [2, 8, 8, 2]]);
    // The router (2 × 3), then three experts of three layers each.
    expect(weights.layers.map((l) => l.w.length)).toEqual([6, ...Array.from({ length: 3 }, () => [16, 64, 16]).flat()]);
  });

  test('a preference experiment exports its problem and, when a run unlearns, the warm-up every run starts from', () => {
    const files = filesOf(configFromSearch('?task=preference&points=80&preference.responses=4&loss=dpo&run2.loss=ga&preference.warmupSteps=40').config);
    const experiment = files.get('experiment.py')!;
    expectOnlyLiterals(experiment);
    expect(experiment).toContain('"warmup_steps": 40');
    const data = JSON.parse(files.get('data.json')!) as { task: string; responses: number; x: number[][]; chosen: number[]; forget: number[]; retain: number[] };
    expect([data.task, data.responses, data.x.length, data.chosen.length]).toEqual(['preference', 4, 80, 80]);
    expect(data.forget.length + data.retain.length).toBe(80);
    expect((JSON.parse(files.get('weights.json')!) as { sizes: number[] }).sizes).toEqual([2, 8, 8, 4]);
    // Without an unlearning run, training starts from the seeded policy itself.
    expect(filesOf(configFromSearch('?task=preference&loss=dpo').config).get('experiment.py')).toContain('"warmup_steps": 0');
  });
});

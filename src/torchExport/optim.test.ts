// Each optimizer and schedule of optim.py against the engine's, directly: a few steps on a
// quadratic at the defaults and at other hyperparameter values, and every schedule's factor along
// its whole length (the 200-step comparison covers the defaults only). Skips without PyTorch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { rng } from '../engine/rng';
import { tf, type Tensor } from '../engine/tf';
import { OPTIMIZERS } from '../engine/optimizers/registry';
import type { OptimizerParamSpec, OptimizerSpec } from '../engine/optimizers/types';
import { SCHEDULES, scheduleLearningRate } from '../engine/schedules/schedules';
import { PYTHON_SOURCES } from './pythonSources';
import { findTorchPython } from './torchPython';

const python = findTorchPython();
const SHAPES = [[3, 2], [2]];

interface OptimizerCase {
  name: string;
  spec: OptimizerSpec;
  params: Record<string, number>;
  lr: number;
  steps: number;
  theta: number[][];
  a: number[][];
  b: number[][];
}

/** The default and two other values inside the range. */
function values(spec: OptimizerParamSpec | { default: number; min: number; max: number; step: number }): number[] {
  const at = (f: number): number => {
    const v = spec.min + f * (spec.max - spec.min);
    return spec.step >= 1 ? Math.round(v) : Number(v.toPrecision(3));
  };
  return [...new Set([spec.default, at(0.3), at(0.7)])];
}

function optimizerCases(): OptimizerCase[] {
  const random = rng(5);
  const draw = (scale: number, offset = 0): number[][] => SHAPES.map((shape) => Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => offset + scale * random.normal()));
  const out: OptimizerCase[] = [];
  for (const spec of OPTIMIZERS) {
    const defaults = Object.fromEntries(spec.params.map((p) => [p.id, p.default]));
    const variants = [defaults, ...spec.params.flatMap((p) => values(p).slice(1).map((v) => ({ ...defaults, [p.id]: v })))];
    for (const params of variants) {
      // Curvatures a > 0 and offsets b: a bowl the optimizers walk down for 8 steps.
      out.push({ name: `${spec.id} ${JSON.stringify(params)}`, spec, params, lr: 0.05, steps: 8, theta: draw(1), a: draw(0.3, 1).map((t) => t.map(Math.abs)), b: draw(0.5) });
    }
  }
  return out;
}

function engineFinal(c: OptimizerCase): number[][] {
  const vars = c.theta.map((t, i) => tf.variable(tf.tensor(t, SHAPES[i]!)));
  const a = c.a.map((t, i) => tf.tensor(t, SHAPES[i]!));
  const b = c.b.map((t, i) => tf.tensor(t, SHAPES[i]!));
  const state = c.spec.create(vars, c.params);
  const gradientAt = (): Tensor[] => vars.map((v, i) => tf.add(tf.mul(a[i]!, v), b[i]!));
  for (let s = 0; s < c.steps; s++) {
    const grads = gradientAt();
    state.apply(vars, grads, c.lr, gradientAt);
    tf.dispose(grads);
  }
  const out = vars.map((v) => Array.from(v.dataSync()));
  state.dispose();
  tf.dispose([...vars, ...a, ...b]);
  return out;
}

function scheduleCases(): { schedule: string; params: Record<string, number>; step: number; total: number }[] {
  const out: { schedule: string; params: Record<string, number>; step: number; total: number }[] = [];
  for (const spec of SCHEDULES) {
    const defaults = Object.fromEntries(spec.params.map((p) => [p.id, p.default]));
    const variants = [defaults, ...spec.params.flatMap((p) => values(p).slice(1).map((v) => ({ ...defaults, [p.id]: v })))];
    for (const params of variants) for (const total of [10, 137]) for (let step = 0; step <= total + 2; step += total === 10 ? 1 : 7) out.push({ schedule: spec.id, params, step, total });
  }
  return out;
}

test.skipIf(!python.path)('every optimizer and schedule in PyTorch follows the engine’s, at several hyperparameter values', () => {
  const optimizers = optimizerCases();
  const schedules = scheduleCases();
  const folder = mkdtempSync(join(tmpdir(), 'losscape-optim-'));
  try {
    for (const [path, content] of Object.entries(PYTHON_SOURCES)) writeFileSync(join(folder, path), content);
    const payload = {
      optimizers: optimizers.map((c) => ({ optimizer: c.spec.id, params: c.params, lr: c.lr, steps: c.steps, theta: c.theta, a: c.a, b: c.b })),
      schedules: schedules.map((c) => ({ schedule: c.schedule, params: c.params, step: c.step, total: c.total })),
    };
    writeFileSync(join(folder, 'cases.json'), JSON.stringify(payload));
    const harness = join(folder, 'harness.py');
    writeFileSync(harness, readFileSync(new URL('./optimHarness.py', import.meta.url)));
    const result = spawnSync(python.path!, [harness, folder, join(folder, 'cases.json')], { encoding: 'utf8', maxBuffer: 16 << 20 });
    expect(result.status, result.stderr).toBe(0);
    const torch = JSON.parse(result.stdout) as { optimizers: number[][][]; schedules: number[] };
    let worst = { error: 0, name: '' };
    optimizers.forEach((c, i) => {
      const mine = engineFinal(c).flat();
      const theirs = torch.optimizers[i]!.flat();
      const error = Math.max(...mine.map((v, k) => Math.abs(theirs[k]! - v) / Math.max(1e-3, Math.abs(v))));
      if (error > worst.error) worst = { error, name: c.name };
      expect(error, c.name).toBeLessThan(1e-5);
    });
    schedules.forEach((c, i) => {
      expect(torch.schedules[i], `${c.schedule} ${JSON.stringify(c.params)} t=${c.step} T=${c.total}`).toBeCloseTo(scheduleLearningRate({ id: c.schedule, params: c.params }, 1, c.step, c.total), 12);
    });
    console.log(`${optimizers.length} optimizer cases (8 steps on a quadratic), largest relative error ${worst.error.toExponential(2)} (${worst.name}); ${schedules.length} schedule factors equal to 1e-12`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);

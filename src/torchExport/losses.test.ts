// Each loss and add-on of losses.py against the engine's, directly: the objective and its gradient
// with respect to the logits, on seeded random logits, at the defaults and at other parameter values
// (the 200-step comparison covers the defaults only). Skips, saying why, without PyTorch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { rng } from '../engine/rng';
import { tf, type Tensor2D } from '../engine/tf';
import { ADDONS } from '../losses/addons';
import { LOSSES } from '../losses/registry';
import type { LossParamSpec, LossSpec } from '../losses/types';
import { PYTHON_SOURCES } from './pythonSources';
import { findTorchPython } from './torchPython';

const python = findTorchPython();

interface Case {
  name: string;
  loss: LossSpec;
  params: Record<string, number>;
  addons: Record<string, Record<string, number>>;
  logits: number[][];
  labels: number[];
  priors: number[];
  step: number;
  seed: number;
}

/** The default, and two values inside the range (whole numbers where the parameter steps by 1). */
function values(spec: LossParamSpec): number[] {
  const at = (f: number): number => {
    const v = spec.min + f * (spec.max - spec.min);
    return spec.step >= 1 ? Math.round(v) : Number(v.toPrecision(3));
  };
  return [...new Set([spec.default, at(0.25), at(0.8)])];
}

function cases(): Case[] {
  const random = rng(11);
  const out: Case[] = [];
  for (const classes of [2, 3]) {
    const logits = Array.from({ length: 24 }, () => Array.from({ length: classes }, () => 3 * random.normal()));
    const labels = logits.map((_, i) => (i * 7) % classes);
    const priors = classes === 2 ? [0.7, 0.3] : [0.6, 0.3, 0.1];
    const base = { logits, labels, priors, step: 5, seed: 3 };
    for (const loss of LOSSES) {
      if (loss.unavailableReason(classes) !== null) continue;
      const defaults = Object.fromEntries(loss.params.map((p) => [p.id, p.default]));
      out.push({ name: `${loss.id} K=${classes} defaults`, loss, params: defaults, addons: {}, ...base });
      for (const spec of loss.params) {
        for (const v of values(spec).slice(1)) out.push({ name: `${loss.id} K=${classes} ${spec.id}=${v}`, loss, params: { ...defaults, [spec.id]: v }, addons: {}, ...base });
      }
    }
    const addons = Object.fromEntries(ADDONS.map((a) => [a.id, Object.fromEntries(a.params.map((p) => [p.id, p.max / 2]))]));
    out.push({ name: `ce + every add-on K=${classes}`, loss: LOSSES[0]!, params: {}, addons, ...base });
  }
  return out;
}

function engine(c: Case): { value: number; grad: Float32Array } {
  return tf.tidy(() => {
    const z = tf.tensor2d(c.logits);
    const targets = tf.oneHot(tf.tensor1d(c.labels, 'int32'), c.logits[0]!.length).toFloat() as Tensor2D;
    const context = { classes: c.logits[0]!.length, classPriors: Float32Array.from(c.priors), step: c.step, seed: c.seed };
    const objective = (logits: Tensor2D) => {
      const values = c.loss.compute(logits, targets, c.params, context);
      let total = c.loss.level === 'example' ? tf.mean(values) : values;
      for (const addon of ADDONS) if (c.addons[addon.id]) total = tf.add(total, tf.mean(addon.compute(logits, c.addons[addon.id]!)));
      return total as tf.Scalar;
    };
    const { value, grad } = tf.valueAndGrad(objective)(z);
    return { value: value.dataSync()[0]!, grad: Float32Array.from(grad.dataSync()) };
  });
}

test.skipIf(!python.path)('every loss and add-on in PyTorch equals the engine’s, value and gradient, at several parameter values', () => {
  const all = cases();
  const folder = mkdtempSync(join(tmpdir(), 'losscape-losses-'));
  try {
    for (const [path, content] of Object.entries(PYTHON_SOURCES)) writeFileSync(join(folder, path), content);
    const payload = all.map((c) => ({ loss: c.loss.id, params: c.params, addons: c.addons, logits: c.logits, labels: c.labels, priors: c.priors, step: c.step, seed: c.seed }));
    writeFileSync(join(folder, 'cases.json'), JSON.stringify(payload));
    const harness = join(folder, 'harness.py');
    writeFileSync(harness, readFileSync(new URL('./lossHarness.py', import.meta.url)));
    const result = spawnSync(python.path!, [harness, folder, join(folder, 'cases.json')], { encoding: 'utf8', maxBuffer: 16 << 20 });
    expect(result.status, result.stderr).toBe(0);
    const torch = JSON.parse(result.stdout) as { value: number; grad: number[] }[];
    expect(torch).toHaveLength(all.length);
    let worst = { error: 0, name: '' };
    all.forEach((c, i) => {
      const mine = engine(c);
      const scale = Math.max(1e-3, Math.abs(mine.value), ...Array.from(mine.grad, Math.abs));
      const error = Math.max(Math.abs(torch[i]!.value - mine.value), ...torch[i]!.grad.map((g, k) => Math.abs(g - mine.grad[k]!))) / scale;
      if (error > worst.error) worst = { error, name: c.name };
      expect(error, c.name).toBeLessThan(1e-5);
    });
    console.log(`${all.length} loss cases, PyTorch vs engine: largest error ${worst.error.toExponential(2)} (${worst.name}), relative to the case's largest value or gradient`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);


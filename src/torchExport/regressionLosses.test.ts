// Each regression loss of regression_losses.py, with regression_targets.py's encoding, against the
// engine's: the encoded targets (HL-Gauss's and two-hot's histograms), the mean loss and its
// gradient with respect to the outputs against the tfjs loss, the mean loss against the
// plain-TypeScript float64 reference, the predictions, and the support from the training targets;
// at the defaults and at other parameter values, on seeded outputs and targets that reach past the
// support. Skips, saying why, without PyTorch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { rng } from '../engine/rng';
import { tf } from '../engine/tf';
import { regressionSupport } from '../losses/regression/bins';
import { REGRESSION_LOSSES } from '../losses/regression/regressionLosses';
import type { RegressionLossSpec, RegressionSupport } from '../losses/regression/types';
import type { LossParamSpec } from '../losses/types';
import { PYTHON_SOURCES } from './pythonSources';
import { findTorchPython } from './torchPython';

const python = findTorchPython();

interface Case {
  name: string;
  loss: RegressionLossSpec;
  params: Record<string, number>;
  outputs: number[][];
  targets: number[];
  support: RegressionSupport;
}

/** The default, and two values inside the range (whole numbers where the parameter steps by 1), as losses.test.ts. */
function values(spec: LossParamSpec): number[] {
  const at = (f: number): number => {
    const v = spec.min + f * (spec.max - spec.min);
    return spec.step >= 1 ? Math.round(v) : Number(v.toPrecision(3));
  };
  return [...new Set([spec.default, at(0.25), at(0.8)])];
}

function cases(): Case[] {
  const random = rng(17);
  // float32 targets, as the data holds them; the support is the first 20's range + 10 %, so the last 4 fall outside it.
  const targets = Array.from({ length: 24 }, (_, i) => Math.fround((i < 20 ? 1 : 1.6) * (2 * random.next() - 1)));
  const support = regressionSupport(Float32Array.from(targets.slice(0, 20)));
  const out: Case[] = [];
  for (const loss of REGRESSION_LOSSES) {
    const defaults = Object.fromEntries(loss.params.map((p) => [p.id, p.default]));
    const variants = [defaults, ...loss.params.flatMap((spec) => values(spec).slice(1).map((v) => ({ ...defaults, [spec.id]: v })))];
    for (const params of variants) {
      const width = loss.outputs(params);
      const outputs = targets.map(() => Array.from({ length: width }, () => Math.fround((width === 1 ? 1.5 : 2) * random.normal())));
      out.push({ name: `${loss.id} ${JSON.stringify(params)}`, loss, params, outputs, targets, support });
    }
  }
  return out;
}

function engine(c: Case): { encoded: Float32Array; value: number; grad: Float32Array; predictions: Float32Array; reference: number } {
  const encoded = c.loss.encodeTargets(c.targets, c.params, c.support);
  const reference = c.loss.reference(c.outputs, c.targets, c.params, c.support).reduce((a, b) => a + b, 0) / c.targets.length;
  return tf.tidy(() => {
    const z = tf.tensor2d(c.outputs);
    const t = tf.tensor2d(encoded, [c.targets.length, c.loss.outputs(c.params)]);
    const { value, grad } = tf.valueAndGrad((logits: tf.Tensor2D) => tf.mean(c.loss.compute(logits, t, c.params)) as tf.Scalar)(z);
    const predictions = c.loss.predict(z, c.params, c.support);
    return { encoded, value: value.dataSync()[0]!, grad: Float32Array.from(grad.dataSync()), predictions: Float32Array.from(predictions.dataSync()), reference };
  });
}

test.skipIf(!python.path)('every regression loss in PyTorch equals the engine’s: encoding, value, gradient, prediction, and the float64 reference', () => {
  const all = cases();
  const folder = mkdtempSync(join(tmpdir(), 'losscape-regression-losses-'));
  try {
    for (const [path, content] of Object.entries(PYTHON_SOURCES)) writeFileSync(join(folder, path), content);
    const payload = all.map((c) => ({ loss: c.loss.id, params: c.params, outputs: c.outputs, targets: c.targets, support: c.support }));
    writeFileSync(join(folder, 'cases.json'), JSON.stringify(payload));
    const harness = join(folder, 'harness.py');
    writeFileSync(harness, readFileSync(new URL('./regressionLossHarness.py', import.meta.url)));
    const result = spawnSync(python.path!, [harness, folder, join(folder, 'cases.json')], { encoding: 'utf8', maxBuffer: 16 << 20 });
    expect(result.status, result.stderr).toBe(0);
    const torch = JSON.parse(result.stdout) as { encoded: number[]; value: number; grad: number[]; predictions: number[]; support: [number, number] }[];
    expect(torch).toHaveLength(all.length);
    let worst = { error: 0, name: '' };
    all.forEach((c, i) => {
      const mine = engine(c);
      const theirs = torch[i]!;
      // The support of the targets' range + 10 % is the engine's, exactly (float64 both sides).
      expect(regressionSupport(Float32Array.from(c.targets))).toEqual({ vMin: theirs.support[0], vMax: theirs.support[1] });
      expect(theirs.encoded).toHaveLength(mine.encoded.length);
      const encodingError = Math.max(...theirs.encoded.map((v, k) => Math.abs(v - mine.encoded[k]!)));
      expect(encodingError, `${c.name} encoding`).toBeLessThan(1e-7);
      const scale = Math.max(1e-3, Math.abs(mine.value), ...Array.from(mine.grad, Math.abs));
      const error = Math.max(Math.abs(theirs.value - mine.value), ...theirs.grad.map((g, k) => Math.abs(g - mine.grad[k]!))) / scale;
      expect(error, c.name).toBeLessThan(1e-5);
      expect(Math.abs(theirs.value - mine.reference) / Math.max(1e-3, Math.abs(mine.reference)), `${c.name} vs reference`).toBeLessThan(1e-5);
      const predictionError = Math.max(...theirs.predictions.map((p, k) => Math.abs(p - mine.predictions[k]!)));
      expect(predictionError, `${c.name} predictions`).toBeLessThan(1e-5);
      if (error > worst.error) worst = { error, name: c.name };
    });
    console.log(`${all.length} regression loss cases, PyTorch vs engine: largest error ${worst.error.toExponential(2)} (${worst.name}), relative to the case's largest value or gradient`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);

// Each preference and unlearning loss of preference_losses.py against the engine's: the objective
// and its gradient with respect to the pairs', forget set's and retain set's logits against tfjs,
// and the objective against the plain-TypeScript float64 reference, on seeded logits and
// reference log-probabilities, at the defaults and at other parameter values. Skips without PyTorch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { rng } from '../engine/rng';
import { tf } from '../engine/tf';
import { PREFERENCE_LOSSES } from '../losses/preference/registry';
import type { PreferenceInputsRef, PreferenceInputsTf, PreferenceLossSpec } from '../losses/preference/types';
import type { LossParamSpec } from '../losses/types';
import { PYTHON_SOURCES } from './pythonSources';
import { findTorchPython } from './torchPython';

const python = findTorchPython();
const K = 4;

interface Case {
  name: string;
  loss: PreferenceLossSpec;
  params: Record<string, number>;
  inputs: Required<PreferenceInputsRef>;
}

function values(spec: LossParamSpec): number[] {
  const at = (f: number): number => Number((spec.min + f * (spec.max - spec.min)).toPrecision(3));
  return [...new Set([spec.default, at(0.25), at(0.8)])];
}

/** Seeded float32 logits and reference log-probabilities; pairs of distinct responses. */
function inputsCase(seed: number, n = 12): Required<PreferenceInputsRef> {
  const random = rng(seed);
  const logits = (): number[][] => Array.from({ length: n }, () => Array.from({ length: K }, () => Math.fround(2 * random.normal())));
  const refs = (): number[] => Array.from({ length: n }, () => Math.fround(Math.log(0.05 + 0.4 * random.next())));
  const chosen = Array.from({ length: n }, () => random.int(K));
  const rejected = chosen.map((c) => (c + 1 + random.int(K - 1)) % K);
  return {
    pairs: { logits: logits(), chosen, rejected, refChosen: refs(), refRejected: refs() },
    forget: { logits: logits(), target: Array.from({ length: n }, () => random.int(K)), ref: refs() },
    retain: { logits: logits(), target: Array.from({ length: n }, () => random.int(K)), ref: refs() },
  };
}

function cases(): Case[] {
  const out: Case[] = [];
  PREFERENCE_LOSSES.forEach((loss, l) => {
    const defaults = Object.fromEntries(loss.params.map((p) => [p.id, p.default]));
    const variants = [defaults, ...loss.params.flatMap((spec) => values(spec).slice(1).map((v) => ({ ...defaults, [spec.id]: v })))];
    variants.forEach((params, v) => out.push({ name: `${loss.id} ${JSON.stringify(params)}`, loss, params, inputs: inputsCase(100 * l + v + 1) }));
  });
  return out;
}

function engine(c: Case): { value: number; grad: number[][]; reference: number } {
  const oneHot = (labels: readonly number[]): tf.Tensor2D => tf.oneHot(tf.tensor1d(labels as number[], 'int32'), K).toFloat() as tf.Tensor2D;
  const { pairs, forget, retain } = c.inputs;
  const reference = c.loss.reference(c.inputs, c.params);
  return tf.tidy(() => {
    const objective = (pl: tf.Tensor, fl: tf.Tensor, rl: tf.Tensor): tf.Scalar => {
      const inputs: PreferenceInputsTf = {
        pairs: { logits: pl as tf.Tensor2D, chosen: oneHot(pairs.chosen), rejected: oneHot(pairs.rejected), refChosen: tf.tensor1d(pairs.refChosen as number[]), refRejected: tf.tensor1d(pairs.refRejected as number[]) },
        forget: { logits: fl as tf.Tensor2D, target: oneHot(forget.target), ref: tf.tensor1d(forget.ref as number[]) },
        retain: { logits: rl as tf.Tensor2D, target: oneHot(retain.target), ref: tf.tensor1d(retain.ref as number[]) },
      };
      // Every logit matrix joins with weight 0, so tf.grads sees each on the path.
      return tf.add(c.loss.compute(inputs, c.params), tf.mul(0, tf.addN([pl, fl, rl].map((t) => tf.sum(t))))) as tf.Scalar;
    };
    const tensors = [pairs.logits, forget.logits, retain.logits].map((m) => tf.tensor2d(m as number[][]));
    const value = objective(tensors[0]!, tensors[1]!, tensors[2]!).dataSync()[0]!;
    const grad = tf.grads(objective)(tensors).map((g) => Array.from(g.dataSync()));
    return { value, grad, reference };
  });
}

test.skipIf(!python.path)('every preference and unlearning loss in PyTorch equals the engine’s, value and gradient, and the float64 reference', () => {
  const all = cases();
  const folder = mkdtempSync(join(tmpdir(), 'losscape-preference-losses-'));
  try {
    for (const [path, content] of Object.entries(PYTHON_SOURCES)) writeFileSync(join(folder, path), content);
    writeFileSync(join(folder, 'cases.json'), JSON.stringify(all.map((c) => ({ loss: c.loss.id, params: c.params, responses: K, ...c.inputs }))));
    const harness = join(folder, 'harness.py');
    writeFileSync(harness, readFileSync(new URL('./preferenceLossHarness.py', import.meta.url)));
    const result = spawnSync(python.path!, [harness, folder, join(folder, 'cases.json')], { encoding: 'utf8', maxBuffer: 16 << 20 });
    expect(result.status, result.stderr).toBe(0);
    const torch = JSON.parse(result.stdout) as { value: number; grad: number[][] }[];
    expect(torch).toHaveLength(all.length);
    let worst = { error: 0, name: '' };
    all.forEach((c, i) => {
      const mine = engine(c);
      const grads = mine.grad.flat();
      const scale = Math.max(1e-3, Math.abs(mine.value), ...grads.map(Math.abs));
      const theirs = torch[i]!.grad.flat();
      expect(theirs).toHaveLength(grads.length);
      const error = Math.max(Math.abs(torch[i]!.value - mine.value), ...theirs.map((g, k) => Math.abs(g - grads[k]!))) / scale;
      expect(error, c.name).toBeLessThan(1e-5);
      expect(Math.abs(torch[i]!.value - mine.reference) / Math.max(1e-3, Math.abs(mine.reference)), `${c.name} vs reference`).toBeLessThan(1e-5);
      if (error > worst.error) worst = { error, name: c.name };
    });
    console.log(`${all.length} preference loss cases, PyTorch vs engine: largest error ${worst.error.toExponential(2)} (${worst.name}), relative to the case's largest value or gradient`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);

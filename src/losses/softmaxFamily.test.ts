import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { tf, type Tensor, type Tensor2D } from '../engine/tf';
import { lossById } from './registry';
import { focalTf, refFocal } from './focal';
import { refLogSumExp } from './math';
import { lossCase } from './lossTesting';
import { refSoftmaxFamily, softmaxFamilyTf, softmaxFamilyValues } from './softmaxFamily';

// The family of cross-entropy, label smoothing and focal (softmaxFamily.ts), each row with its
// own γ and ε, against its float64 reference (1e-5), central finite differences of the reference
// (1e-3), the three losses' own references, and at both ends of p_y, where its custom gradient
// must stay finite and exact.

/** (γ, ε) per row: the three losses' corners, and both at once. */
const PARAMS: readonly [number, number][] = [
  [0, 0],
  [2, 0],
  [0, 0.3],
  [1.5, 0.2],
  [0.5, 0.1],
  [4, 0],
  [0.2, 0.5],
];

const oneHot = (labels: readonly number[], classes: number): Tensor2D => tf.oneHot(tf.tensor1d([...labels], 'int32'), classes).toFloat() as Tensor2D;

/** Values and the gradient of their sum, each row with params[i % params.length]. */
function familyTf(logits: readonly (readonly number[])[], labels: readonly number[], params: readonly (readonly [number, number])[]): { values: number[]; gradient: number[][] } {
  const classes = logits[0]!.length;
  return tf.tidy(() => {
    const rowValues = logits.map((_, i) => softmaxFamilyValues(params[i % params.length]![0], params[i % params.length]![1], classes));
    const column = (name: keyof (typeof rowValues)[number]): Tensor2D => tf.tensor2d(rowValues.map((v) => [v[name]]));
    const columns = { gamma: column('gamma'), gammaLess1: column('gammaLess1'), keep: column('keep'), spread: column('spread'), spreadTimesK: column('spreadTimesK') };
    const parts = { focal: rowValues.some((v) => v.gamma !== 0), smoothing: rowValues.some((v) => v.spread !== 0) };
    const targets = oneHot(labels, classes);
    const f = (z: Tensor): Tensor => softmaxFamilyTf(z as Tensor2D, targets, columns, parts);
    const z = tf.tensor2d(logits.map((row) => [...row]));
    return { values: Array.from(f(z).dataSync()), gradient: tf.grad((x: Tensor) => tf.sum(f(x)))(z).arraySync() as number[][] };
  });
}

/** Central finite differences of the reference, float64. */
function finiteDifference(z: readonly number[], y: number, gamma: number, epsilon: number, h = 1e-5): number[] {
  return z.map((_, k) => {
    const at = (delta: number): number => refSoftmaxFamily(z.map((v, m) => (m === k ? v + delta : v)), y, gamma, epsilon);
    return (at(h) - at(-h)) / (2 * h);
  });
}

const within = (got: number, want: number, tolerance: number, label: string): void => {
  expect(Number.isFinite(got), `${label}: ${got}`).toBe(true);
  expect(Math.abs(got - want), `${label}: ${got} vs ${want}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(want)));
};

/** Values and gradients near p_y = 1 against the reference, relative. */
function nearOne(): void {
  // 1 − p_y = 2e^{−g}: from 1e−2 down to 1e−9 as the true class's lead g grows.
  const leads = [5, 10, 14, 17, 21];
  const logits = leads.map((g) => [g, 0, 0]);
  const labels = leads.map(() => 0);
  for (const [gamma, epsilon] of [[0, 0], [2, 0], [0.5, 0]] as const) {
    const { values, gradient } = familyTf(logits, labels, [[gamma, epsilon]]);
    logits.forEach((z, i) => {
      const want = refSoftmaxFamily(z, 0, gamma, epsilon);
      // Relative: the values are down to 1e−9 (cross-entropy) and 1e−27 (focal, γ = 2).
      expect(Math.abs(values[i]! - want), `γ ${gamma} lead ${leads[i]}: ${values[i]} vs ${want}`).toBeLessThanOrEqual(1e-4 * want);
      finiteDifference(z, 0, gamma, epsilon, 1e-3).forEach((g, k) => within(gradient[i]![k]!, g, 1e-3, `γ ${gamma} lead ${leads[i]} ∂/∂z${k}`));
    });
  }
  // Cross-entropy's own tfjs value (logSoftmax) has lost them all there: 1 + 1.5e−9 rounds to 1.
  const logSoftmax = tf.tidy(() => tf.logSoftmax(tf.tensor2d([[21, 0, 0]])).dataSync()[0]!);
  expect(logSoftmax).toBe(0);
}

describe('the softmax family: cross-entropy, label smoothing and focal in one', () => {
  it.each([2, 3, 5])('%i classes: each row equals its reference (1e-5) and finite differences (1e-3), with its own γ and ε', (classes) => {
    const c = lossCase(40 + classes, 21, classes);
    const { values, gradient } = familyTf(c.logits, c.labels, PARAMS);
    c.logits.forEach((z, i) => {
      const [gamma, epsilon] = PARAMS[i % PARAMS.length]!;
      within(values[i]!, refSoftmaxFamily(z, c.labels[i]!, gamma, epsilon), 1e-5, `row ${i} value (γ ${gamma}, ε ${epsilon})`);
      finiteDifference(z, c.labels[i]!, gamma, epsilon).forEach((g, k) => within(gradient[i]![k]!, g, 1e-3, `row ${i} ∂/∂z${k} (γ ${gamma}, ε ${epsilon})`));
    });
  });

  it('is cross-entropy at γ = ε = 0, label smoothing at γ = 0 and focal at ε = 0 (their own references)', () => {
    const c = lossCase(9, 12, 3);
    const ce = lossById('ce').reference(c.logits, c.labels, {}, c.context) as number[];
    const smoothing = lossById('label-smoothing').reference(c.logits, c.labels, { epsilon: 0.3 }, c.context) as number[];
    const focal = c.logits.map((z, i) => refFocal(z, c.labels[i]!, 2));
    const rows = (gamma: number, epsilon: number): number[] => familyTf(c.logits, c.labels, [[gamma, epsilon]]).values;
    rows(0, 0).forEach((v, i) => within(v, ce[i]!, 1e-5, `ce row ${i}`));
    rows(0, 0.3).forEach((v, i) => within(v, smoothing[i]!, 1e-5, `label smoothing row ${i}`));
    rows(2, 0).forEach((v, i) => within(v, focal[i]!, 1e-5, `focal row ${i}`));
  });

  it('keeps its digits near p_y = 1, where 1 − p_y and log p_y cancel in float32', nearOne);

  it('has a finite gradient where 1 − p_y underflows: γ = 0 is exactly cross-entropy’s, γ < 1 no ∞·0', () => {
    // 1 − p_y = 2e^{−60} ≈ 2e−26 (below focal's floor of 1e−12) and 2e^{−200} (0 in float32).
    const logits = [
      [60, 0, 0],
      [200, 0, 0],
      [0, 200, 0],
    ];
    const labels = [0, 0, 0];
    for (const [gamma, epsilon] of [[0, 0], [0.5, 0], [0.3, 0.2], [2, 0]] as const) {
      const { values, gradient } = familyTf(logits, labels, [[gamma, epsilon]]);
      values.forEach((v, i) => within(v, refSoftmaxFamily(logits[i]!, 0, gamma, epsilon), 1e-5, `γ ${gamma} ε ${epsilon} row ${i} value`));
      gradient.flat().forEach((g) => expect(Number.isFinite(g), `γ ${gamma} ε ${epsilon}: ${gradient}`).toBe(true));
    }
    // γ = ε = 0 at p_y → 1 and → 0: p − e_y, cross-entropy's gradient.
    const { gradient } = familyTf(logits, labels, [[0, 0]]);
    expect(gradient[0]![0]!).toBeCloseTo(0, 12);
    expect(gradient[2]).toEqual([-1, 1, 0]);
    // Far wrong (p_y → 0): −log p_y is the logit gap plus ln 1, exactly as the reference.
    expect(familyTf([[0, 200, 0]], [0], [[2, 0]]).values[0]).toBeCloseTo(refLogSumExp([0, 200, 0]), 3);
  });

  it('is focal’s own gradient on both sides of focal’s floor 1 − p_y = 1e−12', () => {
    // 1 − p_y = 2e^{−g}: 3.7e−12 (above the floor) and 8.4e−13 (below it, where focal's weight stops moving).
    const logits = [
      [27, 0, 0],
      [28.5, 0, 0],
      [0, 28.5, 0],
    ];
    const labels = [0, 0, 1];
    for (const gamma of [0.1, 0.5, 2]) {
      const { gradient } = familyTf(logits, labels, [[gamma, 0]]);
      const own = tf.tidy(() => tf.grad((z: Tensor) => tf.sum(focalTf(z as Tensor2D, oneHot(labels, 3), gamma)))(tf.tensor2d(logits)).arraySync() as number[][]);
      gradient.forEach((row, i) => row.forEach((g, k) => within(g, own[i]![k]!, 1e-5, `γ ${gamma} row ${i} ∂/∂z${k}`)));
    }
  });
});

describe('on the WebAssembly backend', () => {
  // Its kernels differ from the cpu's: its log1p, for one, loses e^a's digits where tf.softplus keeps them.
  beforeAll(async () => {
    setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('keeps its digits near p_y = 1', () => {
    expect(tf.getBackend()).toBe('wasm');
    nearOne();
  });
});

import { describe, expect, it } from 'vitest';
import { tf, type Tensor2D } from '../engine/tf';
import { LOSSES, lossById, lossParamsResolve } from './registry';
import { lossRows, lossRowsCompute } from './batchedLoss';
import { lossCase, type LossCase } from './lossTesting';
import { regressionLossAsSpec } from './regression/asLossSpec';
import { regressionLossById } from './regression/regressionLosses';
import type { LossParams, LossSpec } from './types';

// Each row-wise loss over the stacked rows of three runs (their own logits, and their own
// hyperparameters where the loss takes them as columns) against each run's plain-TypeScript
// reference and its own tfjs gradient: a column taken from the wrong run, or rows out of place,
// gives another run's numbers.

const RUNS = 3;
const ROWS = 7;

/** Run r's params: the defaults, or for a columned loss each param at its own point of its range. */
function paramsOf(loss: LossSpec, r: number, columned: boolean): LossParams {
  if (!columned) return lossParamsResolve(loss);
  return lossParamsResolve(loss, Object.fromEntries(loss.params.map((p) => [p.id, p.min + (p.max - p.min) * [0.15, 0.55, 0.85][r]!])));
}

/** Whether the loss's params are columns: runs with other params share its key. */
function isColumned(loss: LossSpec, c: LossCase): boolean {
  if (loss.params.length === 0) return false;
  const keys = [0, 1].map((r) => lossRows(loss, paramsOf(loss, r, true), c.context)?.key);
  return keys[0] !== undefined && keys[0] === keys[1];
}

const oneHot = (labels: readonly number[], classes: number): Tensor2D => tf.oneHot(tf.tensor1d([...labels], 'int32'), classes).toFloat() as Tensor2D;

function check(loss: LossSpec, classes: number): void {
  const cases = Array.from({ length: RUNS }, (_, r) => lossCase(100 + r, ROWS, classes));
  // One context for all (the priors of run 0's labels), as runs on one data set have.
  const context = cases[0]!.context;
  const columned = isColumned(loss, cases[0]!);
  const params = cases.map((_, r) => paramsOf(loss, r, columned));
  const rows = params.map((p) => lossRows(loss, p, context)!);
  expect(new Set(rows.map((r) => r.key)).size, `${loss.id}: one key`).toBe(1);
  const logits = cases.flatMap((c) => c.logits);
  const labels = cases.flatMap((c) => c.labels);
  const [values, gradient] = tf.tidy(() => {
    const z = tf.tensor2d(logits);
    const targets = oneHot(labels, classes);
    const compute = (x: tf.Tensor): tf.Tensor => lossRowsCompute(rows[0]!, x as Tensor2D, targets, context, rows.map((r) => r.columns));
    // The per-run means' sum: each run's gradient is its own mean's.
    const total = (x: tf.Tensor): tf.Tensor => tf.sum(tf.mean(tf.reshape(compute(x), [RUNS, ROWS]), 1));
    return [Array.from(compute(z).dataSync()), tf.grad(total)(z).arraySync() as number[][]];
  });
  cases.forEach((c, r) => {
    const want = loss.reference(c.logits, c.labels, params[r]!, context) as number[];
    const own = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.mean(loss.compute(x as Tensor2D, oneHot(c.labels, classes), params[r]!, context)))(tf.tensor2d(c.logits)).arraySync() as number[][]);
    want.forEach((w, i) => {
      const got = values[r * ROWS + i]!;
      expect(Math.abs(got - w), `${loss.id} run ${r} row ${i}: ${got} vs ${w}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(w)));
      own[i]!.forEach((g, k) => expect(Math.abs(gradient[r * ROWS + i]![k]! - g), `${loss.id} run ${r} ∂/∂z[${i}][${k}]`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(g))));
    });
  });
  if (columned) {
    // The runs' params really differ, so a column from the wrong run would show.
    const other = loss.reference(cases[0]!.logits, cases[0]!.labels, params[1]!, context) as number[];
    const mine = values.slice(0, ROWS);
    expect(Math.max(...mine.map((v, i) => Math.abs(v - other[i]!))), `${loss.id}: params matter`).toBeGreaterThan(1e-3);
  }
}

const batchable = LOSSES.filter((loss) => lossRows(loss, lossParamsResolve(loss), lossCase(1, 3, 2).context) !== null);

describe('losses over the stacked rows of several runs', () => {
  it('covers the per-example losses, and takes the hyperparameters of focal, label smoothing, the hinges and temperature as columns', () => {
    const c = lossCase(1, 3, 3);
    expect(batchable.length).toBeGreaterThanOrEqual(15);
    expect(batchable.filter((loss) => isColumned(loss, c)).map((loss) => loss.id).sort()).toEqual(['ce-temp', 'focal', 'hinge', 'label-smoothing', 'sq-hinge']);
  });

  it.each(batchable.map((loss) => loss.id))('%s: every run equals its own reference and gradient (1e-5)', (id) => {
    const loss = lossById(id);
    const classes = loss.unavailableReason(3, lossParamsResolve(loss)) === null ? 3 : 2;
    check(loss, classes);
  });

  it('keeps apart what cannot share: other params of a loss without columns, another context, batch-level and regression losses', () => {
    const c = lossCase(1, 3, 3).context;
    const gce = lossById('gce');
    expect(lossRows(gce, { q: 0.5 }, c)!.key).not.toBe(lossRows(gce, { q: 0.7 }, c)!.key);
    expect(lossRows(lossById('ensloss'), { concentration: 1 }, c)!.key).not.toBe(lossRows(lossById('ensloss'), { concentration: 1 }, { ...c, step: 1 })!.key);
    expect(lossRows(lossById('anyloss'), lossParamsResolve(lossById('anyloss')), c)).toBeNull();
    expect(lossRows(lossById('soft-dice'), lossParamsResolve(lossById('soft-dice')), c)).toBeNull();
    // A regression's loss is keyed apart from the classification loss of the same id, by its params.
    const huber = regressionLossAsSpec(regressionLossById('huber'));
    expect(lossRows(regressionLossAsSpec(regressionLossById('mse')), {}, c)).toBeNull();
    expect(lossRows(regressionLossAsSpec(regressionLossById('mse')), {}, c, true)!.key).not.toBe(lossRows(lossById('mse'), {}, c)!.key);
    expect(lossRows(huber, { delta: 1 }, c, true)!.key).toBe(lossRows(regressionLossAsSpec(regressionLossById('huber')), { delta: 1 }, c, true)!.key);
    expect(lossRows(huber, { delta: 1 }, c, true)!.key).not.toBe(lossRows(huber, { delta: 2 }, c, true)!.key);
  });

  it('computes cross-entropy as label smoothing at ε = 0, the same values', () => {
    const c = lossCase(3, ROWS, 3);
    const rows = lossRows(lossById('ce'), {}, c.context)!;
    expect(rows.alias!.key).toBe(lossRows(lossById('label-smoothing'), { epsilon: 0.3 }, c.context)!.key);
    const values = tf.tidy(() => Array.from(lossRowsCompute(rows.alias!, tf.tensor2d(c.logits), oneHot(c.labels, 3), c.context, [rows.alias!.columns]).dataSync()));
    const want = lossById('ce').reference(c.logits, c.labels, {}, c.context) as number[];
    values.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, want[i]!)));
  });
});

// One loss over the stacked rows of several runs: which losses can, and their per-run columns.
import { tf, type Tensor1D, type Tensor2D } from '../engine/tf';
import { paramValue } from './params';
import { hingeTf } from './hinge';
import { softmaxFamilyTf, softmaxFamilyValues } from './softmaxFamily';
import { ceTempTf } from './ceTemp';
import { lossById } from './registry';
import type { LossContext, LossParams, LossSpec } from './types';

/**
 * The per-example losses whose value for an example reads only that example's row of logits and
 * targets (and the context): computed over the rows of several runs stacked one under another,
 * each row's value is what the run's own computation gives. Batch-level losses (soft Dice, AnyLoss)
 * read the whole batch and stay per run. (Regression losses: see lossRows.)
 */
const ROW_WISE: ReadonlySet<string> = new Set([
  'ce',
  'ce-temp',
  'label-smoothing',
  'focal',
  'comp-sum',
  'gce',
  'mae',
  'brier',
  'mse',
  'sce',
  'hinge',
  'sq-hinge',
  'ldr-kl',
  'z-spherical',
  'dice',
  'dco',
  'ldam',
  'logit-adjusted',
  'ensloss',
]);

/** The per-row values of a loss's columns over the stacked rows (each run's value repeated over its examples). */
export interface RowColumns {
  /** `[N]`, for a term of one value per example. */
  vector(name: string): Tensor1D;
  /** `N × 1`, broadcast along the classes. */
  matrix(name: string): Tensor2D;
  /** Each run's value, in run order. */
  perRun(name: string): readonly number[];
}

/**
 * A loss whose hyperparameters may differ between the runs that share its computation: each is a
 * column of per-row values, computed from a run's params in float64 exactly as the loss's own
 * compute computes its scalars, then used by the same tfjs function (so each run's values equal
 * its own within float32 rounding).
 */
interface ColumnedLoss {
  /** The shared computation's name where several losses share one (their columns set each run's loss). */
  family?: string;
  values(params: LossParams, classes: number): Record<string, number>;
  compute(logits: Tensor2D, targets: Tensor2D, columns: RowColumns): Tensor1D;
}

const param = (loss: LossSpec, id: string, params: LossParams): number => paramValue(params, loss.params.find((p) => p.id === id)!);

/** Focal and label smoothing (and cross-entropy, their γ = ε = 0) as members of one loss (softmaxFamily.ts). */
const softmaxFamily = (gamma: (p: LossParams) => number, epsilon: (p: LossParams) => number): ColumnedLoss => ({
  family: 'softmax-family',
  values: (p, classes) => softmaxFamilyValues(gamma(p), epsilon(p), classes),
  compute: (z, t, c) =>
    softmaxFamilyTf(
      z,
      t,
      { gamma: c.matrix('gamma'), gammaLess1: c.matrix('gammaLess1'), keep: c.matrix('keep'), spread: c.matrix('spread'), spreadTimesK: c.matrix('spreadTimesK') },
      { focal: c.perRun('gamma').some((g) => g !== 0), smoothing: c.perRun('spread').some((v) => v !== 0) },
    ),
});

const COLUMNED: Readonly<Record<string, ColumnedLoss>> = {
  focal: softmaxFamily((p) => param(lossById('focal'), 'gamma', p), () => 0),
  'label-smoothing': softmaxFamily(() => 0, (p) => param(lossById('label-smoothing'), 'epsilon', p)),
  hinge: { values: (p) => ({ c: param(lossById('hinge'), 'c', p) }), compute: (z, t, c) => hingeTf(z, t, c.matrix('c')) },
  'sq-hinge': { values: (p) => ({ c: param(lossById('sq-hinge'), 'c', p) }), compute: (z, t, c) => tf.square(hingeTf(z, t, c.matrix('c'))) },
  'ce-temp': { values: (p) => ({ T: param(lossById('ce-temp'), 'T', p) }), compute: (z, t, c) => ceTempTf(z, t, c.matrix('T')) },
};

/** How one run's loss joins others over stacked rows. */
export interface LossRows {
  /** Runs with the same key share one computation. */
  key: string;
  /** The loss and params the shared computation takes (any one run's: they are in the key, but for the columns). */
  loss: LossSpec;
  params: LossParams;
  /** The run's column values (empty for a loss without columns: its params are in the key). */
  columns: Record<string, number>;
  /**
   * The same values as another loss's rows, to join that loss's group when the batch has one:
   * cross-entropy is the softmax family (focal, label smoothing) at γ = ε = 0.
   */
  alias?: LossRows;
}

/**
 * Whether `loss` with `params` (a regression's where `regression`) can be computed over stacked
 * rows, and with whom: null for a loss that computes alone. A columned loss's key is its id (and the context), whatever its params;
 * any other row-wise loss's key holds its params, so only runs with equal params share.
 */
export function lossRows(loss: LossSpec, params: LossParams, context: LossContext, regression = false): LossRows | null {
  const sorted = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join(',');
  // A regression's losses are all per example (a point loss of each residual, or cross-entropy
  // against each target's histogram), their specs built per run (regressionLossAsSpec), their ids
  // shared with classification losses.
  if (regression) return loss.level === 'example' ? { key: `regression:${loss.id}|${sorted}`, loss, params, columns: {} } : null;
  if (loss.level !== 'example' || !ROW_WISE.has(loss.id) || lossById(loss.id) !== loss) return null;
  // The context enters some losses (priors, a per-step draw): runs share only an equal context.
  const contextKey = `${context.classes}|${context.step}|${context.seed}`;
  const columned = COLUMNED[loss.id];
  if (columned) return { key: `${columned.family ?? loss.id}|${contextKey}`, loss, params, columns: columned.values(params, context.classes) };
  const rows: LossRows = { key: `${loss.id}|${contextKey}|${sorted}`, loss, params, columns: {} };
  if (loss.id === 'ce') rows.alias = lossRows(lossById('label-smoothing'), { epsilon: 0 }, context)!;
  return rows;
}

/**
 * Per-example losses `[N]` of `rows`' loss over stacked rows (N = R·n, run r's examples at rows
 * r·n … r·n+n−1), `columns[r]` run r's LossRows.columns.
 */
export function lossRowsCompute(rows: LossRows, logits: Tensor2D, targets: Tensor2D, context: LossContext, columns: readonly Record<string, number>[]): Tensor1D {
  const columned = COLUMNED[rows.loss.id];
  if (!columned) return rows.loss.compute(logits, targets, rows.params, context) as Tensor1D;
  const perRun = logits.shape[0] / columns.length;
  const repeated = (name: string): Float32Array => {
    const values = new Float32Array(logits.shape[0]);
    columns.forEach((c, r) => values.fill(c[name]!, r * perRun, (r + 1) * perRun));
    return values;
  };
  return columned.compute(logits, targets, {
    vector: (name) => tf.tensor1d(repeated(name)),
    matrix: (name) => tf.tensor2d(repeated(name), [logits.shape[0], 1]),
    perRun: (name) => columns.map((c) => c[name]!),
  });
}

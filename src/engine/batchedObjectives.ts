// The objectives of several runs from their stacked logits: runs of one loss share one computation.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from './tf';
import { lossRows, lossRowsCompute, type LossRows } from '../losses/batchedLoss';
import type { TrainingRun } from './trainingRun';
import type { StepPlan } from './trainingRunTypes';
import type { LossTerms } from './trainingObjective';
import { penaltyRows } from './batchedPenalty';

/** Runs whose losses are one computation: their rows (in the batch), the loss they share, and each run's terms and columns. */
interface LossGroup {
  rows: number[];
  loss: LossRows;
  terms: LossTerms[];
  columns: Record<string, number>[];
  /** For a group of aliases (cross-entropy), the key of the group it joins where the batch has one, and each run's columns there. */
  alias?: string;
  aliasColumns: Record<string, number>[];
}

/**
 * Each run's objective (R values) from the logits of all runs, `R × n × K`: runs with the same
 * row-wise loss (batchedLoss.ts: the same params, or params that are per-run columns), the same
 * add-ons, and mixup on or off alike compute it once over their stacked rows, then one mean per
 * run; any other run computes its own loss on its slice, as TrainingRun does. Every run's L1/L2
 * penalty is one computation over the stacked weights (batchedPenalty.ts), left out where
 * `withPenalties` is false (a step adds the penalties' gradient itself). The values equal
 * each run's own objective within float32 rounding, and each depends on its own run's logits and
 * weights only, so its gradient is its run's alone.
 */
export function batchedObjectives(runs: readonly TrainingRun[], plans: readonly StepPlan[], logits: Tensor, layers: readonly Tensor[], withPenalties = true): Tensor1D {
  const count = runs.length;
  const { groups, alone } = lossGroups(plans);
  // The rows in group order (each group's rows together, then the runs alone), and back.
  const order = [...groups.flatMap((g) => g.rows), ...alone];
  const inOrder = order.every((row, i) => row === i);
  const permuted = inOrder ? logits : permuteRows(logits, order);
  const parts: Tensor[] = [];
  let start = 0;
  for (const group of groups) {
    const c = group.rows.length;
    parts.push(groupObjectives(group, c === count ? permuted : tf.slice(permuted, start, c)));
    start += c;
  }
  if (alone.length > 0) {
    const rowAt = (i: number): Tensor2D => tf.squeeze(count === 1 ? permuted : tf.slice(permuted, i, 1), [0]) as Tensor2D;
    // Over no weights the penalty is 0 (regularizationPenalty): penaltyRows adds every run's.
    parts.push(tf.stack(alone.map((r, i) => plans[r]!.objectiveOf(rowAt(start + i), []))));
  }
  const grouped = parts.length > 1 ? tf.concat(parts) : parts[0]!;
  const inverse = new Array<number>(count);
  order.forEach((row, i) => (inverse[row] = i));
  const values = inOrder ? grouped : permuteRows(grouped, inverse);
  if (!withPenalties) return values as Tensor1D;
  const penalties = penaltyRows(
    runs.map((run) => run.config.training),
    layers,
  );
  return (penalties ? tf.add(values, penalties) : values) as Tensor1D;
}

/**
 * Rows `indices` of x (a permutation of its first axis): one gather, whose gradient is the gather
 * by the inverse permutation. (tfjs's own gradient of a gather is an UnsortedSegmentSum, which the
 * wasm backend lacks; and picking rows by unstack and stack costs kernels with every run.)
 */
function permuteRows(x: Tensor, indices: readonly number[]): Tensor {
  const inverse = new Int32Array(indices.length);
  indices.forEach((row, i) => (inverse[row] = i));
  const permute = tf.customGrad((...args: (Tensor | ((tensors: Tensor[]) => void))[]) => ({
    value: tf.gather(args[0] as Tensor, tf.tensor1d(Int32Array.from(indices), 'int32')),
    gradFunc: (dy: Tensor) => tf.gather(dy, tf.tensor1d(inverse, 'int32')),
  }));
  return permute(x);
}

/** The runs grouped by their loss's key (two or more a group), and the rows that compute alone. */
function lossGroups(plans: readonly StepPlan[]): { groups: LossGroup[]; alone: number[] } {
  const byKey = new Map<string, LossGroup>();
  const alone: number[] = [];
  const priors = new Map<Float32Array, number>();
  plans.forEach((plan, r) => {
    const terms = plan.terms;
    const rows = terms ? lossRows(terms.loss, terms.params, terms.context, terms.regression) : null;
    if (!terms || !rows) {
      alone.push(r);
      return;
    }
    const priorsId = priors.get(terms.context.classPriors) ?? priors.set(terms.context.classPriors, priors.size).size - 1;
    const addons = terms.addons.map((a) => `${a.spec.id}:${JSON.stringify(a.params)}`).join(';');
    // What else must match: the data, the add-ons, mixup on or off, the batch size.
    const rest = [priorsId, addons, terms.targetsB ? 'mixup' : '', plan.x.shape[0]].join('#');
    const key = `${rows.key}#${rest}`;
    const group = byKey.get(key) ?? { rows: [], loss: rows, terms: [], columns: [], aliasColumns: [], ...(rows.alias ? { alias: `${rows.alias.key}#${rest}` } : {}) };
    byKey.set(key, group);
    group.rows.push(r);
    group.terms.push(terms);
    group.columns.push(rows.columns);
    if (rows.alias) group.aliasColumns.push(rows.alias.columns);
  });
  // Aliases join their loss's group where there is one, in row order so the columns stay aligned.
  for (const [key, group] of byKey) {
    const target = group.alias ? byKey.get(group.alias) : undefined;
    if (!target) continue;
    const members = [
      ...target.rows.map((row, i) => ({ row, terms: target.terms[i]!, columns: target.columns[i]! })),
      ...group.rows.map((row, i) => ({ row, terms: group.terms[i]!, columns: group.aliasColumns[i]! })),
    ].sort((a, b) => a.row - b.row);
    target.rows = members.map((m) => m.row);
    target.terms = members.map((m) => m.terms);
    target.columns = members.map((m) => m.columns);
    byKey.delete(key);
  }
  const groups = [...byKey.values()].filter((g) => {
    if (g.rows.length > 1) return true;
    alone.push(g.rows[0]!);
    return false;
  });
  alone.sort((a, b) => a - b);
  return { groups, alone };
}

/** One group's objectives without penalties, `[c]`, from its logits `c × n × K`: the loss over its stacked rows, a mean per run, and each add-on's. */
function groupObjectives(group: LossGroup, logits: Tensor): Tensor1D {
  const { rows, terms } = group;
  const c = rows.length;
  const [, n, classes] = logits.shape as [number, number, number];
  const first = terms[0]!;
  const stacked = tf.reshape(logits, [c * n, classes]) as Tensor2D;
  const compute = (targets: Tensor2D): Tensor1D => lossRowsCompute(group.loss, stacked, targets, first.context, group.columns);
  let values = compute(stackedOf(terms.map((t) => t.targets)));
  if (first.targetsB) {
    // mixupLoss's per-example form: λ·L(y_A) + (1 − λ)·L(y_B), each run its own draws.
    const lambda = tf.tensor1d(Float32Array.from(terms.flatMap((t) => Array.from(t.lambdas!))));
    const partner = compute(stackedOf(terms.map((t) => t.targetsB!)));
    values = tf.add(tf.mul(lambda, values), tf.mul(tf.sub(1, lambda), partner));
  }
  const perRun = (v: Tensor): Tensor1D => tf.mean(tf.reshape(v, [c, n]), 1);
  let total = perRun(values);
  for (const addon of first.addons) total = tf.add(total, perRun(addon.spec.compute(stacked, addon.params)));
  return total;
}

/** The runs' target rows one under another; one tile when they are one tensor (full-batch runs share the split's). */
function stackedOf(targets: readonly Tensor2D[]): Tensor2D {
  const [first] = targets;
  return targets.every((t) => t === first) ? tf.tile(first!, [targets.length, 1]) : tf.concat([...targets]);
}

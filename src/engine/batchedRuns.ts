// Several runs of one MLP stepping as one computation, their optimizers' updates included.
import { tf, type Scalar, type Tensor, type Tensor1D, type Tensor2D, type Variable } from './tf';
import type { TrainingRun } from './trainingRun';
import type { StepPlan, StepResult } from './trainingRunTypes';
import { optimizerById } from './optimizers/registry';
import { optimizerHasWeightDecay } from './optimizers/weightDecay';
import { rowNorms, type BatchedRule, type BatchedRunStep } from './optimizers/batchedRule';
import { RowLayout, rowsObjectives } from './batchedRows';
import { RowTelemetry } from './batchedTelemetry';
import { penaltyGradientRows } from './batchedPenalty';
import type { RunHolder } from './runHold';

/** The runs of one optimizer: contiguous rows, one update for all of them. */
interface Group {
  rule: BatchedRule;
  start: number;
  count: number;
  /** The rule's slots, R_group × P each. */
  slots: Variable[];
}

/**
 * R runs of one MLP (batchedStepFits) stepping together: their weights are the rows of one R × P
 * matrix, so a step is one forward and backward pass (batched matMuls, each run's own objective on
 * its slice), one clipping and one weight decay over all rows, and one optimizer update per
 * optimizer (batchedRule.ts): runs with the same optimizer — whatever their learning rates,
 * schedules and hyperparameters, which are per-run columns — share one update, so the kernels of
 * the update do not grow with the runs. The rows are ordered by optimizer, each group contiguous.
 *
 * The batch holds the weights and the optimizers' state (the runs' own variables are stale) from
 * its creation, over as many steps and chunks as it is given, until anything reads or writes a run
 * (a probe, a frame, a step alone, an edited weight): the run then has the batch hand everything
 * back (runHold.ts), and the batch is done. So setting up and handing back, a few kernels a weight
 * tensor, are paid only when the runs are looked at. Each row's numbers equal those of
 * TrainingRun.trainStep within float32 rounding.
 */
export class BatchedRuns implements RunHolder {
  /** The runs in row order; `order[i]` is the index in the caller's list of row i. */
  private readonly rows: TrainingRun[];
  private readonly order: number[];
  private readonly layout: RowLayout;
  private readonly theta: Variable;
  private readonly groups: Group[];
  /** Each row's step count t of its optimizer (Adam's bias corrections). */
  private readonly t: number[];
  /** Each row's clip norm (0: none) and general weight decay (0 where the optimizer owns its own). */
  private readonly clip: number[];
  private readonly decay: number[];
  private readonly telemetryRows: RowTelemetry;
  /** Each row's own weight variables, which syncWeights writes (taken before the batch holds them). */
  private readonly variables: readonly (readonly Variable[])[];
  private holding = true;
  /** Whether the runs' own variables hold θ (true until the first step, and after syncWeights). */
  private synced = true;

  constructor(runs: readonly TrainingRun[]) {
    if (runs.length === 0) throw new Error('a batch needs at least one run');
    const ids = [...new Set(runs.map((run) => run.config.optimizer.id))];
    this.order = ids.flatMap((id) => runs.flatMap((run, i) => (run.config.optimizer.id === id ? [i] : [])));
    this.rows = this.order.map((i) => runs[i]!);
    this.layout = new RowLayout(this.rows[0]!.parameters);
    this.theta = this.variableOf(this.layout.stack(this.rows.map((run) => run.parameters)));
    this.t = this.rows.map((run) => run.optimizerState.carry.t);
    this.clip = this.rows.map((run) => run.config.optimizer.clipNorm);
    this.decay = this.rows.map((run) => (optimizerHasWeightDecay(optimizerById(run.config.optimizer.id)) ? 0 : run.config.optimizer.weightDecay));
    let start = 0;
    this.groups = ids.map((id) => {
      const rule = optimizerById(id).batched;
      if (!rule) throw new Error(`the ${id} optimizer has no batched update`);
      const members = this.rows.slice(start).filter((run) => run.config.optimizer.id === id);
      const slots = Array.from({ length: rule.slots }, (_, s) => this.variableOf(this.layout.stack(members.map((run) => run.optimizerState.carry.slots[s]!))));
      const group = { rule, start, count: members.length, slots };
      start += members.length;
      return group;
    });
    this.telemetryRows = new RowTelemetry(this.layout, () => this.rows.map((run) => run.initialParameters));
    this.variables = this.rows.map((run) => run.parameters);
    for (const run of this.rows) run.hold.take(this);
  }

  /** Whether this batch still holds exactly `runs` (in any order), so it can go on stepping them. */
  holds(runs: readonly TrainingRun[]): boolean {
    return this.holding && runs.length === this.rows.length && this.order.every((i, r) => runs[i] === this.rows[r]);
  }

  /** One step of every run; the results in the caller's order of runs. */
  step(): StepResult[] {
    if (!this.holding) throw new Error('this batch has handed its runs back');
    const runs = this.rows;
    const count = runs.length;
    const learningRates = runs.map((run) => run.learningRate());
    const kept = tf.tidy(() => {
      const plans = runs.map((run) => run.stepPlan());
      const before = this.theta.clone();
      const layers = this.layout.layers(before);
      // The data losses (TrainingRun.dataLoss), all rows at once, and their gradients; the
      // penalties' gradients join them before clipping, as in each run's own objective.
      const { value, grads } = tf.valueAndGrads((...ls: Tensor[]) => this.objectives(runs, plans, ls))(layers, tf.ones([count]));
      const losses = tf.unstack(value) as Scalar[];
      const gradients = this.clipped(this.withPenalties(this.layout.join(grads), before, 0, count), 0, count);
      const decayed = this.decayed(before, learningRates);
      const parts = this.groups.map((group) => {
        const rows = (t: Tensor): Tensor => (this.groups.length > 1 ? tf.slice(t, group.start, group.count) : t);
        const gradientAt = (theta: Tensor): Tensor => this.gradientAt(group, plans, theta);
        const update = group.rule.apply(rows(decayed), rows(gradients), group.slots, this.columns(group, learningRates), gradientAt);
        update.slots.forEach((slot, s) => group.slots[s]!.assign(slot));
        return update.theta;
      });
      const after = parts.length > 1 ? tf.concat(parts, 0) : parts[0]!;
      this.theta.assign(after);
      this.synced = false;
      // Every row's telemetry at once, when any run takes it this step (compare runs share their metrics).
      const telemetry = plans.some((plan) => plan.withTelemetry)
        ? this.telemetryRows.vectors(
            gradients,
            before,
            after,
            plans.map((plan) => plan.x),
            runs[0]!.shape.activation,
          )
        : null;
      return runs.map((_, r) => (telemetry && plans[r]!.withTelemetry ? { loss: losses[r]!, telemetry: telemetry[r]! } : { loss: losses[r]! }));
    });
    const results = kept.map(({ loss, telemetry }, r): StepResult => {
      runs[r]!.steps += 1;
      return { loss, telemetry: telemetry ?? null, learningRate: learningRates[r]!, step: runs[r]!.steps };
    });
    const out: StepResult[] = new Array<StepResult>(count);
    this.order.forEach((i, r) => (out[i] = results[r]!));
    return out;
  }

  /**
   * Writes the weights into the runs' own variables and holds on: a probe or a frame that reads
   * the weights alone costs a slice and an unstack a weight tensor (once after each step), where
   * handing back and stacking again for the next chunk costs every weight and optimizer slot twice.
   */
  syncWeights(): void {
    if (!this.holding || this.synced) return;
    this.layout.write(this.theta, this.variables);
    this.synced = true;
  }

  /** Writes the weights and the optimizers' state back into the runs, lets them go and frees the batch. */
  handBack(): void {
    if (!this.holding) return;
    this.holding = false;
    for (const run of this.rows) run.hold.drop(this);
    this.layout.write(this.theta, this.rows.map((run) => run.parameters));
    for (const group of this.groups) {
      const members = this.rows.slice(group.start, group.start + group.count);
      group.slots.forEach((slot, s) => this.layout.write(slot, members.map((run) => run.optimizerState.carry.slots[s]!)));
    }
    this.rows.forEach((run, r) => (run.optimizerState.carry.t = this.t[r]!));
    this.theta.dispose();
    this.telemetryRows.dispose();
    for (const group of this.groups) for (const slot of group.slots) slot.dispose();
  }

  private variableOf(rows: Tensor2D): Variable {
    const variable = tf.variable(rows, false);
    rows.dispose();
    return variable;
  }

  /** The runs' data losses (no penalties: withPenalties adds their gradient). */
  private objectives(runs: readonly TrainingRun[], plans: readonly StepPlan[], layers: readonly Tensor[]): Tensor1D {
    return rowsObjectives(runs, plans, layers, runs[0]!.shape.activation, false);
  }

  /** The loss gradients of rows start…start+count at θ plus their L1/L2 penalties' (batchedPenalty.ts). */
  private withPenalties(gradients: Tensor, theta: Tensor, start: number, count: number): Tensor {
    const options = this.rows.slice(start, start + count).map((run) => run.config.training);
    const penalties = penaltyGradientRows(options, this.layout, theta);
    return penalties ? tf.add(gradients, penalties) : gradients;
  }

  /** The gradient rows of a group at other weights (SAM), on the same minibatch, clipped as the step's. */
  private gradientAt(group: Group, plans: readonly StepPlan[], theta: Tensor): Tensor {
    const end = group.start + group.count;
    const runs = this.rows.slice(group.start, end);
    const own = plans.slice(group.start, end);
    const grads = tf.grads((...ls: Tensor[]) => this.objectives(runs, own, ls))(this.layout.layers(theta), tf.ones([group.count]));
    return this.clipped(this.withPenalties(this.layout.join(grads), theta, group.start, group.count), group.start, group.count);
  }

  /**
   * Clipping by each run's global norm (gradientClip.ts) over rows start…start+count: a row with
   * no clip norm keeps its gradient exactly (a factor of 1).
   */
  private clipped(gradients: Tensor, start: number, count: number): Tensor {
    const clip = this.clip.slice(start, start + count);
    if (clip.every((c) => !(c > 0))) return gradients;
    const factor = tf.minimum(1, tf.div(column(clip.map((c) => (c > 0 ? c : 1))), rowNorms(gradients)));
    return tf.mul(gradients, tf.where(tf.tensor2d(clip.map((c) => (c > 0 ? 1 : 0)), [count, 1], 'bool'), factor, tf.onesLike(factor)));
  }

  /** Decoupled weight decay (weightDecay.ts) of the rows whose optimizer lacks its own: θ·(1 − ηλ). */
  private decayed(theta: Tensor, learningRates: readonly number[]): Tensor {
    if (this.decay.every((d) => !(d > 0))) return theta;
    return tf.mul(theta, column(this.decay.map((d, r) => (d > 0 ? 1 - learningRates[r]! * d : 1))));
  }

  /** The group's per-run columns at this step, after advancing t where its rule counts steps. */
  private columns(group: Group, learningRates: readonly number[]): Record<string, Tensor> {
    const steps: BatchedRunStep[] = [];
    for (let r = group.start; r < group.start + group.count; r++) {
      if (group.rule.counts) this.t[r]! += 1;
      steps.push({ params: this.rows[r]!.config.optimizer.params, learningRate: learningRates[r]!, t: this.t[r]! });
    }
    return Object.fromEntries(Object.entries(group.rule.columns(steps)).map(([name, values]) => [name, column(values)]));
  }

}

/** An R × 1 float32 column of per-run values. */
function column(values: readonly number[]): Tensor2D {
  return tf.tensor2d([...values], [values.length, 1]);
}

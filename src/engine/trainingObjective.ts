// A run's objective: its loss (mixed under mixup), the enabled add-ons, and the L1/L2 penalty.
import { tf, type Scalar, type Tensor, type Tensor2D } from './tf';
import { rng, rngSeedFor, type Rng } from './rng';
import type { ExperimentConfig } from './config';
import { lossById } from '../losses/registry';
import { addonById, type AddonSpec } from '../losses/addons';
import { mixupBatch, mixupDraw, mixupLoss } from '../losses/mixup';
import type { LossContext, LossParams, LossSpec } from '../losses/types';
import { regressionLossAsSpec } from '../losses/regression/asLossSpec';
import type { RegressionLossSpec } from '../losses/regression/types';
import { regularizationKernels, regularizationPenalty } from './regularization';

/** A minibatch after mixup: `targetsB` and `lambdas` are set when mixup is on. */
export interface MixedBatch {
  x: Tensor2D;
  targets: Tensor2D;
  targetsB?: Tensor2D;
  lambdas?: Float32Array;
}

/**
 * The pieces of a step's loss, for computing it together with other runs' (batchedObjectives.ts):
 * the same loss, params, add-ons, targets and mixup draws that ofLogits reads.
 */
export interface LossTerms {
  loss: LossSpec;
  params: LossParams;
  addons: readonly { spec: AddonSpec; params: Record<string, number> }[];
  targets: Tensor2D;
  targetsB?: Tensor2D;
  lambdas?: Float32Array;
  context: LossContext;
  /** A regression's loss (regressionLossAsSpec): outputs against encoded targets. */
  regression: boolean;
}

export class TrainingObjective {
  private readonly loss: LossSpec;
  private readonly addons: { spec: AddonSpec; params: Record<string, number> }[];
  private readonly mixupOrder: Rng;
  private readonly regression: boolean;

  /** `config` is read on every call: the run may swap its metrics, never its loss or training. */
  constructor(
    private readonly config: () => ExperimentConfig,
    regressionLoss: RegressionLossSpec | null,
  ) {
    const initial = config();
    this.loss = regressionLoss ? regressionLossAsSpec(regressionLoss) : lossById(initial.loss.id);
    this.regression = regressionLoss !== null;
    this.addons = Object.entries(initial.loss.addons).map(([id, params]) => ({ spec: addonById(id), params }));
    this.mixupOrder = rng(rngSeedFor(initial.seed, 'mixup'));
  }

  /**
   * The loss (mixed over two targets under mixup), averaged over the batch when it is
   * per-example, plus the mean of each enabled add-on.
   */
  ofLogits(logits: Tensor2D, targets: Tensor2D, context: LossContext, targetsB?: Tensor2D, lambdas?: Float32Array): Scalar {
    const lossParams = this.config().loss.params;
    const values =
      targetsB && lambdas
        ? mixupLoss(this.loss, logits, targets, targetsB, lambdas, lossParams, context)
        : this.loss.compute(logits, targets, lossParams, context);
    let total = this.loss.level === 'example' ? tf.mean(values) : values;
    for (const addon of this.addons) total = tf.add(total, tf.mean(addon.spec.compute(logits, addon.params)));
    return total as Scalar;
  }

  /** ofLogits's pieces, for a batched step (batchedObjectives.ts). */
  terms(targets: Tensor2D, context: LossContext, targetsB?: Tensor2D, lambdas?: Float32Array): LossTerms {
    const regression = this.regression;
    return { loss: this.loss, params: this.config().loss.params, addons: this.addons, targets, context, regression, ...(targetsB && lambdas ? { targetsB, lambdas } : {}) };
  }

  /** Mixes the batch with seeded partners and Beta(α, α) weights when mixup is on. */
  mixup(x: Tensor2D, targets: Tensor2D): MixedBatch {
    const alpha = this.config().training.mixup;
    if (alpha <= 0) return { x, targets };
    const draw = mixupDraw(this.mixupOrder, alpha, x.shape[0]);
    const mixed = mixupBatch(x, targets, draw);
    return { x: mixed.x, targets, targetsB: mixed.targetsB, lambdas: draw.lambdas };
  }

  /** Draws (and drops) one step's mixup of a batch of `size`, to replay the draws on restore. */
  skipMixup(size: number): void {
    const alpha = this.config().training.mixup;
    if (alpha > 0) mixupDraw(this.mixupOrder, alpha, size);
  }

  /** The L1/L2 penalty at these weights (0 when off): the objective is the loss plus it. */
  penalty(params: readonly Tensor[]): Scalar {
    const { regularization, regularizationRate } = this.config().training;
    return regularizationPenalty(regularization, regularizationRate, regularizationKernels(params));
  }

  penaltyActive(): boolean {
    const { regularization, regularizationRate } = this.config().training;
    return regularization !== 'none' && regularizationRate > 0;
  }

  withPenalty(loss: Scalar, params: readonly Tensor[]): Scalar {
    return this.penaltyActive() ? tf.add(loss, this.penalty(params)) : loss;
  }
}

// The update half of a training step: clipping, weight decay, the optimizer's update, and the gradient telemetry.
import { tf, type Tensor, type Tensor1D, type Tensor2D, type Variable } from './tf';
import type { ExperimentConfig } from './config';
import type { OptimizerState } from './optimizers/types';
import { gradientClipByGlobalNorm } from './optimizers/gradientClip';
import { weightDecayApply } from './optimizers/weightDecay';
import { gradientTelemetryTensor } from './metrics/gradients';
import type { StepPlan } from './trainingRunTypes';

/** What a step updates: a run's weights and optimizer, with θ₀ for the telemetry's ‖θ − θ₀‖. */
export interface StepState {
  variables: Variable[];
  optimizer: OptimizerState;
  /** AdamW, Lion and the like decay weights themselves; the general option then stays off. */
  optimizerOwnsDecay: boolean;
  initial: readonly Tensor[];
}

/**
 * Inside a tidy: clipping, weight decay and the optimizer's update from the gradients `raw` at
 * the plan's batch. Returns the telemetry vector (with `logits` of the batch after the update) on
 * telemetry steps, else null.
 */
export function stepApply(state: StepState, options: ExperimentConfig['optimizer'], plan: StepPlan, raw: Tensor[], logits: (x: Tensor2D) => Tensor2D): Tensor1D | null {
  const { variables, optimizer } = state;
  const { clipNorm, weightDecay } = options;
  const { x, learningRate } = plan;
  const gradientAt = (): Tensor[] => {
    const again = tf.variableGrads(plan.objective, variables).grads;
    const gradients = variables.map((v) => again[v.name]!);
    return clipNorm > 0 ? gradientClipByGlobalNorm(gradients, clipNorm) : gradients;
  };
  const gradients = clipNorm > 0 ? gradientClipByGlobalNorm(raw, clipNorm) : raw;
  const previous = plan.withTelemetry ? variables.map((v) => tf.clone(v)) : [];
  if (weightDecay > 0 && !state.optimizerOwnsDecay) weightDecayApply(variables, learningRate, weightDecay);
  optimizer.apply(variables, gradients, learningRate, gradientAt);
  if (!plan.withTelemetry) return null;
  return gradientTelemetryTensor({
    gradients,
    params: variables,
    previousParams: previous,
    initialParams: state.initial,
    logits: logits(x),
  });
}

// The values a TrainingRun hands out per step and per evaluation, shared with batchedStep.ts.
import type { Scalar, Tensor, Tensor1D, Tensor2D } from './tf';
import type { LossTerms } from './trainingObjective';

export interface StepResult {
  /** The minibatch loss before the update (the data term: an L1/L2 penalty is not in it). */
  loss: Scalar;
  /** gradientTelemetryTensor's vector, on telemetry steps. */
  telemetry: Tensor1D | null;
  learningRate: number;
  /** The step just taken, counting from 1. */
  step: number;
}

/** One step's minibatch and objective, between TrainingRun.stepPlan and stepApply. */
export interface StepPlan {
  /** The minibatch's inputs (mixed under mixup). */
  x: Tensor2D;
  learningRate: number;
  withTelemetry: boolean;
  /** The step's objective from the model's logits of `x` and its parameters (an L1/L2 penalty reads them). */
  objectiveOf: (logits: Tensor2D, params: readonly Tensor[]) => Scalar;
  /** objectiveOf's loss in pieces, for runs that compute their losses together (batchedObjectives.ts); unset for a mixture of experts. */
  terms?: LossTerms;
  /** The step's whole objective at the current weights (a mixture of experts' needs its routing, not only logits). */
  objective: () => Scalar;
}

export interface Evaluation {
  validationLoss: Scalar;
  trainAccuracy: Scalar;
  validationAccuracy: Scalar;
  testLoss: Scalar;
  testAccuracy: Scalar;
}

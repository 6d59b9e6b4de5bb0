import type { MoeRoutingStats } from '../engine/moe/moeStats';

/**
 * A lesson's claim as a check on numbers the app shows. The numbers are read off the runs at the
 * step the run has reached (the same numbers the table and charts show), so the check can run
 * both in the lesson panel and headless in a unit test.
 */

/** What one run shows at the step it has reached; null where the view that measures it is off. */
export interface ClaimRunNumbers {
  /** Steps this run has taken. */
  step: number;
  /** Whether the run diverged (its numbers stop where it did). */
  diverged: boolean;
  trainAccuracy: number;
  validationAccuracy: number;
  testAccuracy: number;
  testLoss: number;
  /** The last training (minibatch) loss. */
  trainLoss: number;
  /** The first training loss (step 1) and the highest since, from the loss chart's series. */
  trainLossFirst: number;
  trainLossPeak: number;
  /** ECE on the test split before temperature scaling, and after it with T* fitted on validation. */
  ece: number | null;
  eceScaled: number | null;
  temperature: number | null;
  /** Mean top-label confidence on the test split (from the reliability bins). */
  testConfidence: number | null;
  /** Mean top-label confidence on the training split (with the calibration probe). */
  trainConfidence: number | null;
  /** Mean logsumexp(z) over the test split (with the calibration probe). */
  meanLogSumExp: number | null;
  /** The sharpness series so far: step, λ, the stability line drawn beside it (null: none). */
  sharpness: readonly { step: number; eigenvalue: number; threshold: number | null; preconditioned: boolean }[];
  /** The telemetry's mean logit norm at its latest step. */
  meanLogitNorm: number | null;
  /**
   * Per class, the share of the decision-boundary grid the run predicts as that class (the
   * coloured areas of the boundary view); empty before the first boundary.
   */
  planeShares: readonly number[];
  /**
   * Per class, the share of its held-out points (validation and test) that lie where the drawn
   * boundary shows their class: recall as the boundary view shows it. Empty before a boundary.
   */
  heldOutRecall: readonly number[];
  /** Per class, its training points (the data's, the same for every run). */
  trainClassCounts: readonly number[];
  /** max |θᵢ| over every parameter, from the latest weights. */
  weightMaxAbs: number | null;
  /** A regression's numbers (the metrics readout's and the curve's); null when classifying. */
  regression: ClaimRegressionNumbers | null;
  /** A mixture of experts' routing over the training split (specialisation, loads); null for an MLP. */
  moe: MoeRoutingStats | null;
}

export interface ClaimRegressionNumbers {
  testMse: number;
  testMae: number;
  /** Test MSE and MAE of predicting the training targets' mean. */
  baselineMse: number;
  baselineMae: number;
  /** The test points: first input, target, prediction, and the predicted mode (histogram losses; else null). */
  test: { x: number[]; target: number[]; prediction: number[]; mode: number[] | null };
}

/** One number a claim looked at, named for the panel: "MAE test accuracy − CE test accuracy". */
export interface ClaimNumber {
  label: string;
  value: number;
  /** What it had to be, in words: "≥ 0.10". */
  wanted: string;
  ok: boolean;
}

export interface ClaimResult {
  held: boolean;
  numbers: ClaimNumber[];
}

export interface LessonClaim {
  /** The claim in one sentence, as the panel shows it. */
  text: string;
  /**
   * The multiples of the lesson's length T at which the lesson's words say the claim holds:
   * always 1, plus 0.5 and 2 where the effect is said to be there already or to last.
   */
  holdsAt: readonly number[];
  /** Checks the claim on the runs' numbers (base run first, as in the config). */
  check(runs: readonly ClaimRunNumbers[]): ClaimResult;
}

// A run's held-out evaluation: validation and test loss, and accuracy on every split.
import { tf, type Scalar, type Tensor, type Tensor2D } from './tf';
import type { TrainingData } from './trainingData';
import type { RegressionSplitName } from './regressionTargets';
import type { Evaluation } from './trainingRunTypes';

/**
 * Validation and test loss (`objective` against each split's `targets`), and accuracies (NaN for
 * a regression, which has none), inside one tidy.
 */
export function evaluateRun(
  data: TrainingData,
  targets: Record<RegressionSplitName, Tensor2D>,
  regression: boolean,
  logits: (x: Tensor2D) => Tensor2D,
  objective: (x: Tensor2D, targets: Tensor2D) => Scalar,
): Evaluation {
  return tf.tidy(() => {
    const { validation, test } = data;
    const accuracyOf = (split: RegressionSplitName): Scalar => (regression ? tf.scalar(NaN) : accuracy(logits(data[split].x), data[split].targets));
    return {
      validationLoss: objective(validation.x, targets.validation),
      trainAccuracy: accuracyOf('train'),
      validationAccuracy: accuracyOf('validation'),
      testLoss: objective(test.x, targets.test),
      testAccuracy: accuracyOf('test'),
    };
  });
}

/** The share of rows whose largest logit is at their one-hot target's class. */
function accuracy(logits: Tensor, targets: Tensor2D): Scalar {
  return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(targets, 1)), 'float32'));
}

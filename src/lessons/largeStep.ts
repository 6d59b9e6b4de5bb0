import { atLeast, claimResult, run } from './claimCheck';
import type { Lesson } from './types';

/**
 * Logistic regression (no hidden layer; softmax over four classes) on nearly separable blobs, by
 * plain gradient descent with a step size far beyond the classical 2/smoothness limit, beside a
 * cautious one. The large step still finds a separator, and on the way the loss rises for several
 * steps while the boundary turns the right way ("From Logistic Regression to the Perceptron
 * Algorithm: Exploring Gradient Descent with Large Step Sizes"). Two classes separate in one step
 * at any step size, which is why there are four.
 */
export const largeStep: Lesson = {
  id: 'large-step',
  title: 'A large learning rate on logistic regression',
  setup: 'A linear model (no hidden layer) on four blobs that barely touch. Run A takes gradient steps of size 100, run B of size 1, from the same start. Set Step to ×1 and press it ten times, then press Play (it stops at step 200); tick “log scale” on the loss chart to see both runs at once.',
  question: 'Textbooks say a step size this large makes gradient descent unstable. Will run A’s loss go down steadily? When its loss goes up, will its boundary get worse?',
  lookFor: [
    'Run A’s loss jumps several-fold within its first few steps (to around 10) and its boundary swings wildly. While the loss is still near its peak the accuracy is already climbing back, and soon the loss falls below run B’s and stays there, with nearly every training point right: a loss that rose on the way to a better boundary.',
    'When the classes can (almost) be separated, the logistic loss has no minimum to overshoot in the usual sense: the weights grow and only their direction matters. A huge step overshoots the loss but still turns the boundary towards the points it gets wrong, much like the perceptron.',
    'Run B goes down smoothly and slowly. Open the loss landscape: this lesson sets its directions to the principal components of each run’s own path (random directions would miss a path almost entirely), so you see run A’s big jumps and run B’s short walk from the same start.',
  ],
  claim: {
    text: 'Run A’s training loss rises to at least 5 times its first value on the way, yet by T its loss is below run B’s and it gets at least 98% of the training points right.',
    holdsAt: [0.5, 1, 2],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      return claimResult([
        atLeast('A: highest training loss ÷ first', a.trainLossPeak / a.trainLossFirst, 5),
        atLeast('B − A: training loss now', b.trainLoss - a.trainLoss, 0),
        atLeast('A: training accuracy', a.trainAccuracy, 0.98),
      ]);
    },
  },
  config: {
    data: { kind: 'blobs', classes: 4, points: 300, noise: 0.2, seed: 6 },
    model: { layers: 0 },
    loss: { id: 'ce' },
    optimizer: { id: 'sgd', learningRate: 100 },
    training: { totalSteps: 200 },
    metrics: { calibrationEvery: 0, sharpnessEvery: 0, telemetryEvery: 0 },
    landscape: { directions: 'pca' },
    compare: { runs: [{ optimizer: { learningRate: 1 } }] },
    views: { lossShape: false, calibration: false, sharpness: false, telemetry: false },
  },
};

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
  setup: 'A linear model (no hidden layer) on four blobs that barely touch. Run A takes gradient steps of size 100, run B of size 1, from the same start. Use Step ×1 for the first ten steps, then ×10, with the loss chart on a log scale.',
  question: 'Textbooks say a step size this large makes gradient descent unstable. Will run A’s loss go down steadily? When its loss goes up, will its boundary get worse?',
  lookFor: [
    'Run A’s loss jumps from below 1 to above 10 within three steps and its boundary swings wildly. While the loss is still at its peak the accuracy is already climbing back, and within about ten steps the loss falls below run B’s and the accuracy passes 95%: a loss that rose on the way to a better boundary.',
    'When the classes can (almost) be separated, the logistic loss has no minimum to overshoot in the usual sense: the weights grow and only their direction matters. A huge step overshoots the loss but still turns the boundary towards the points it gets wrong, much like the perceptron.',
    'Run B goes down smoothly and slowly. Open the loss landscape to see the two paths from the same start.',
  ],
  config: {
    data: { kind: 'blobs', classes: 4, points: 300, noise: 0.2, seed: 6 },
    model: { layers: 0 },
    loss: { id: 'ce' },
    optimizer: { id: 'sgd', learningRate: 100 },
    training: { totalSteps: 200 },
    compare: { runs: [{ optimizer: { learningRate: 1 } }] },
    views: { lossShape: false, calibration: false, sharpness: false, telemetry: false },
  },
};

import type { Lesson } from './types';

/**
 * Cross-entropy against two squared errors, trained with plain gradient descent so that each
 * loss's gradient is felt as it is (Adam would rescale it away). Moons with a little noise: every
 * loss can reach a good boundary, so the difference is in how fast and how confidently.
 */
export const ceVsMse: Lesson = {
  id: 'ce-vs-mse',
  title: 'Cross-entropy vs squared error',
  setup: 'Three runs from the same data and the same initial weights: cross-entropy (A), squared error on the raw outputs (B) and squared error on the probabilities, the Brier score (C). Plain gradient descent, 600 steps.',
  question: 'Which run reaches a good test accuracy first, and which one ends with the lowest loss? Is the run with the lowest loss the best classifier?',
  lookFor: [
    'The three losses are on different scales, so their curves cannot be compared by height: run B has the lowest loss for most of the run and the worst accuracy. Compare the runs by test accuracy, in the table and the accuracy chart under the runs.',
    'Run B settles on a boundary that misses the tips of the moons and stays there. Squared error on the raw outputs asks every output to be exactly 0 or 1: in the loss-shape view its curve rises again when a prediction is "too right", so points far on the correct side pull the boundary back as hard as wrong points push it.',
    'Cross-entropy and the Brier score both end near 99%. The Brier score breaks out a little later: when the model is confidently wrong its gradient is nearly flat (the left end of its loss shape), while cross-entropy’s stays large exactly where the model is wrong.',
  ],
  config: {
    data: { kind: 'moons', points: 400, noise: 0.3, seed: 1 },
    model: { layers: 2, width: 8, activation: 'tanh' },
    loss: { id: 'ce' },
    optimizer: { id: 'sgd', learningRate: 0.5 },
    training: { totalSteps: 600 },
    compare: { runs: [{ loss: { id: 'mse' } }, { loss: { id: 'brier' } }] },
    views: { lossShape: true, calibration: false, sharpness: false, telemetry: false },
  },
};

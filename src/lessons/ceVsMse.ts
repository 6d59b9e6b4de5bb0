import { atLeast, atMost, claimResult, required, run } from './claimCheck';
import type { Lesson } from './types';

/** Softmax of outputs that squared error has pulled to exactly 1 and 0: e/(1 + e). */
const MSE_CONFIDENCE = Math.E / (1 + Math.E);

/**
 * Cross-entropy against two squared errors, trained with plain gradient descent so that each
 * loss's gradient is felt as it is (Adam would rescale it away). Moons with a little noise: every
 * loss reaches a good boundary in the end, so the difference is in how fast and how confidently.
 * Squared error on the raw outputs targets the outputs 1 and 0; read through softmax, as the app
 * reads every model, those outputs say e/(1 + e) ≈ 0.73 however sure the model could be.
 */
export const ceVsMse: Lesson = {
  id: 'ce-vs-mse',
  title: 'Cross-entropy vs squared error',
  setup: 'Three runs from the same data and the same initial weights: cross-entropy (A), squared error on the raw outputs (B) and squared error on the probabilities, the Brier score (C). Plain gradient descent; Play stops at step 600.',
  question: 'Which run reaches a good test accuracy first? Is the run with the lowest loss the best classifier? And how sure of itself will each run be when it is right?',
  lookFor: [
    'The three losses are on different scales, so their curves cannot be compared by height: run B’s loss is below run A’s for the first few hundred steps while its accuracy is no better. Compare the runs by test accuracy, in the table and the accuracy chart under the runs.',
    'Run B is slow to bend its boundary around the tips of the moons: squared error on the raw outputs asks every output to be exactly 0 or 1, so in the loss-shape view its curve rises again when a prediction is “too right”, and points far on the correct side pull the boundary back. Press Continue: given a few hundred more steps it gets there too.',
    `Run B also never becomes confident: outputs of exactly 1 and 0 mean, through softmax, a confidence of e/(1 + e) ≈ ${MSE_CONFIDENCE.toFixed(2)} on every point, right or wrong; its reliability bars sit far above the diagonal. Cross-entropy and the Brier score end near 99% accuracy and near-certain.`,
  ],
  claim: {
    text: `At T, cross-entropy’s test accuracy is at least that of squared error on the raw outputs, and the latter is underconfident: its mean confidence is below 0.8 (outputs pulled to 1 and 0 say e/(1 + e) ≈ ${MSE_CONFIDENCE.toFixed(2)}), cross-entropy’s above 0.95.`,
    holdsAt: [1, 2],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      return claimResult([
        atLeast('A − B: test accuracy', a.testAccuracy - b.testAccuracy, 0),
        atMost('B: mean confidence (raw squared error)', required('B’s confidence', b.testConfidence), 0.8),
        atLeast('A: mean confidence (cross-entropy)', required('A’s confidence', a.testConfidence), 0.95),
      ]);
    },
  },
  config: {
    data: { kind: 'moons', points: 400, noise: 0.3, seed: 1 },
    model: { layers: 2, width: 8, activation: 'tanh' },
    loss: { id: 'ce' },
    optimizer: { id: 'sgd', learningRate: 0.5 },
    training: { totalSteps: 600 },
    metrics: { calibrationEvery: 50, sharpnessEvery: 0, telemetryEvery: 0 },
    compare: { runs: [{ loss: { id: 'mse' } }, { loss: { id: 'brier' } }] },
    views: { lossShape: true, calibration: false, sharpness: false, telemetry: false },
  },
};

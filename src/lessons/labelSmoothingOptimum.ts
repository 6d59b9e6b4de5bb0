import { atLeast, claimResult, required, run, within } from './claimCheck';
import type { Lesson } from './types';

const EPSILON = 0.2;
const CLASSES = 3;
/** The smoothed target's own probability: the optimum of label smoothing on a point it fits. */
const OPTIMUM = 1 - EPSILON + EPSILON / CLASSES;

/**
 * Label smoothing trains towards q = (1 − ε)e_y + ε/K, and −Σ q_k log p_k is smallest at p = q:
 * on a point the model can fit perfectly, its confidence tends to 1 − ε + ε/K, not to 1
 * (textbook; Szegedy et al. 2016, and Müller et al. 2019, "When does label smoothing help?").
 * Three blobs that a small network fits completely; plain cross-entropy beside it runs on towards
 * certainty. The confidence is read on the training points, the ones the model fits.
 */
export const labelSmoothingOptimum: Lesson = {
  id: 'label-smoothing',
  title: 'Label smoothing caps confidence',
  setup: `Three blobs, apart enough that a small network fits every training point. Run A trains with cross-entropy, run B with label smoothing ε = ${EPSILON}. Play stops at step 600; the calibration view shows how confident each run is.`,
  question: `Both runs will fit every training point. How confident will run B be on a point it fits: 100%, or something less? Can you predict the number from ε = ${EPSILON} and the ${CLASSES} classes?`,
  lookFor: [
    `Run B’s target for a point of class y is not the one-hot vector but q = (1 − ε) on y and ε/K on every class, here ${OPTIMUM.toFixed(3)} on y and ${(EPSILON / CLASSES).toFixed(3)} on each of the others. The loss −Σ q log p is smallest when p equals q, so its confidence settles at 1 − ε + ε/K = ${OPTIMUM.toFixed(3)} and stays there.`,
    'Run A has no such optimum on separable data: cross-entropy always gains from more confidence, so its confidence climbs towards 1 and its logits keep growing.',
    'On data this easy nearly every point is right, so run B looks underconfident: its reliability bars sit above the diagonal. Label smoothing trades calibration on easy data for robustness to overconfidence on hard data.',
  ],
  claim: {
    text: `Run B fits every training point, and its mean confidence on them is within 0.02 of 1 − ε + ε/K = ${OPTIMUM.toFixed(3)}; run A’s exceeds 0.99.`,
    holdsAt: [1, 2],
    check(runs) {
      const a = run(runs, 0);
      const b = run(runs, 1);
      return claimResult([
        atLeast('B: training accuracy', b.trainAccuracy, 1),
        within('B: mean confidence on the training points', required('B’s confidence', b.trainConfidence), OPTIMUM - 0.02, OPTIMUM + 0.02),
        atLeast('A: mean confidence on the training points', required('A’s confidence', a.trainConfidence), 0.99),
      ]);
    },
  },
  config: {
    data: { kind: 'blobs', classes: CLASSES, points: 200, noise: 0, seed: 3 },
    model: { layers: 1, width: 12, activation: 'tanh' },
    loss: { id: 'ce' },
    optimizer: { id: 'adam', learningRate: 0.05 },
    training: { totalSteps: 600 },
    metrics: { calibrationEvery: 50, sharpnessEvery: 0, telemetryEvery: 0, bins: 10 },
    compare: { runs: [{ loss: { id: 'label-smoothing', params: { epsilon: EPSILON } } }] },
    views: { lossShape: false, calibration: true, sharpness: false, telemetry: false },
  },
};
